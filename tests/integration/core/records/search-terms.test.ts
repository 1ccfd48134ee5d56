/**
 * Search through the terms table and the facets (migration 0009): a typed prefix becomes an OR of
 * the indexed words it starts, filters are facet tokens. Results must be those of the previous
 * query shape (FTS5's own prefix query, filters joined row by row), ranked the same, and the terms
 * table must hold exactly the words of the indexed records.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultDatabase } from '../../../../electron/core/db/open.ts';
import type { EntityName } from '../../../../electron/core/records/entities.ts';
import {
  type SearchFilters,
  type SearchHit,
  searchMatching,
  searchRecords,
  toFtsQuery,
} from '../../../../electron/core/records/search.ts';
import { recordTerms } from '../../../../electron/core/records/search-index.ts';
import {
  MAX_EXPANSION,
  matchExpression,
  wordsStartingWith,
} from '../../../../electron/core/records/search-query.ts';
import { ftsTokens } from '../../../../electron/core/records/search-tokens.ts';
import { openRecordsFixture, type RecordsFixture } from './fixture.ts';

let fx: RecordsFixture;
let db: VaultDatabase;
beforeAll(async () => {
  fx = await openRecordsFixture();
  db = fx.session.db;
});
afterAll(() => fx.cleanup());

/** The previous query shape: `"word"*` prefix terms, filters checked row by row. */
function legacySearch(text: string, filters: SearchFilters = {}): SearchHit[] {
  const query = toFtsQuery(text);
  return query === null ? [] : searchMatching(db, `{title body} : (${query})`, text, filters);
}

