import type { Migration } from './types.ts';

/**
 * Sealed reports (docs/sharing.md §Reports) go in the same exports log as sealed exports, so a
 * receipt closes them the same way. A row now says which kind of file it logs: `export` (every
 * existing row, by the default) or `report`, and for a report which one — its manifest `report`
 * descriptor as JSON (report id, period, granularity, threshold, CSV language); null for exports.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'report-seal',
  up(db) {
    db.exec(`
      ALTER TABLE sharing_exports ADD COLUMN kind TEXT NOT NULL DEFAULT 'export'
        CHECK (kind IN ('export', 'report'));
      ALTER TABLE sharing_exports ADD COLUMN report TEXT
        CHECK ((kind = 'report') = (report IS NOT NULL));
    `);
  },
};
