import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('migration runner', () => {
  it('numbers migrations 1, 2, 3… with no gap or duplicate', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a database from a newer build and leaves it untouched', () => {
    const { db } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW });
    db.pragma('user_version = 99');
    expect(() => migrate(db, { now: FIXED_NOW })).toThrow(
      expect.objectContaining({ code: 'DATABASE_TOO_NEW' }),
    );
    expect(schemaVersion(db)).toBe(99);
    db.close();
  });

  it('rolls a failing migration back whole: version and tables unchanged', () => {
    const { db } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: 1 });
    // A table migration 0002 is about to create already exists: its CREATE fails mid-way.
    db.exec('CREATE TABLE key_events (x INTEGER)');
    expect(() => migrate(db, { now: FIXED_NOW })).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'settings'").pluck().get()).toBe(0);
    db.close();
  });
});
