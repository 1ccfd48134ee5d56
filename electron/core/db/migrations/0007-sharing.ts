import type { Migration } from './types.ts';

/**
 * Sharing (docs/sharing.md, docs/vault-format.md).
 *
 * `sharing_exports` is the sender's log of sealed exports: one row per export file written (its id,
 * the SHA-256 of the whole file, to whom — contact ids, names and key fingerprints as JSON — what —
 * case codes and record counts — and when). `sharing_export_acks` holds the receipts imported for
 * an export, one per responder key.
 *
 * `received_exports` is the read-only Received area: one row per imported export, with its
 * provenance (sender keys and fingerprint, the contact it matched when imported, export id, the
 * export file's SHA-256, when it was created and received) and the records document as received
 * (kept apart from the user's own cases). `received_files` lists the files that came with it; their
 * bytes are re-encrypted into blobs in the evidence folder, file keys wrapped like evidence keys.
 *
 * `sharing_backups` logs each backup written (for the "last backup" reminder).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'sharing',
  up(db) {
    db.exec(`
      CREATE TABLE sharing_exports (
        export_id   TEXT PRIMARY KEY,
        created_at  TEXT NOT NULL,
        mode        TEXT NOT NULL CHECK (mode IN ('full', 'redacted')),
        purpose     TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        case_codes  TEXT NOT NULL,
        recipients  TEXT NOT NULL,
        counts      TEXT NOT NULL,
        files       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sharing_export_acks (
        export_id      TEXT NOT NULL REFERENCES sharing_exports (export_id) ON DELETE CASCADE,
        responder_key  TEXT NOT NULL,
        contact_id     TEXT,
        received_at    TEXT NOT NULL,
        acknowledged_at TEXT NOT NULL,
        note           TEXT,
        PRIMARY KEY (export_id, responder_key)
      ) STRICT;

      CREATE TABLE received_exports (
        id                 TEXT PRIMARY KEY,
        export_id          TEXT NOT NULL UNIQUE,
        kind               TEXT NOT NULL,
        created_at         TEXT NOT NULL,
        received_at        TEXT NOT NULL,
        purpose            TEXT NOT NULL,
        sender_sign_key    TEXT NOT NULL,
        sender_box_key     TEXT NOT NULL,
        sender_fingerprint TEXT NOT NULL,
        sender_contact_id  TEXT,
        sender_name        TEXT,
        file_sha256        TEXT NOT NULL,
        file_length        INTEGER NOT NULL,
        manifest           TEXT NOT NULL,
        records_json       TEXT,
        receipt_created_at TEXT
      ) STRICT;

      CREATE TABLE received_files (
        id             TEXT PRIMARY KEY,
        received_id    TEXT NOT NULL REFERENCES received_exports (id) ON DELETE CASCADE,
        export_file_id TEXT NOT NULL,
        name           TEXT NOT NULL,
        size           INTEGER NOT NULL,
        sha256         TEXT NOT NULL,
        media_type     TEXT,
        record_id      TEXT,
        blob_name      TEXT NOT NULL UNIQUE,
        wrapped_key    BLOB NOT NULL
      ) STRICT;
      CREATE INDEX received_files_by_export ON received_files (received_id);

      -- A received file's blob is shredded like an evidence blob when its row goes.
      CREATE TRIGGER received_files_shred AFTER DELETE ON received_files BEGIN
        INSERT OR IGNORE INTO evidence_shred_queue (blob_name, queued_at)
          VALUES (old.blob_name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;

      CREATE TABLE sharing_backups (
        backup_id   TEXT PRIMARY KEY,
        created_at  TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        bytes       INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
