import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openEncryptedDatabase, type VaultDatabase } from '../../../../electron/core/db/open.ts';

/** A fresh encrypted database file (no vault header: migrations work on the database alone). */
export function freshDatabase(dir: string): { db: VaultDatabase; reopen(): VaultDatabase } {
  const file = path.join(dir, 'vault.db');
  const key = Uint8Array.from(randomBytes(32));
  return {
    db: openEncryptedDatabase(file, key, { create: true }),
    reopen: () => openEncryptedDatabase(file, key),
  };
}

export const FIXED_NOW = () => new Date('2026-11-22T08:00:00.000Z');
