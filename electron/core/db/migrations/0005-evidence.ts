import type { Migration } from './types.ts';

/**
 * Evidence items (docs/evidence-format.md §4). One row per encrypted blob in `<vault>/evidence/`:
 * the blob's random file name, its file key wrapped by the vault's evidence subkey, and what the
 * owner needs to see (name, type, size, hash, metadata, links). Blob bytes never enter the
 * database. `evidence_shred_queue` holds blob names whose row is gone (deleted, or cascaded with
 * its case) until the file has been overwritten and removed: a trigger fills it on every row
 * deletion, so a case cascade cannot leave a blob behind, and a crash between the commit and the
 * overwrite is finished at the next unlock or `check`.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'evidence',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_items (
        id             TEXT PRIMARY KEY,
        case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        incident_id    TEXT REFERENCES incidents (id) ON DELETE SET NULL,
        risk_entry_id  TEXT REFERENCES risk_entries (id) ON DELETE SET NULL,
        redacted_of    TEXT,
        blob_name      TEXT NOT NULL UNIQUE,
        wrapped_key    BLOB NOT NULL,
        size           INTEGER NOT NULL,
        sha256         TEXT NOT NULL,
        mime           TEXT NOT NULL,
        ext            TEXT NOT NULL,
        category       TEXT NOT NULL,
        original_name  TEXT NOT NULL,
        captured_at    TEXT,
        added_at       TEXT NOT NULL,
        added_by       TEXT NOT NULL,
        source         TEXT NOT NULL,
        metadata       TEXT NOT NULL,
        has_location   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX evidence_by_case ON evidence_items (case_id, added_at);
      CREATE INDEX evidence_by_incident ON evidence_items (incident_id);
      CREATE INDEX evidence_by_original ON evidence_items (redacted_of);

      -- Custody timelines read the audit chain by item id.
      CREATE INDEX audit_log_evidence ON audit_log (record_id, seq) WHERE entity = 'evidence';

      CREATE TABLE evidence_shred_queue (
        blob_name TEXT PRIMARY KEY,
        queued_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER evidence_items_shred AFTER DELETE ON evidence_items BEGIN
        INSERT OR IGNORE INTO evidence_shred_queue (blob_name, queued_at)
          VALUES (old.blob_name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;
    `);
  },
};
