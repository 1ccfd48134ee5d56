/**
 * Full-text search over the records (FTS5 inside the encrypted database) with filters. What a
 * person types is turned into a safe FTS5 query: each word is a prefix, expanded to the indexed
 * words it starts (search-query.ts, through the terms table of search-index.ts) or kept as a quoted
 * prefix term, so FTS5 operators in the input are plain text; filters are facet tokens.
 *
 * Cost is bounded whatever the vault's size: FTS5 hands over the most recent matches first
 * (`ORDER BY rowid DESC` walks the index backwards and stops), and only the newest RANK_CANDIDATES
 * matches that pass the filters are ranked. A word found in a third of 1.1M records is ranked over
 * its 300 most recent matches instead of 360,000; adding a word or a filter reaches older ones;
 * a query with fewer matches is ranked over all of them.
 *
 * Ranking is done here rather than with FTS5's bm25(): bm25's IDF counts every match of every term
 * on each query (~10 ms for a common word at 1.1M records, and a bound on rowids is a filter FTS5
 * applies after walking the whole doclist, not a seek: docs/benchmarks.md §3). All candidates
 * contain every word (the query is an AND), so the score is BM25's term-frequency part — matches in
 * the title weigh 4× matches in the text, saturating, normalised by length — summed over the
 * words; ties go to the newer record.
 */
import type { VaultDatabase } from '../db/open.ts';
import { plucked, prepared } from '../db/statements.ts';
import type { EntityName } from './entities.ts';
import { matchExpression, typedWords } from './search-query.ts';

export interface SearchFilters {
  entity?: EntityName;
  caseStatus?: string;
  caseKind?: string;
  /** Inclusive `YYYY-MM-DD` bounds on the record's own date (incident date, risk date, …). */
  from?: string;
  to?: string;
  country?: string;
  tag?: string;
  limit?: number;
}

export interface SearchHit {
  entity: EntityName;
  recordId: string;
  caseId: string | null;
  caseCode: string | null;
  title: string;
  snippet: string;
  onDate: string | null;
  rank: number;
}

