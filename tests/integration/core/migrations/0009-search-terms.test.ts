import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { searchRecords } from '../../../../electron/core/records/search.ts';
import { facetsOf, recordTerms } from '../../../../electron/core/records/search-index.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Indexed rows as version 8 wrote them: search_docs + search_index (title, body). */
const DOCS = [
  {
    rowid: 3,
    record: 'c1',
    entity: 'case',
    caseId: 'c1',
    on: '2024-03-01',
    title: 'DEF-1 Menaces',
    body: 'Militante menacée à Thiès',
  },
  {
    rowid: 5,
    record: 'i1',
    entity: 'incident',
    caseId: 'c1',
    on: '2024-05-02',
    title: 'threat',
    body: 'Menaces reçues au marché',
  },
  {
    rowid: 6,
    record: 'n1',
    entity: 'note',
    caseId: 'c2',
    on: null,
    title: 'Note',
    body: 'Rendez-vous à la clinique',
  },
  {
    rowid: 9,
    record: 'p1',
    entity: 'person',
    caseId: null,
    on: null,
    title: 'Coumba',
    body: 'Marché central, menace',
  },
];

describe('migration 0009 search terms', () => {
  it('upgrades a version-8 database holding indexed records: facets added, terms listed, search works', () => {
    const { db, reopen } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: 8 });
    const kase = db.prepare(
      "INSERT INTO cases (id, code, kind, status, sensitivity, opened_on, title, data, created_at, updated_at, country) VALUES (?, ?, ?, ?, 'normal', '2024-03-01', 't', '{}', 'x', 'x', ?)",
    );
    kase.run('c1', 'DEF-1', 'defender-protection', 'active', 'SN');
    kase.run('c2', 'DEF-2', 'child-protection', 'closed', null);
    db.prepare(
      "INSERT INTO case_tags (case_id, tag) VALUES ('c1', 'urgent'), ('c1', 'droits-sexuels')",
    ).run();
    const doc = db.prepare(
      'INSERT INTO search_docs (rowid, record_id, entity, case_id, on_date) VALUES (?, ?, ?, ?, ?)',
    );
    const fts = db.prepare('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)');
    for (const d of DOCS) {
      doc.run(d.rowid, d.record, d.entity, d.caseId, d.on);
      fts.run(d.rowid, d.title, d.body);
    }
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW, target: 9 })).toEqual([9]);
    expect(schemaVersion(upgraded)).toBe(9);
    // Same rowids and texts; facets as the store computes them for new writes.
    const rows = upgraded.prepare('SELECT rowid, title, body, facets FROM search_index ORDER BY rowid').all();
    expect(rows).toEqual(
      DOCS.map((d) => ({
        rowid: d.rowid,
        title: d.title,
        body: d.body,
        facets: facetsOf(upgraded, d.entity as never, d.caseId, d.on),
      })),
    );
    expect(rows[0]).toMatchObject({
      facets: expect.stringContaining(` t${Buffer.from('urgent').toString('hex')}`),
    });
    // The old table is gone; secure-delete is on for the new one.
    const tables = upgraded
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'search_index%'")
      .pluck()
      .all();
    expect(tables).not.toContain('search_index_0008');
    expect(
      upgraded.prepare("SELECT v FROM search_index_config WHERE k = 'secure-delete'").pluck().get(),
    ).toBe(1);
    // Terms: every word of the titles and texts, once.
    const expected = new Set<string>();
    for (const d of DOCS) for (const t of recordTerms(d.title, d.body)) expected.add(t);
    const terms = upgraded.prepare('SELECT term FROM search_terms ORDER BY term').pluck().all() as string[];
    expect(terms).toEqual([...expected].sort((a, b) => (a < b ? -1 : 1)));
    expect(terms).toEqual(expect.arrayContaining(['menaces', 'menacee', 'marche', 'clinique', 'coumba']));

    // Search over the upgraded index: prefixes, accents, filters.
    const ids = (q: string, filters = {}) =>
      searchRecords(upgraded, q, filters)
        .map((h) => h.recordId)
        .sort();
    expect(ids('menac')).toEqual(['c1', 'i1', 'p1']);
    expect(ids('marche')).toEqual(['i1', 'p1']);
    expect(ids('menac', { country: 'SN' })).toEqual(['c1', 'i1']);
    expect(ids('menac', { tag: 'urgent', entity: 'incident' })).toEqual(['i1']);
    expect(ids('clinique', { caseStatus: 'closed', caseKind: 'child-protection' })).toEqual(['n1']);
    expect(ids('menac', { from: '2024-04-01', to: '2024-12-31' })).toEqual(['i1']);
    expect(ids('zzz')).toEqual([]);
    upgraded.close();
  });
});
