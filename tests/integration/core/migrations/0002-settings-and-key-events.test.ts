import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { LATEST_SCHEMA_VERSION } from '../../../../electron/core/db/migrations/index.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('migration 0002 settings and key events', () => {
  it('upgrades a version-1 database holding data, keeping that data', () => {
    const { db, reopen } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: 1 });
    db.prepare("INSERT INTO meta (key, value) VALUES ('vault_id', 'abc')").run();
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW, target: 2 })).toEqual([2]);
    expect(schemaVersion(upgraded)).toBe(2);
    expect(upgraded.prepare("SELECT value FROM meta WHERE key = 'vault_id'").pluck().get()).toBe('abc');
    upgraded.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 'now')").run();
    upgraded.prepare("INSERT INTO key_events (kind, at) VALUES ('created', 'now')").run();
    expect(() => upgraded.prepare("INSERT INTO key_events (kind, at) VALUES ('other', 'now')").run()).toThrow(
      /CHECK constraint/,
    );
    expect(upgraded.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([
      1, 2,
    ]);
    upgraded.close();
  });

  it('running migrate again applies nothing', () => {
    const { db } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(migrate(db, { now: FIXED_NOW })).toEqual([]);
    db.close();
  });
});
