/**
 * The write side of search (migration 0009): each record is one row of `search_docs` and one row
 * of the FTS5 table `search_index (title, body, facets)`, and every word of its title and text is
 * listed in `search_terms (term)`.
 *
 * - `search_terms` lets a query expand a prefix to the real words that start with it (search.ts):
 *   FTS5 iterates `("menace" OR "menaces")` lazily, newest first, where `"menace"*` made it merge
 *   the whole doclists of every such word first (6–10 ms for a common word at 1.1M records). When
 *   a record leaves the index (deleted, or edited: re-indexed), each of its words that no record
 *   holds any more — the index is asked — is deleted, so no word of a deleted or edited record
 *   stays behind (secure_delete zeroes the freed bytes).
 * - `facets` holds the filter values as opaque tokens (kind of record, the case's status, kind,
 *   country and tags, the year of the record's date), so a filter is part of the MATCH and FTS5
 *   skips to the rows that pass it instead of search joining every match to the case. The case's
 *   values are copied onto its records: a case's create or update refreshes its records' facets.
 *   search.ts still checks every filter in SQL; facets only decide which rows FTS5 visits.
 */
import type { VaultDatabase } from '../db/open.ts';
import { plucked, prepared } from '../db/statements.ts';
import type { EntityName } from './entities.ts';
import { distinctTokens } from './search-tokens.ts';

/** One letter per filter, then the value's UTF-8 bytes in hex: one FTS5 token whatever the value. */
export const FACET = {
  entity: 'e',
  status: 's',
  kind: 'k',
  country: 'c',
  tag: 't',
  year: 'y',
} as const;

export function facetToken(facet: keyof typeof FACET, value: string): string {
  return FACET[facet] + Buffer.from(value, 'utf8').toString('hex');
}

/** The year of a record's date, when it has one (dates are ISO `YYYY-MM-DD`). */
export function yearOf(onDate: string | null): string | null {
  return onDate !== null && /^\d{4}/.test(onDate) ? onDate.slice(0, 4) : null;
}

/**
 * The facets of a record. Mirrored in SQL by migration 0009 (same tokens, same order), which
 * builds them for the records already in a vault.
 */
export function facetsOf(
  db: VaultDatabase,
  entity: EntityName,
  caseId: string | null,
  onDate: string | null,
): string {
  const tokens = [facetToken('entity', entity)];
  const year = yearOf(onDate);
  if (year !== null) tokens.push(facetToken('year', year));
  if (caseId !== null) {
    const kase = prepared(db, 'SELECT status, kind, country FROM cases WHERE id = ?').get(caseId) as
      | { status: string; kind: string; country: string | null }
      | undefined;
    if (kase) {
      tokens.push(facetToken('status', kase.status), facetToken('kind', kase.kind));
      if (kase.country !== null) tokens.push(facetToken('country', kase.country));
      const tags = plucked(db, 'SELECT tag FROM case_tags WHERE case_id = ? ORDER BY tag').all(
        caseId,
      ) as string[];
      for (const tag of tags) tokens.push(facetToken('tag', tag));
    }
  }
  return tokens.join(' ');
}

/** The words of a record's title and text, each once. */
export function recordTerms(title: string | null, body: string | null): Set<string> {
  const terms = distinctTokens(title ?? '');
  for (const term of distinctTokens(body ?? '')) terms.add(term);
  return terms;
}

/**
 * Lists the terms of a record being indexed. One statement per record (the terms as a JSON array),
 * and `OR IGNORE` rather than a count to increment: a known word costs one lookup and no write
 * (~14 µs a record against ~31 for counting, ~48 for one upsert per term).
 */
export function addTerms(db: VaultDatabase, terms: Iterable<string>): void {
  const list = JSON.stringify([...terms]);
  if (list === '[]') return;
  prepared(db, 'INSERT OR IGNORE INTO search_terms (term) SELECT value FROM json_each(?)').run(list);
}

/**
 * After a record's row left the index: each of its terms that no other record's title or text
 * holds any more is deleted. The index itself is asked (an exact term, first match only), so the
 * list cannot drift from it.
 */
export function removeTerms(db: VaultDatabase, terms: Iterable<string>): void {
  const stillUsed = plucked(db, 'SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 1');
  const drop = prepared(db, 'DELETE FROM search_terms WHERE term = ?');
  for (const term of terms) {
    if (stillUsed.get(`{title body} : "${term}"`) === undefined) drop.run(term);
  }
}

export interface SearchDoc {
  recordId: string;
  entity: EntityName;
  caseId: string | null;
  onDate: string | null;
  title: string;
  body: string;
}

/** Indexes a record (after `unindexRecords` if it was indexed before). */
export function indexRecord(db: VaultDatabase, doc: SearchDoc): void {
  const info = prepared(
    db,
    'INSERT INTO search_docs (record_id, entity, case_id, on_date) VALUES (?, ?, ?, ?)',
  ).run(doc.recordId, doc.entity, doc.caseId, doc.onDate);
  prepared(db, 'INSERT INTO search_index (rowid, title, body, facets) VALUES (?, ?, ?, ?)').run(
    info.lastInsertRowid,
    doc.title,
    doc.body,
    facetsOf(db, doc.entity, doc.caseId, doc.onDate),
  );
  addTerms(db, recordTerms(doc.title, doc.body));
}

/** Removes records from the index and their words from the terms (read back from the index). */
export function unindexRecords(db: VaultDatabase, recordIds: readonly string[]): void {
  const find = plucked(db, 'SELECT rowid FROM search_docs WHERE record_id = ?');
  const read = prepared(db, 'SELECT title, body FROM search_index WHERE rowid = ?');
  const dropIndex = prepared(db, 'DELETE FROM search_index WHERE rowid = ?');
  const dropDoc = prepared(db, 'DELETE FROM search_docs WHERE rowid = ?');
  for (const id of recordIds) {
    const rowid = find.get(id) as number | undefined;
    if (rowid === undefined) continue;
    const stored = read.get(rowid) as { title: string | null; body: string | null } | undefined;
    dropIndex.run(rowid);
    dropDoc.run(rowid);
    if (stored) removeTerms(db, recordTerms(stored.title, stored.body));
  }
}

/**
 * After a case is written: its records carry its status, kind, country and tags in their facets,
 * so those that changed are rewritten (FTS5 updates a row as a delete and an insert; the words do
 * not change, so the terms stay as they are).
 */
export function refreshCaseFacets(db: VaultDatabase, caseId: string): void {
  const docs = prepared(db, 'SELECT rowid, entity, on_date AS onDate FROM search_docs WHERE case_id = ?').all(
    caseId,
  ) as Array<{ rowid: number; entity: EntityName; onDate: string | null }>;
  const current = plucked(db, 'SELECT facets FROM search_index WHERE rowid = ?');
  const update = prepared(db, 'UPDATE search_index SET facets = ? WHERE rowid = ?');
  for (const doc of docs) {
    const facets = facetsOf(db, doc.entity, caseId, doc.onDate);
    if (current.get(doc.rowid) !== facets) update.run(facets, doc.rowid);
  }
}