/** Words (letters, digits, apostrophes inside words) → `"word"*` terms joined by AND. */
export function toFtsQuery(text: string): string | null {
  const words = typedWords(text);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** How many of the most recent matches are ranked. */
export const RANK_CANDIDATES = 300;
/** BM25's usual constants; TITLE_WEIGHT is how much a match in the title counts over one in the text. */
const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 4;

/**
 * 1. candidates: the newest RANK_CANDIDATES matches that pass the filters — FTS5 in rowid order,
 *    backwards, the filters being facet tokens in the MATCH (search-query.ts), dates checked on
 *    search_docs row by row;
 * 2. rank them here from their title and text, read by rowid (never inside a MATCH: FTS5 would walk
 *    the whole doclist for each row), and cut each snippet from the same text; only the hits shown
 *    are looked up in search_docs and cases (each lookup of a scattered row is a page to decrypt).
 */
export function searchRecords(db: VaultDatabase, text: string, filters: SearchFilters = {}): SearchHit[] {
  const match = matchExpression(db, text, filters);
  if (match === null) return [];
  return rankCandidates(db, candidates(db, match, filters, false), text, limitOf(filters));
}

/**
 * The previous shape of step 1, every filter checked in SQL on the joined tables: the reference
 * the tests hold the facets to (give it a MATCH without facets and it is the search before 0009).
 */
export function searchMatching(
  db: VaultDatabase,
  match: string,
  text: string,
  filters: SearchFilters,
): SearchHit[] {
  return rankCandidates(db, candidates(db, match, filters, true), text, limitOf(filters));
}

function limitOf(filters: SearchFilters): number {
  return Math.min(Math.max(filters.limit ?? 50, 1), 500);
}

/**
 * The newest RANK_CANDIDATES rowids matching `match` that pass the filters. The facets in the MATCH
 * decide kind of record, case status, kind, country and tag exactly (kept by the store in the same
 * transaction as the case); dates are checked here because a year facet only narrows to the years.
 */
function candidates(db: VaultDatabase, match: string, filters: SearchFilters, checkAll: boolean): number[] {
  const where: string[] = ['search_index MATCH ?'];
  const params: unknown[] = [match];
  let joinDocs = false;
  let joinCases = false;
  const on = (column: string, op: string, value: string | undefined, table: 'd' | 'c', facet: boolean) => {
    if (value === undefined || value === '' || (facet && !checkAll)) return;
    where.push(`${table}.${column} ${op} ?`);
    params.push(value);
    joinDocs = true;
    if (table === 'c') joinCases = true;
  };
  on('entity', '=', filters.entity, 'd', true);
  on('on_date', '>=', filters.from, 'd', false);
  on('on_date', '<=', filters.to, 'd', false);
  on('status', '=', filters.caseStatus, 'c', true);
  on('kind', '=', filters.caseKind, 'c', true);
  on('country', '=', filters.country, 'c', true);
  if (filters.tag && checkAll) {
    where.push('EXISTS (SELECT 1 FROM case_tags t WHERE t.case_id = d.case_id AND t.tag = ?)');
    params.push(filters.tag);
    joinDocs = true;
  }
  const joins = `${joinDocs ? 'JOIN search_docs d ON d.rowid = search_index.rowid' : ''}
         ${joinCases ? 'JOIN cases c ON c.id = d.case_id' : ''}`;
  return plucked(
    db,
    `SELECT search_index.rowid FROM search_index ${joins}
      WHERE ${where.join(' AND ')}
      ORDER BY search_index.rowid DESC
      LIMIT ${RANK_CANDIDATES}`,
  ).all(...params) as number[];
}

/** Ranks candidates (rowids, newest first) for `text` and builds the snippets of the best `limit`. */
function rankCandidates(
  db: VaultDatabase,
  rowids: readonly number[],
  text: string,
  limit: number,
): SearchHit[] {
  if (rowids.length === 0) return [];
  const content = prepared(db, 'SELECT title, body FROM search_index WHERE rowid = ?');
  const doc = prepared(
    db,
    `SELECT d.entity, d.record_id AS recordId, d.case_id AS caseId, c.code AS caseCode, d.on_date AS onDate
       FROM search_docs d
       LEFT JOIN cases c ON c.id = d.case_id
      WHERE d.rowid = ?`,
  );
  const words = queryWords(text);
  const rows = rowids.map((rowid) => {
    const row = content.get(rowid) as { title: string | null; body: string | null };
    const title = tokens(row.title ?? '');
    const body = tokens(row.body ?? '');
    return { rowid, row, title, body, length: title.length * TITLE_WEIGHT + body.length };
  });
  const meanLength = rows.reduce((sum, r) => sum + r.length, 0) / rows.length || 1;
  const scored = rows.map((r) => {
    let score = 0;
    for (const word of words) {
      const f = TITLE_WEIGHT * matches(r.title, word) + matches(r.body, word);
      score += (f * (K1 + 1)) / (f + K1 * (1 - B + (B * r.length) / meanLength));
    }
    return { ...r, score };
  });
  // rowids come newest first and Array.prototype.sort is stable: equal scores keep that order.
  scored.sort((x, y) => y.score - x.score);
  return scored.slice(0, limit).map(({ rowid, row, score }) => {
    const { entity, recordId, caseId, caseCode, onDate } = doc.get(rowid) as Omit<
      SearchHit,
      'title' | 'snippet' | 'rank'
    >;
    const title = row.title as string;
    // Lower is better, as bm25() was: callers and the format keep that convention.
    return {
      entity,
      recordId,
      caseId,
      caseCode,
      title,
      onDate,
      snippet: snippet(row.body ?? '', words),
      rank: -score,
    };
  });
}

/** The folded words of a text: folding the whole text once is ~10× cheaper than word by word. */
function tokens(textValue: string): string[] {
  return fold(textValue)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

function matches(folded: readonly string[], word: string): number {
  let n = 0;
  for (const token of folded) if (token.startsWith(word)) n++;
  return n;
}

/** What the FTS5 tokenizer (unicode61, remove_diacritics 2) compares: no accents, lower case. */
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function queryWords(text: string): string[] {
  return typedWords(text).map(fold);
}

const SNIPPET_TOKENS = 12;

/**
 * Up to 12 words of `body` around the first match, matched words in «», "…" where text was cut —
 * the shape FTS5's snippet() gave, computed from one row instead of inside the MATCH.
 */
export function snippet(body: string, words: readonly string[]): string {
  const tokens = [...body.matchAll(/[\p{L}\p{N}]+/gu)];
  if (tokens.length === 0) return '';
  const hit = (i: number) => {
    const folded = fold(tokens[i]![0]);
    return words.some((w) => folded.startsWith(w));
  };
  let first = tokens.findIndex((_, i) => hit(i));
  if (first === -1) first = 0;
  const start = Math.max(0, Math.min(first - 3, tokens.length - SNIPPET_TOKENS));
  const end = Math.min(tokens.length, start + SNIPPET_TOKENS);
  let out = start > 0 ? '…' : body.slice(0, tokens[0]!.index);
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    const next = i + 1 < end ? tokens[i + 1]!.index : token.index + token[0].length;
    const gap = body.slice(token.index + token[0].length, next);
    out += (hit(i) ? `«${token[0]}»` : token[0]) + (i + 1 < end ? gap : '');
  }
  const last = tokens[end - 1]!;
  return end < tokens.length ? `${out}…` : out + body.slice(last.index + last[0].length);
}
