import type { Migration } from './types.ts';

/**
 * The vault's own identity and its contacts (docs/key-card-format.md, docs/vault-format.md).
 *
 * `identity` has at most one row: the X25519 (receiving) and Ed25519 (signing) key pairs, generated
 * on first use by the identity service, and the name, organisation and role the card carries. The
 * secret keys live only here, inside SQLCipher's encryption.
 *
 * `contacts` holds what the user decided (role, verification); `contact_keys` holds every key pair
 * ever seen for a contact with the signed card it came in: exactly one `current`, at most one
 * `pending` (a changed key waiting for the user), and the history (`previous`, `rejected`,
 * `superseded`). Deleting a contact deletes its keys (real deletion; the audit entry stays).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'identity-and-contacts',
  up(db) {
    db.exec(`
      CREATE TABLE identity (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        box_public   BLOB NOT NULL CHECK (length(box_public) = 32),
        box_secret   BLOB NOT NULL CHECK (length(box_secret) = 32),
        sign_public  BLOB NOT NULL CHECK (length(sign_public) = 32),
        sign_secret  BLOB NOT NULL CHECK (length(sign_secret) = 64),
        name         TEXT NOT NULL,
        organisation TEXT NOT NULL,
        role         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE contacts (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        organisation TEXT NOT NULL,
        card_role    TEXT NOT NULL,
        match_key    TEXT NOT NULL,
        role         TEXT NOT NULL
          CHECK (role IN ('legal', 'psychosocial', 'medical', 'protection', 'coordination', 'other')),
        verification TEXT NOT NULL DEFAULT 'unverified'
          CHECK (verification IN ('unverified', 'in-person', 'phone')),
        verified_at  TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contacts_by_match_key ON contacts (match_key);
      CREATE INDEX contacts_by_name ON contacts (name, organisation);

      CREATE TABLE contact_keys (
        id              INTEGER PRIMARY KEY,
        contact_id      TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        box_public      BLOB NOT NULL CHECK (length(box_public) = 32),
        sign_public     BLOB NOT NULL CHECK (length(sign_public) = 32),
        fingerprint     TEXT NOT NULL,
        card            TEXT NOT NULL,
        card_issued_at  TEXT NOT NULL,
        status          TEXT NOT NULL
          CHECK (status IN ('current', 'pending', 'previous', 'rejected', 'superseded')),
        seen_at         TEXT NOT NULL,
        decided_at      TEXT
      ) STRICT;
      CREATE UNIQUE INDEX contact_keys_one_current ON contact_keys (contact_id) WHERE status = 'current';
      CREATE UNIQUE INDEX contact_keys_one_pending ON contact_keys (contact_id) WHERE status = 'pending';
      CREATE INDEX contact_keys_by_fingerprint ON contact_keys (fingerprint);
      CREATE INDEX contact_keys_by_sign ON contact_keys (sign_public);
    `);
  },
};
