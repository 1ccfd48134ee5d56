/**
 * Runs pending migrations at unlock, each in its own transaction, recording the schema version in
 * `PRAGMA user_version` and a row in `schema_migrations`. A database newer than this build is
 * refused (DATABASE_TOO_NEW) without being touched.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import type { VaultDatabase } from './open.ts';

export function schemaVersion(db: VaultDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  now?: () => Date;
  /** Stop after this version (tests build a database of an older version this way). */
  target?: number;
}

/** Returns the versions applied. */
export function migrate(db: VaultDatabase, options: MigrateOptions = {}): number[] {
  const now = options.now ?? (() => new Date());
  const target = options.target ?? LATEST_SCHEMA_VERSION;
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new CaseVaultError('DATABASE_TOO_NEW', `schema ${current} > ${LATEST_SCHEMA_VERSION}`);
  }
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        now().toISOString(),
      );
      // PRAGMA takes no bound parameters; the version is an integer from our own code.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
