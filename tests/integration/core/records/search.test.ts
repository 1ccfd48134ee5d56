import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../../electron/core/records/search.ts';
import { openRecordsFixture, type RecordsFixture, seedDefenderCase } from './fixture.ts';

let fx: RecordsFixture;
beforeEach(async () => {
  fx = await openRecordsFixture();
});
afterEach(() => fx.cleanup());

describe('search', () => {
  it('finds cases, people aliases, incidents, risks, plans, notes — accents and case ignored, prefixes matched', () => {
    const { kase } = seedDefenderCase(fx.records);
    fx.records.create('note', { caseId: kase.id, body: 'Rendez-vous à la clinique reporté.' });
    const entities = (q: string) => fx.records.search(q).map((h) => h.entity);
    expect(entities('facebook')).toEqual(['incident']);
    expect(entities('COUMBA')).toContain('person');
    expect(entities('habites')).toEqual(['riskEntry']);
    expect(entities('protocole')).toEqual(['planMeasure']);
    expect(entities('clinique')).toEqual(['note']);
    expect(entities('avortement')).toEqual(['case']);
    expect(entities('securise')).toEqual(['case']); // "sécurisé" without accents
    expect(entities('télépho')).toEqual(['incident']); // prefix
    const hit = fx.records.search('facebook')[0]!;
    expect(hit.caseCode).toBe('DEF-2026-001');
    expect(hit.snippet).toContain('«Facebook»');
  });

  it('ranks a match in the title above a match in the body', () => {
    const { kase } = seedDefenderCase(fx.records);
    fx.records.create('planMeasure', {
      planId: fx.records.caseDetail(kase.id).plans[0]!.plan.id,
      phase: 'prevention',
      title: 'Changer de trajet',
      action: 'varier les horaires',
    });
    fx.records.create('note', { caseId: kase.id, body: 'Elle pense changer de trajet, à discuter.' });
    expect(fx.records.search('trajet').map((h) => h.entity)).toEqual(['planMeasure', 'note']);
  });

  it('filters by kind of record, case status, case kind, date range, country and tag', () => {
    const a = seedDefenderCase(fx.records, 'DEF-2026-001');
    const b = seedDefenderCase(fx.records, 'DEF-2026-002');
    fx.records.update('case', b.kase.id, { status: 'closed', location: { country: 'BF' }, tags: ['autre'] });
    expect(fx.records.search('facebook')).toHaveLength(2);
    expect(fx.records.search('facebook', { caseStatus: 'closed' }).map((h) => h.caseCode)).toEqual([
      'DEF-2026-002',
    ]);
    expect(fx.records.search('facebook', { country: 'BF' }).map((h) => h.caseCode)).toEqual(['DEF-2026-002']);
    expect(fx.records.search('facebook', { tag: 'droits-sexuels' }).map((h) => h.caseCode)).toEqual([
      'DEF-2026-001',
    ]);
    expect(fx.records.search('facebook', { caseKind: 'psea-complaint' })).toEqual([]);
    expect(fx.records.search('militante', { entity: 'case' })).toHaveLength(2);
    expect(fx.records.search('facebook', { from: '2026-02-11' })).toEqual([]);
    expect(fx.records.search('facebook', { from: '2026-02-10', to: '2026-02-10' })).toHaveLength(2);
    expect(a.kase.id).not.toBe(b.kase.id);
  });

  it('follows edits and deletions', () => {
    const { incident } = seedDefenderCase(fx.records);
    fx.records.update('incident', incident.id, { description: 'Message menaçant sur WhatsApp.' });
    expect(fx.records.search('facebook')).toEqual([]);
    expect(fx.records.search('whatsapp')).toHaveLength(1);
    fx.records.delete('incident', incident.id);
    expect(fx.records.search('whatsapp')).toEqual([]);
  });

  it('treats FTS5 syntax in what people type as plain words, never as an error', () => {
    seedDefenderCase(fx.records);
    for (const typed of ['"', 'NEAR(a b)', 'facebook OR', '*', 'a:b', '-facebook', '(((', "l'adresse", '']) {
      expect(() => fx.records.search(typed)).not.toThrow();
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (typed) => {
        const query = toFtsQuery(typed);
        if (query !== null) expect(query).toMatch(/^("[\p{L}\p{N}]+"\* ?)+$/u);
        fx.records.search(typed);
      }),
      { numRuns: 300 },
    );
  });
});
