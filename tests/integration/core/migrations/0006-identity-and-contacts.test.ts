import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** The version just before 0006, whatever migrations 0004 and 0005 turn out to be once merged. */
const PREVIOUS = Math.max(...MIGRATIONS.map((m) => m.version).filter((v) => v < 6));

describe('migration 0006 identity and contacts', () => {
  it(`upgrades a version-${PREVIOUS} database holding records and audit entries, keeping them`, () => {
    const { db, reopen } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: PREVIOUS });
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('autolock', '5', 'then')").run();
    db.prepare(
      "INSERT INTO cases (id, code, kind, status, sensitivity, opened_on, title, data, created_at, updated_at) VALUES ('c', 'C-1', 'other', 'open', 'normal', '2026-01-01', 't', '{}', 'x', 'x')",
    ).run();
    db.prepare(
      "INSERT INTO audit_log (seq, at, actor, action, entity, record_id, detail, prev_mac, mac) VALUES (1, 'x', 'owner', 'record.create', 'case', 'c', '{}', '0', 'm')",
    ).run();
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW })).toContain(6);
    expect(schemaVersion(upgraded)).toBeGreaterThanOrEqual(6);
    expect(upgraded.prepare('SELECT value FROM settings').pluck().get()).toBe('5');
    expect(upgraded.prepare('SELECT code FROM cases').pluck().get()).toBe('C-1');
    expect(upgraded.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    // No identity yet: it is generated on first use, by the identity service.
    expect(upgraded.prepare('SELECT count(*) FROM identity').pluck().get()).toBe(0);

    // One identity row at most; key lengths are enforced.
    const key = (n: number) => Buffer.alloc(n, 1);
    const insertIdentity = upgraded.prepare(
      "INSERT INTO identity (id, box_public, box_secret, sign_public, sign_secret, name, organisation, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '', '', 'x', 'x')",
    );
    insertIdentity.run(1, key(32), key(32), key(32), key(64));
    expect(() => insertIdentity.run(2, key(32), key(32), key(32), key(64))).toThrow(/CHECK/);
    expect(() => upgraded.prepare('UPDATE identity SET sign_secret = ?').run(key(32))).toThrow(/CHECK/);

    // Contacts: a role from the list; one current and one pending key at most; keys go with the contact.
    const insertContact = upgraded.prepare(
      "INSERT INTO contacts (id, name, organisation, card_role, match_key, role, created_at, updated_at) VALUES (?, 'n', 'o', '', 'k', ?, 'x', 'x')",
    );
    insertContact.run('k1', 'legal');
    expect(() => insertContact.run('k2', 'lawyer')).toThrow(/CHECK/);
    const insertKey = upgraded.prepare(
      "INSERT INTO contact_keys (contact_id, box_public, sign_public, fingerprint, card, card_issued_at, status, seen_at) VALUES ('k1', ?, ?, 'f', 'c', 'x', ?, 'x')",
    );
    insertKey.run(key(32), key(32), 'current');
    expect(() => insertKey.run(key(32), key(32), 'current')).toThrow(/UNIQUE/);
    insertKey.run(key(32), key(32), 'pending');
    expect(() => insertKey.run(key(32), key(32), 'pending')).toThrow(/UNIQUE/);
    insertKey.run(key(32), key(32), 'previous');
    insertKey.run(key(32), key(32), 'previous');
    upgraded.prepare("DELETE FROM contacts WHERE id = 'k1'").run();
    expect(upgraded.prepare('SELECT count(*) FROM contact_keys').pluck().get()).toBe(0);
    upgraded.close();
  });
});
