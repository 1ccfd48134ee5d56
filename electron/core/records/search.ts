/**
 * Full-text search over the records (FTS5 inside the encrypted database) with filters, ranked by
 * BM25 (titles weigh more than bodies). What a person types is turned into a safe FTS5 query: each
 * word becomes a quoted prefix term, so FTS5 operators in the input are plain text.
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

/**
 * Two steps, so the cost of a common word is ranking its matches, not building a snippet for each:
 * 1. rank: BM25 of every match that passes the filters, keep the best `limit` rowids;
 * 2. show: title, snippet and case code for those rows only (FTS5 seeks a rowid inside a MATCH).
 */
export function searchRecords(db: VaultDatabase, text: string, filters: SearchFilters = {}): SearchHit[] {
  const query = toFtsQuery(text);
  if (!query) return [];
  const where: string[] = ['search_index MATCH ?'];
  const params: unknown[] = [query];
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
  const ranked = prepared(
    db,
    `SELECT search_index.rowid AS rowid, bm25(search_index, 4.0, 1.0) AS rank
       FROM search_index ${joins}
      WHERE ${where.join(' AND ')}
      ORDER BY rank
      LIMIT ?`,
  ).all(...params, limit) as Array<{ rowid: number; rank: number }>;
  const show = prepared(
    db,
    `SELECT d.entity, d.record_id AS recordId, d.case_id AS caseId, c.code AS caseCode,
            search_index.title AS title,
            snippet(search_index, 1, '«', '»', '…', 12) AS snippet,
            d.on_date AS onDate
       FROM search_index
       JOIN search_docs d ON d.rowid = search_index.rowid
       LEFT JOIN cases c ON c.id = d.case_id
      WHERE search_index MATCH ? AND search_index.rowid = ?`,
  );
  return ranked.map(({ rowid, rank }) => ({ ...(show.get(query, rowid) as Omit<SearchHit, 'rank'>), rank }));
}
