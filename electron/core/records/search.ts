/**
 * Full-text search over the records (FTS5 inside the encrypted database) with filters, ranked by
 * BM25 (titles weigh more than bodies). What a person types is turned into a safe FTS5 query: each
 * word becomes a quoted prefix term, so FTS5 operators in the input are plain text.
 *
 * Cost is bounded for broad queries: BM25 is computed over the matches among the most recent
 * records first (a window of rowids, i.e. of insertion order), widened — by at least ×4, more when
 * the matches are sparse — until it holds at least RANK_CANDIDATES matches or covers the whole index. A word found in a third of 1.1M records is then
 * ranked over a few thousand recent matches instead of 360,000 (docs/benchmarks.md, search): the best
 * hits of a very broad query come from recent records, and adding a word or a filter reaches older
 * ones. Queries with fewer matches than that are ranked over all of them, exactly as before.
 */
import type { VaultDatabase } from '../db/open.ts';
import { prepared } from '../db/statements.ts';
import type { EntityName } from './entities.ts';

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
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 16);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** Windows start with the newest FIRST_WINDOW records and grow ×4. */
const FIRST_WINDOW = 20_000;
/** A window holding at least this many matches is enough to rank a page from. */
export const RANK_CANDIDATES = 1_000;

/**
 * 1. rank: BM25 of the matches that pass the filters in the current window, keep the best `limit`;
 * 2. show: title, text and case code of those rows only, by rowid (no MATCH: FTS5 would walk the
 *    whole doclist for each row), with the snippet built here.
 */
export function searchRecords(
  db: VaultDatabase,
  text: string,
  filters: SearchFilters = {},
  /** Tests shrink the first window to exercise widening without 20,000 records. */
  tuning: { firstWindow?: number } = {},
): SearchHit[] {
  const query = toFtsQuery(text);
  if (!query) return [];
  const where: string[] = ['search_index MATCH ?', 'search_index.rowid >= ?'];
  const params: unknown[] = [];
  let joinDocs = false;
  let joinCases = false;
  const on = (column: string, op: string, value: string | undefined, table: 'd' | 'c') => {
    if (value === undefined || value === '') return;
    where.push(`${table}.${column} ${op} ?`);
    params.push(value);
    joinDocs = true;
    if (table === 'c') joinCases = true;
  };
  on('entity', '=', filters.entity, 'd');
  on('on_date', '>=', filters.from, 'd');
  on('on_date', '<=', filters.to, 'd');
  on('status', '=', filters.caseStatus, 'c');
  on('kind', '=', filters.caseKind, 'c');
  on('country', '=', filters.country, 'c');
  if (filters.tag) {
    where.push('EXISTS (SELECT 1 FROM case_tags t WHERE t.case_id = d.case_id AND t.tag = ?)');
    params.push(filters.tag);
    joinDocs = true;
  }
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), 500);
  const joins = `${joinDocs ? 'JOIN search_docs d ON d.rowid = search_index.rowid' : ''}
         ${joinCases ? 'JOIN cases c ON c.id = d.case_id' : ''}`;
  // Up to RANK_CANDIDATES rows back: fewer means the window held fewer matches, so widen it.
  const rank = prepared(
    db,
    `SELECT search_index.rowid AS rowid, bm25(search_index, 4.0, 1.0) AS rank
       FROM search_index ${joins}
      WHERE ${where.join(' AND ')}
      ORDER BY rank
      LIMIT ${RANK_CANDIDATES}`,
  );
  const newest =
    (prepared(db, 'SELECT max(rowid) AS m FROM search_docs').get() as { m: number | null }).m ?? 0;
  let candidates: Array<{ rowid: number; rank: number }> = [];
  for (let window = tuning.firstWindow ?? FIRST_WINDOW; ; ) {
    const from = window > newest ? 0 : newest - window + 1;
    candidates = rank.all(query, from, ...params) as typeof candidates;
    if (from === 0 || candidates.length >= RANK_CANDIDATES) break;
    // Each query pays a fixed cost (FTS5 expands prefix terms whatever the window), so jump straight
    // to the window this one's density says is enough (at least ×4); no match at all: everything.
    const needed = (window * RANK_CANDIDATES * 1.5) / Math.max(candidates.length, 1);
    window = candidates.length === 0 ? newest + 1 : Math.max(window * 4, Math.ceil(needed));
  }
  const ranked = candidates.slice(0, limit);
  const show = prepared(
    db,
    `SELECT d.entity, d.record_id AS recordId, d.case_id AS caseId, c.code AS caseCode,
            s.title AS title, s.body AS body, d.on_date AS onDate
       FROM search_docs d
       JOIN search_index s ON s.rowid = d.rowid
       LEFT JOIN cases c ON c.id = d.case_id
      WHERE d.rowid = ?`,
  );
  const words = queryWords(text);
  return ranked.map(({ rowid, rank }) => {
    const { body, ...row } = show.get(rowid) as Omit<SearchHit, 'rank' | 'snippet'> & { body: string };
    return { ...row, snippet: snippet(body ?? '', words), rank };
  });
}

/** What the FTS5 tokenizer (unicode61, remove_diacritics 2) compares: no accents, lower case. */
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function queryWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 16)
    .map(fold);
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
