import type { Migration } from './types.ts';

/**
 * The bookkeeping every later migration relies on: which migrations ran, and the vault's identity
 * (its id, copied from the header at creation, lets unlock detect a database from another vault).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
