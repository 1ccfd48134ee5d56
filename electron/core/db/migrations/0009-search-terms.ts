import { recordTerms } from '../../records/search-index.ts';
import type { Migration } from './types.ts';

/**
 * Search at 1.1M records within 20 ms (docs/benchmarks.md §3; electron/core/records/search-index.ts):
 *
 * - `search_index` gains a `facets` column: the filters (kind of record, the case's status, kind,
 *   country, tags, the year of the record's date) as tokens, so FTS5 skips to the rows a filter
 *   keeps. FTS5 cannot add a column, so the table is rebuilt from the old one (same rowids, same
 *   texts, secure-delete on) and the old one dropped — with secure_delete on, its pages are zeroed.
 * - `search_terms (term)`: every word of the indexed titles and texts, to expand a typed prefix to
 *   real words; listed here by the same function (search-tokens.ts) the store uses on every write.
 *
 * Cost: one pass over the index (about a minute at 1.1M records on a loaded 2-core machine,
 * milliseconds for an ordinary vault).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'search-terms',
  up(db) {
    db.exec(`
      ALTER TABLE search_index RENAME TO search_index_0008;
      CREATE VIRTUAL TABLE search_index USING fts5 (
        title,
        body,
        facets,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
      -- Same tokens as facetsOf() in search-index.ts: a letter, then the value's UTF-8 bytes in hex
      -- (hex(NULL) is '', hence the explicit NULL tests).
      INSERT INTO search_index (rowid, title, body, facets)
      SELECT s.rowid, s.title, s.body,
             'e' || lower(hex(d.entity))
             || CASE WHEN d.on_date GLOB '[0-9][0-9][0-9][0-9]*'
                     THEN ' y' || lower(hex(substr(d.on_date, 1, 4))) ELSE '' END
             || CASE WHEN c.id IS NULL THEN '' ELSE
                  ' s' || lower(hex(c.status)) || ' k' || lower(hex(c.kind))
                  || CASE WHEN c.country IS NULL THEN '' ELSE ' c' || lower(hex(c.country)) END
                  || coalesce((SELECT group_concat(' t' || lower(hex(tag)), '' ORDER BY tag)
                                 FROM case_tags WHERE case_id = c.id), '')
                END
        FROM search_index_0008 s
        JOIN search_docs d ON d.rowid = s.rowid
        LEFT JOIN cases c ON c.id = d.case_id;
      DROP TABLE search_index_0008;

      CREATE TABLE search_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
    `);
    const terms = new Set<string>();
    const rows = db.prepare('SELECT title, body FROM search_index').iterate() as Iterable<{
      title: string | null;
      body: string | null;
    }>;
    for (const row of rows) for (const term of recordTerms(row.title, row.body)) terms.add(term);
    const insert = db.prepare('INSERT INTO search_terms (term) VALUES (?)');
    for (const term of terms) insert.run(term);
  },
};