/** Terms as they should be: every word of every indexed title and text. */
function recount(): string[] {
  const all = new Set<string>();
  const rows = db.prepare('SELECT title, body FROM search_index').all() as Array<{
    title: string;
    body: string;
  }>;
  for (const row of rows) for (const term of recordTerms(row.title, row.body)) all.add(term);
  return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** What FTS5 itself indexed in the title and text columns. */
function fts5Words(): string[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.check_terms USING fts5vocab (main, search_index, 'col')");
  return db
    .prepare("SELECT DISTINCT term FROM temp.check_terms WHERE col IN ('title', 'body') ORDER BY term")
    .pluck()
    .all() as string[];
}

function terms(): string[] {
  return db.prepare('SELECT term FROM search_terms ORDER BY term').pluck().all() as string[];
}

let codes = 0;
function newCase(
  fields: { title?: string; status?: string; kind?: string; country?: string; tags?: string[] } = {},
) {
  codes++;
  return fx.records.create('case', {
    code: `TRM-${String(codes).padStart(4, '0')}`,
    kind: fields.kind ?? 'defender-protection',
    status: fields.status ?? 'open',
    title: fields.title ?? 'Dossier',
    openedOn: '2025-06-01',
    location: fields.country ? { country: fields.country } : {},
    tags: fields.tags ?? [],
  });
}

describe('prefix expansion', () => {
  it('expands a prefix to the indexed words it starts, accents and case folded', () => {
    const kase = newCase({ title: 'Menaces reçues' });
    fx.records.create('note', { caseId: kase.id, body: 'Militante menacée, une MENACE de plus.' });
    expect(wordsStartingWith(db, 'menac')).toEqual(['menace', 'menacee', 'menaces']);
    expect(matchExpression(db, 'Ménac', {})).toBe('{title body} : ("menace" OR "menacee" OR "menaces")');
    expect(searchRecords(db, 'ménac').map((h) => h.entity)).toEqual(['case', 'note']);
    // A prefix that starts no indexed word: nothing to ask FTS5.
    expect(matchExpression(db, 'menac zzzqx', {})).toBeNull();
    expect(searchRecords(db, 'menac zzzqx')).toEqual([]);
    fx.records.delete('case', kase.id);
  });

  it('keeps FTS5’s own prefix query for a prefix that starts more than MAX_EXPANSION words', () => {
    const kase = newCase();
    const words = Array.from({ length: MAX_EXPANSION + 6 }, (_, i) => `qwv${i.toString(36)}x`);
    const notes = words.map(
      (w, i) => fx.records.create('note', { caseId: kase.id, body: `${w} note ${i}` }).id,
    );
    expect(matchExpression(db, 'qwv', {})).toBe('{title body} : "qwv"*');
    expect(searchRecords(db, 'qwv', { limit: 500 }).map((h) => h.recordId)).toEqual([...notes].reverse());
    expect(searchRecords(db, 'qwv1').map((h) => h.recordId)).toEqual(
      legacySearch('qwv1').map((h) => h.recordId),
    );
    fx.records.delete('case', kase.id);
  });

  it('turns each filter into a facet token and still checks it', () => {
    const kase = newCase({ status: 'active', country: 'SN', tags: ['urgent'] });
    fx.records.create('incident', {
      caseId: kase.id,
      occurredOn: '2024-05-02',
      kind: 'defender.threat',
      description: 'Menaces au marché',
    });
    const expression = matchExpression(db, 'menaces', {
      entity: 'incident',
      caseStatus: 'active',
      country: 'SN',
      tag: 'urgent',
      from: '2023-01-01',
      to: '2024-12-31',
    })!;
    expect(expression).toContain('{facets} : "e696e636964656e74"');
    expect(expression).toContain('{facets} : ("y32303233" OR "y32303234")');
    expect(searchRecords(db, 'menaces', { country: 'SN', tag: 'urgent' })).toHaveLength(1);
    // A case edit moves its records' facets along.
    fx.records.update('case', kase.id, { status: 'closed', location: { country: 'BF' }, tags: ['autre'] });
    expect(searchRecords(db, 'menaces', { country: 'SN' })).toEqual([]);
    expect(searchRecords(db, 'menaces', { caseStatus: 'active' })).toEqual([]);
    expect(searchRecords(db, 'menaces', { country: 'BF', caseStatus: 'closed', tag: 'autre' })).toHaveLength(
      1,
    );
    expect(searchRecords(db, 'menaces', { tag: 'urgent' })).toEqual([]);
    expect(
      searchRecords(db, 'menaces', { from: '2025-01-01', to: '2025-12-31', entity: 'incident' }),
    ).toEqual([]);
    expect(searchRecords(db, 'menaces', { from: '2024-12-01', to: '2024-01-01' })).toEqual([]);
    fx.records.delete('case', kase.id);
  });
});

describe('terms table', () => {
  it('lists each word while a record holds it, and follows edits and deletions', () => {
    expect(terms()).toEqual([]);
    const kase = newCase({ title: 'Alpha bêta' });
    const note = fx.records.create('note', { caseId: kase.id, body: 'Bêta gamma gamma' });
    expect(terms()).toEqual(expect.arrayContaining(['alpha', 'beta', 'gamma']));
    fx.records.update('note', note.id, { body: 'Delta seulement' });
    expect(terms()).not.toContain('gamma');
    expect(terms()).toContain('beta'); // still in the case's title
    expect(terms()).toEqual(recount());
    expect(terms()).toEqual(fts5Words());
    fx.records.update('case', kase.id, { title: 'Autre titre' });
    expect(terms()).not.toContain('beta');
    expect(terms()).toEqual(fts5Words());
    fx.records.delete('case', kase.id);
    expect(terms()).toEqual([]);
  });
});

// Random small vaults: a vocabulary with shared prefixes, accents and case, random filters.
const VOCABULARY = [
  'menace',
  'Menaces',
  'menacée',
  'ménage',
  'marché',
  'Marchés',
  'école',
  'écoles',
  'nuit',
  'Nuits',
  'appel',
  'appels',
  'Thiès',
  'thé',
  'kédougou',
  'Keur',
];
const STATUSES = ['open', 'active', 'referred', 'closed'];
const KINDS = ['defender-protection', 'child-protection', 'gbv-case'];
const COUNTRIES = [undefined, 'SN', 'BF', 'ML'];
const TAGS = ['urgent', 'suivi', 'médias'];

const text = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const caseArb = fc.record({
  title: text,
  status: fc.constantFrom(...STATUSES),
  kind: fc.constantFrom(...KINDS),
  country: fc.constantFrom(...COUNTRIES),
  tags: fc.subarray(TAGS),
  records: fc.array(
    fc.record({
      entity: fc.constantFrom('note', 'incident'),
      body: text,
      year: fc.integer({ min: 2019, max: 2026 }),
    }),
    { maxLength: 5 },
  ),
  /** Edited after its records were written: their facets must follow. */
  edit: fc.option(
    fc.record({
      title: text,
      status: fc.constantFrom(...STATUSES),
      country: fc.constantFrom(...COUNTRIES),
      tags: fc.subarray(TAGS),
    }),
    { nil: undefined },
  ),
});
const prefix = fc
  .tuple(fc.constantFrom(...VOCABULARY), fc.integer({ min: 1, max: 9 }))
  .map(([w, n]) => w.slice(0, n));
const filtersArb: fc.Arbitrary<SearchFilters> = fc.record(
  {
    entity: fc.constantFrom<EntityName>('case', 'note', 'incident'),
    caseStatus: fc.constantFrom(...STATUSES),
    caseKind: fc.constantFrom(...KINDS),
    country: fc.constantFrom('SN', 'BF', 'ML'),
    tag: fc.constantFrom(...TAGS),
    from: fc.integer({ min: 2018, max: 2027 }).map((y) => `${y}-03-01`),
    to: fc.integer({ min: 2018, max: 2027 }).map((y) => `${y}-09-30`),
  },
  { requiredKeys: [] },
);

interface Doc {
  id: string;
  entity: string;
  words: string[];
  onDate: string | null;
  kase: { status: string; kind: string; country?: string; tags: string[] };
}

/** By hand: every typed word is a prefix of some word of the record (after FTS5's folding). */
function bruteForce(docs: readonly Doc[], typed: string, filters: SearchFilters): string[] {
  const wanted = typed.split(' ').map((w) => ftsTokens(w)[0]!);
  return docs
    .filter(
      (d) =>
        wanted.every((w) => d.words.some((x) => x.startsWith(w))) &&
        (!filters.entity || d.entity === filters.entity) &&
        (!filters.caseStatus || d.kase.status === filters.caseStatus) &&
        (!filters.caseKind || d.kase.kind === filters.caseKind) &&
        (!filters.country || d.kase.country === filters.country) &&
        (!filters.tag || d.kase.tags.includes(filters.tag)) &&
        (!filters.from || (d.onDate !== null && d.onDate >= filters.from)) &&
        (!filters.to || (d.onDate !== null && d.onDate <= filters.to)),
    )
    .map((d) => d.id)
    .sort();
}

describe('same results as before, and as by hand, on random small vaults', () => {
  it('equals the previous query shape (same hits, same order, same snippets) and a brute-force search', () => {
    fc.assert(
      fc.property(
        fc.array(caseArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.array(prefix, { minLength: 1, maxLength: 2 }), filtersArb), {
          minLength: 1,
          maxLength: 8,
        }),
        (cases, queries) => {
          const docs: Doc[] = [];
          const created: string[] = [];
          for (const c of cases) {
            const kase = newCase(c);
            created.push(kase.id);
            const meta = { status: c.status, kind: c.kind, country: c.country, tags: c.tags };
            const caseWords = (f: { title: string; country?: string; tags: string[] }) =>
              ftsTokens(`${kase.code} ${f.title} ${f.country ?? ''} ${f.tags.join(' ')}`);
            const caseDoc: Doc = {
              id: kase.id,
              entity: 'case',
              words: caseWords(c),
              onDate: '2025-06-01',
              kase: meta,
            };
            docs.push(caseDoc);
            for (const r of c.records) {
              const onDate = `${r.year}-06-15`;
              const record =
                r.entity === 'note'
                  ? fx.records.create('note', { caseId: kase.id, body: r.body })
                  : fx.records.create('incident', {
                      caseId: kase.id,
                      occurredOn: onDate,
                      kind: 'defender.threat',
                      description: r.body,
                    });
              const words = ftsTokens(`${r.entity === 'note' ? 'note' : 'defender.threat'} ${r.body}`);
              docs.push({
                id: record.id,
                entity: r.entity,
                words,
                onDate: r.entity === 'note' ? null : onDate,
                kase: meta,
              });
            }
            if (c.edit) {
              const { title, status, country, tags } = c.edit;
              fx.records.update('case', kase.id, {
                title,
                status,
                location: country ? { country } : {},
                tags,
              });
              Object.assign(meta, { status, country, tags });
              caseDoc.words = caseWords(c.edit);
            }
          }
          try {
            for (const [words, filters] of queries) {
              const typed = words.join(' ');
              const hits = searchRecords(db, typed, { ...filters, limit: 500 });
              expect(hits).toEqual(legacySearch(typed, { ...filters, limit: 500 }));
              const expected = bruteForce(docs, typed, filters);
              expect(hits.map((h) => h.recordId).sort()).toEqual(expected);
            }
            expect(terms()).toEqual(recount());
            expect(terms()).toEqual(fts5Words());
          } finally {
            for (const id of created) fx.records.delete('case', id);
          }
          expect(terms()).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
