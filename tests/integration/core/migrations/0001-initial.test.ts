import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('migration 0001 initial', () => {
  it('turns an empty database into version 1 with schema_migrations and meta', () => {
    const { db } = freshDatabase(dir);
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, { now: FIXED_NOW, target: 1 })).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['meta', 'schema_migrations']);
    expect(db.prepare('SELECT * FROM schema_migrations').all()).toEqual([
      { version: 1, name: 'initial', applied_at: '2026-11-22T08:00:00.000Z' },
    ]);
    db.close();
  });
});
