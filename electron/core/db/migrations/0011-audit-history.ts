import type { Migration } from './types.ts';

/**
 * Audit history carried across a restore (docs/vault-format.md §Audit history, docs/sharing.md
 * §Backup).
 *
 * A restored vault starts its own audit chain under its own `audit` subkey. The chains of the
 * vaults it descends from are kept here verbatim, one SEGMENT per former vault: every entry with
 * its original seq, fields, prev_mac and mac, and the former vault's audit key so the segment's
 * MACs can be recomputed. Each segment is pinned by one `audit.history-restored` entry (in the
 * current chain, or in a newer segment for an older restore) naming its vault id, entry count and
 * head MAC: changing, adding or removing a history entry changes the head, which no longer matches
 * the pin, and the pin is covered by a chain whose key this vault does not keep in the clear.
 * `position` orders the segments oldest first (the timeline reads history in that order).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'audit-history',
  up(db) {
    db.exec(`
      CREATE TABLE audit_history_segments (
        vault_id    TEXT PRIMARY KEY,
        position    INTEGER NOT NULL UNIQUE,
        audit_key   BLOB NOT NULL CHECK (length(audit_key) = 32),
        entries     INTEGER NOT NULL CHECK (entries >= 0),
        head_mac    TEXT NOT NULL,
        backup_id   TEXT NOT NULL,
        restored_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_history (
        vault_id  TEXT NOT NULL REFERENCES audit_history_segments (vault_id) ON DELETE CASCADE,
        seq       INTEGER NOT NULL,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT,
        record_id TEXT,
        detail    TEXT NOT NULL,
        prev_mac  TEXT NOT NULL,
        mac       TEXT NOT NULL,
        PRIMARY KEY (vault_id, seq)
      ) STRICT;
      CREATE INDEX audit_history_by_record ON audit_history (record_id);
    `);
  },
};
