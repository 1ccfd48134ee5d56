import type { Migration } from './types.ts';

/**
 * The case list sorts by `opened_on DESC, code` under a status or kind filter. The 0003 indexes
 * on `(status, opened_on DESC)` and `(kind, opened_on DESC)` lack `code`, so SQLite sorted every
 * matching case for each page (docs/benchmarks.md, case list). With `code` as a third column
 * the index gives the order directly, a page is an index walk, and keyset paging
 * (`(opened_on, code)` after the last row seen) is a seek.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'case-list-indexes',
  up(db) {
    db.exec(`
      DROP INDEX cases_by_status;
      DROP INDEX cases_by_kind;
      CREATE INDEX cases_by_status ON cases (status, opened_on DESC, code);
      CREATE INDEX cases_by_kind ON cases (kind, opened_on DESC, code);
    `);
  },
};
