import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('migration 0011 audit-history', () => {
  it('upgrades a database holding records, evidence and audit entries, keeping them', () => {
    const { db, reopen } = freshDatabase(dir);
    // The version before this one (10: report-seal).
    migrate(db, { now: FIXED_NOW, target: 10 });
    const before = schemaVersion(db);
    db.prepare(
      "INSERT INTO cases (id, code, kind, status, sensitivity, opened_on, title, data, created_at, updated_at) VALUES ('c', 'C-1', 'other', 'open', 'normal', '2026-01-01', 't', '{}', 'x', 'x')",
    ).run();
    db.prepare(
      "INSERT INTO evidence_items (id, case_id, blob_name, wrapped_key, size, sha256, mime, ext, category, original_name, added_at, added_by, source, metadata, has_location) VALUES ('e', 'c', 'b1', x'00', 1, 'h', 'text/plain', 'txt', 'text', 'n', 'x', 'o', '{}', '{}', 0)",
    ).run();
    db.prepare(
      "INSERT INTO audit_log (seq, at, actor, action, entity, record_id, detail, prev_mac, mac) VALUES (1, 'x', 'owner', 'evidence.acquire', 'evidence', 'e', '{}', 'p', 'm')",
    ).run();
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW })).toContain(11);
    expect(schemaVersion(upgraded)).toBeGreaterThan(before);
    expect(upgraded.prepare('SELECT code FROM cases').pluck().get()).toBe('C-1');
    expect(upgraded.prepare('SELECT blob_name FROM evidence_items').pluck().get()).toBe('b1');
    expect(upgraded.prepare('SELECT action FROM audit_log').pluck().get()).toBe('evidence.acquire');

    // A segment holds a 32-byte key; its entries are unique per (vault, seq) and go with it.
    const insertSegment = upgraded.prepare(
      "INSERT INTO audit_history_segments (vault_id, position, audit_key, entries, head_mac, backup_id, restored_at) VALUES (?, ?, ?, 1, 'h', 'b', 'x')",
    );
    expect(() => insertSegment.run('v0', 1, Buffer.alloc(16))).toThrow(/CHECK/);
    insertSegment.run('v1', 1, Buffer.alloc(32, 7));
    expect(() => insertSegment.run('v2', 1, Buffer.alloc(32))).toThrow(/UNIQUE/);
    const insertEntry = upgraded.prepare(
      "INSERT INTO audit_history (vault_id, seq, at, actor, action, entity, record_id, detail, prev_mac, mac) VALUES ('v1', ?, 'x', 'owner', 'evidence.view', 'evidence', 'e', '{}', 'p', 'm')",
    );
    insertEntry.run(1);
    expect(() => insertEntry.run(1)).toThrow(/UNIQUE/);
    upgraded.prepare("DELETE FROM audit_history_segments WHERE vault_id = 'v1'").run();
    expect(upgraded.prepare('SELECT count(*) FROM audit_history').pluck().get()).toBe(0);
    upgraded.close();
  });
});
