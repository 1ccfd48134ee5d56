import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('migration 0003 case records', () => {
  it('upgrades a version-2 database holding settings and key events, keeping them', () => {
    const { db, reopen } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: 2 });
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('autolock', '5', 'then')").run();
    db.prepare("INSERT INTO key_events (kind, at) VALUES ('created', 'then')").run();
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW, target: 3 })).toEqual([3]);
    expect(schemaVersion(upgraded)).toBe(3);
    expect(upgraded.prepare('SELECT value FROM settings').pluck().get()).toBe('5');
    expect(upgraded.prepare('SELECT count(*) FROM key_events').pluck().get()).toBe(1);
    const tables = upgraded
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    for (const table of [
      'cases',
      'people',
      'person_identities',
      'incidents',
      'risk_entries',
      'risk_assessments',
      'protection_plans',
      'plan_measures',
      'plan_contacts',
      'consents',
      'referrals',
      'ocsea_reports',
      'notes',
      'record_history',
      'audit_log',
      'search_docs',
      'search_index',
      'custom_kinds',
      'case_tags',
      'case_people',
    ]) {
      expect(tables).toContain(table);
    }
    // FTS5 secure-delete is on, so deleted words leave the index.
    const config = upgraded
      .prepare("SELECT v FROM search_index_config WHERE k = 'secure-delete'")
      .pluck()
      .get();
    expect(config).toBe(1);
    // Foreign keys cascade from cases to their records.
    upgraded
      .prepare(
        "INSERT INTO cases (id, code, kind, status, sensitivity, opened_on, title, data, created_at, updated_at) VALUES ('c', 'C-1', 'other', 'open', 'normal', '2026-01-01', 't', '{}', 'x', 'x')",
      )
      .run();
    upgraded
      .prepare(
        "INSERT INTO notes (id, case_id, data, created_at, updated_at) VALUES ('n', 'c', '{}', 'x', 'x')",
      )
      .run();
    upgraded.prepare("DELETE FROM cases WHERE id = 'c'").run();
    expect(upgraded.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    upgraded.close();
  });
});
