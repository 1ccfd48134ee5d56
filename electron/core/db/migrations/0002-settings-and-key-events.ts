import type { Migration } from './types.ts';

/**
 * Vault settings that belong inside the encryption (never in a plaintext side file), and a record
 * of key events (creation, passphrase change, recovery) that the audit chain will take over.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'settings-and-key-events',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE key_events (
        id   INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('created', 'passphrase-changed', 'recovered')),
        at   TEXT NOT NULL
      ) STRICT;
    `);
  },
};
