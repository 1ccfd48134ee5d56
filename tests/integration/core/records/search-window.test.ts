/**
 * Broad queries are ranked over the matches among the most recent records (a window of rowids
 * widened ×4 until it holds RANK_CANDIDATES matches), so their cost does not grow with the vault;
 * narrow queries still reach every record. The first window is shrunk here so a few thousand
 * records exercise what 20,000 do in the product.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANK_CANDIDATES, searchRecords, snippet } from '../../../../electron/core/records/search.ts';
import { openRecordsFixture, type RecordsFixture } from './fixture.ts';

let fx: RecordsFixture;
let oldTitleHit: string;
let oldRare: string;
let newestIds: string[];

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
  oldTitleHit = note('alpha alpha alpha');
  oldRare = note('Une convocation au commissariat de Kédougou, lettre reçue le matin.');
  for (let i = 0; i < RANK_CANDIDATES + 1500; i++)
    note(`Note ${i} : alpha mentionné une fois dans un long texte ordinaire.`);
  db.exec('COMMIT');
  newestIds = db
    .prepare('SELECT record_id FROM search_docs ORDER BY rowid DESC LIMIT 1600')
    .pluck()
    .all() as string[];
});
afterAll(() => fx.cleanup());

describe('search over a window of recent records', () => {
  it('ranks a broad query among its most recent matches, widening until it holds enough', () => {
    const hits = searchRecords(fx.session.db, 'alpha', { limit: 20 }, { firstWindow: 100 });
    expect(hits).toHaveLength(20);
    // 100 newest records: 100 matches; the density says 1,500 records hold enough, so the window
    // jumps there (1,500 matches ≥ RANK_CANDIDATES) and the search stops, the oldest left out.
    for (const hit of hits) expect(newestIds).toContain(hit.recordId);
    expect(hits.map((h) => h.recordId)).not.toContain(oldTitleHit);
    // Over the whole vault (the first window covers everything) the oldest, best match wins.
    const whole = searchRecords(fx.session.db, 'alpha', { limit: 20 }, { firstWindow: 1_000_000 });
    expect(whole[0]!.recordId).toBe(oldTitleHit);
  });

  it('widens to the whole vault for a word few records hold', () => {
    const hits = searchRecords(fx.session.db, 'Kedougou convoc', {}, { firstWindow: 100 });
    expect(hits.map((h) => h.recordId)).toEqual([oldRare]);
    expect(hits[0]!.snippet).toContain('«convocation»');
    expect(hits[0]!.snippet).toContain('«Kédougou»');
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
