/**
 * Broad queries are ranked over their RANK_CANDIDATES most recent matches (FTS5 walks its index
 * backwards and stops), so their cost does not grow with the vault; narrow queries still reach every
 * record; ties go to the newer record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANK_CANDIDATES, searchRecords, snippet } from '../../../../electron/core/records/search.ts';
import { openRecordsFixture, type RecordsFixture } from './fixture.ts';

let fx: RecordsFixture;
let oldBest: string;
let oldRare: string;
let newest: string[];

beforeAll(async () => {
  fx = await openRecordsFixture();
  const kase = fx.records.create('case', {
    code: 'WIN-001',
    kind: 'defender-protection',
    title: 'Dossier fenêtre',
    openedOn: '2026-01-01',
  });
  const note = (body: string) => fx.records.create('note', { caseId: kase.id, body }).id;
  const db = fx.session.db;
  db.exec('BEGIN');
  // The oldest notes: one that would rank first on "alpha" (the word three times), one rare word.
  oldBest = note('alpha alpha alpha');
  oldRare = note('Une convocation au commissariat de Kédougou, lettre reçue le matin.');
  const ordinary: string[] = [];
  for (let i = 0; i < RANK_CANDIDATES + 500; i++)
    ordinary.push(note(`Note ${i} : alpha mentionné une fois dans un long texte ordinaire.`));
  db.exec('COMMIT');
  newest = ordinary.slice(-RANK_CANDIDATES);
});
afterAll(() => fx.cleanup());

describe('search over the most recent matches', () => {
  it('ranks a broad query among its newest matches; equal scores go to the newer record', () => {
    const hits = searchRecords(fx.session.db, 'alpha', { limit: 20 });
    expect(hits).toHaveLength(20);
    for (const hit of hits) expect(newest).toContain(hit.recordId);
    expect(hits.map((h) => h.recordId)).not.toContain(oldBest);
    // All 20 score the same (same text): newest first.
    expect(hits.map((h) => h.recordId)).toEqual([...newest].reverse().slice(0, 20));
  });

  it('reaches every record for a query with fewer matches, and ranks the best one first', () => {
    expect(searchRecords(fx.session.db, 'Kedougou convoc').map((h) => h.recordId)).toEqual([oldRare]);
    const hit = searchRecords(fx.session.db, 'Kedougou convoc')[0]!;
    expect(hit.snippet).toContain('«convocation»');
    expect(hit.snippet).toContain('«Kédougou»');
  });
});

describe('snippet', () => {
  it('marks words matched without accents or case, and cuts around the first match', () => {
    const body =
      'Un deux trois quatre cinq six sept huit neuf dix onze douze treize Menaces reçues à Thiès après une émission de radio sur le droit à l’avortement.';
    const words = ['menace', 'thies'];
    expect(snippet(body, words)).toBe(
      '…onze douze treize «Menaces» reçues à «Thiès» après une émission de radio…',
    );
    expect(snippet('Court.', ['court'])).toBe('«Court».');
    expect(snippet('', ['x'])).toBe('');
  });
});
