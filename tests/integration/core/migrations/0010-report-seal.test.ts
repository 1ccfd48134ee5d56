import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex((m) => m.version === 10) - 1]!.version;

describe('migration 0010 report seal', () => {
  it('upgrades a database holding logged exports and acknowledgements: they stay, as kind export', () => {
    const { db, reopen } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: PREVIOUS });
    db.prepare(
      "INSERT INTO sharing_exports (export_id, created_at, mode, purpose, file_sha256, bytes, case_codes, recipients, counts, files) VALUES ('x1', '2026-01-01T00:00:00.000Z', 'full', 'court', 'h', 10, '[\"C-1\"]', '[]', '{\"cases\":1}', '[]')",
    ).run();
    db.prepare(
      "INSERT INTO sharing_export_acks (export_id, responder_key, received_at, acknowledged_at) VALUES ('x1', 'f', 'x', 'y')",
    ).run();
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW, target: 10 })).toContain(10);
    expect(schemaVersion(upgraded)).toBe(10);
    expect(upgraded.prepare('SELECT kind, report, purpose, case_codes FROM sharing_exports').get()).toEqual({
      kind: 'export',
      report: null,
      purpose: 'court',
      case_codes: '["C-1"]',
    });
    expect(upgraded.prepare('SELECT count(*) FROM sharing_export_acks').pluck().get()).toBe(1);

    const insert = upgraded.prepare(
      "INSERT INTO sharing_exports (export_id, created_at, mode, purpose, file_sha256, bytes, case_codes, recipients, counts, files, kind, report) VALUES (?, 'x', 'redacted', '', 'h', 1, '[]', '[]', '{}', '[]', ?, ?)",
    );
    insert.run('r1', 'report', '{"reportId":"violations"}');
    expect(upgraded.prepare("SELECT kind FROM sharing_exports WHERE export_id = 'r1'").pluck().get()).toBe(
      'report',
    );
    // The kind is checked, and a report row names its report (an export row names none).
    expect(() => insert.run('r2', 'everything', null)).toThrow(/CHECK/);
    expect(() => insert.run('r3', 'report', null)).toThrow(/CHECK/);
    expect(() => insert.run('r4', 'export', '{}')).toThrow(/CHECK/);
    upgraded.close();
  });
});
