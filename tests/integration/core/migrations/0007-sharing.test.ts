import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('migration 0007 sharing', () => {
  it('upgrades a version-6 database holding records, evidence and a contact, keeping them', () => {
    const { db, reopen } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: 6 });
    db.prepare(
      "INSERT INTO cases (id, code, kind, status, sensitivity, opened_on, title, data, created_at, updated_at) VALUES ('c', 'C-1', 'other', 'open', 'normal', '2026-01-01', 't', '{}', 'x', 'x')",
    ).run();
    db.prepare(
      "INSERT INTO evidence_items (id, case_id, blob_name, wrapped_key, size, sha256, mime, ext, category, original_name, added_at, added_by, source, metadata, has_location) VALUES ('e', 'c', 'b1', x'00', 1, 'h', 'text/plain', 'txt', 'text', 'n', 'x', 'o', '{}', '{}', 0)",
    ).run();
    db.prepare(
      "INSERT INTO contacts (id, name, organisation, card_role, match_key, role, created_at, updated_at) VALUES ('k1', 'n', 'o', '', 'k', 'legal', 'x', 'x')",
    ).run();
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW, target: 7 })).toContain(7);
    expect(schemaVersion(upgraded)).toBe(7);
    expect(upgraded.prepare('SELECT code FROM cases').pluck().get()).toBe('C-1');
    expect(upgraded.prepare('SELECT blob_name FROM evidence_items').pluck().get()).toBe('b1');
    expect(upgraded.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);

    // Exports log and acknowledgements: mode checked, acks go with their export.
    const insertExport = upgraded.prepare(
      "INSERT INTO sharing_exports (export_id, created_at, mode, purpose, file_sha256, bytes, case_codes, recipients, counts, files) VALUES (?, 'x', ?, '', 'h', 1, '[]', '[]', '{}', '[]')",
    );
    insertExport.run('x1', 'full');
    expect(() => insertExport.run('x2', 'everything')).toThrow(/CHECK/);
    upgraded
      .prepare(
        "INSERT INTO sharing_export_acks (export_id, responder_key, received_at, acknowledged_at) VALUES ('x1', 'f', 'x', 'x')",
      )
      .run();
    upgraded.prepare("DELETE FROM sharing_exports WHERE export_id = 'x1'").run();
    expect(upgraded.prepare('SELECT count(*) FROM sharing_export_acks').pluck().get()).toBe(0);

    // Received: one row per export id; deleting a received file queues its blob for shredding.
    const insertReceived = upgraded.prepare(
      "INSERT INTO received_exports (id, export_id, kind, created_at, received_at, purpose, sender_sign_key, sender_box_key, sender_fingerprint, file_sha256, file_length, manifest) VALUES (?, ?, 'export', 'x', 'x', '', 's', 'b', 'f', 'h', 1, '{}')",
    );
    insertReceived.run('r1', 'x9');
    expect(() => insertReceived.run('r2', 'x9')).toThrow(/UNIQUE/);
    upgraded
      .prepare(
        "INSERT INTO received_files (id, received_id, export_file_id, name, size, sha256, blob_name, wrapped_key) VALUES ('f1', 'r1', 'e', 'n', 1, 'h', 'blob-r', x'00')",
      )
      .run();
    upgraded.prepare("DELETE FROM received_exports WHERE id = 'r1'").run();
    expect(upgraded.prepare('SELECT blob_name FROM evidence_shred_queue').pluck().all()).toEqual(['blob-r']);
    upgraded.close();
  });
});
