/**
 * Threat: a seized or stolen device. The vault folder must be genuine SQLCipher 4 (so its
 * encryption is the audited one, readable by the reference implementation with the same raw key),
 * unreadable by plain SQLite, and no plaintext written through the app may appear in any file of
 * the folder, unlocked or locked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sqlcipher from '@journeyapps/sqlcipher';
import PlainDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { passphraseBytes } from '../../../electron/core/crypto/kdf.ts';
import { loadSodium } from '../../../electron/core/crypto/sodium.ts';
import { deriveSubkey } from '../../../electron/core/crypto/subkeys.ts';
import { openKeyslot } from '../../../electron/core/vault/keyslots.ts';
import { createVault, readHeaderFile, unlockWithPassphrase } from '../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../helpers/vault.ts';

const SENTINEL = 'SENTINEL-Ndjamena-7c1f9e-témoin';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  dir = path.join(dir, 'vault');
});
afterEach(() => cleanup());

/** Recovers the database key the way the app does, for the reference implementation to use. */
async function databaseKeyHex(): Promise<string> {
  const sodium = await loadSodium();
  const header = await readHeaderFile(dir);
  const master = openKeyslot(
    sodium,
    header.body.keyslots[0]!,
    passphraseBytes(PASSPHRASE),
    header.body.vaultId,
    'WRONG_PASSPHRASE',
  );
  const key = deriveSubkey(sodium, master, 'database');
  return Buffer.from(key).toString('hex');
}

function queryWithReferenceSqlcipher(file: string, keyHex: string, sql: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(file, (openError) => {
      if (openError) return reject(openError);
      db.serialize(() => {
        db.run('PRAGMA cipher_compatibility = 4');
        db.run(`PRAGMA key = "x'${keyHex}'"`);
        db.all(sql, (error, rows) => {
          db.close();
          if (error) reject(error);
          else resolve(rows);
        });
      });
    });
  });
}

function filesContaining(needle: string): string[] {
  const variants = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return readdirSync(dir).filter((name) => {
    const bytes = readFileSync(path.join(dir, name));
    return variants.some((v) => bytes.includes(v));
  });
}

describe('database at rest', () => {
  it('is genuine SQLCipher 4: the reference implementation reads the same rows with the same raw key', async () => {
    const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
    session.setSetting('interop', 'lu par SQLCipher');
    session.lock();
    const rows = await queryWithReferenceSqlcipher(
      path.join(dir, 'vault.db'),
      await databaseKeyHex(),
      "SELECT value FROM settings WHERE key = 'interop'",
    );
    expect(rows).toEqual([{ value: 'lu par SQLCipher' }]);
  });

  it('is refused by the reference implementation with a wrong key', async () => {
    (await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF })).session.lock();
    await expect(
      queryWithReferenceSqlcipher(path.join(dir, 'vault.db'), '00'.repeat(32), 'SELECT * FROM settings'),
    ).rejects.toThrow(/not a database/);
  });

  it('is unreadable by plain SQLite ("file is not a database")', async () => {
    (await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF })).session.lock();
    const plain = new PlainDatabase(path.join(dir, 'vault.db'), { readonly: true, fileMustExist: true });
    try {
      expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow(/file is not a database/);
    } finally {
      plain.close();
    }
  });

  it('never shows a sentinel written through the app in any file, while unlocked or after lock', async () => {
    const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
    session.lock();
    const unlocked = await unlockWithPassphrase(dir, PASSPHRASE);
    for (let i = 0; i < 200; i++) unlocked.setSetting(`row-${i}`, `${SENTINEL} ${i}`);
    // WAL and shared-memory files exist now: they must hold no plaintext either.
    expect(readdirSync(dir).sort()).toEqual(['casevault.header', 'vault.db', 'vault.db-shm', 'vault.db-wal']);
    expect(filesContaining(SENTINEL)).toEqual([]);
    expect(filesContaining('settings')).toEqual([]); // not even schema names
    unlocked.lock();
    expect(readdirSync(dir).sort()).toEqual(['casevault.header', 'vault.db']);
    expect(filesContaining(SENTINEL)).toEqual([]);
    // And the sentinel really was stored.
    const again = await unlockWithPassphrase(dir, PASSPHRASE);
    expect(again.getSetting('row-199')).toBe(`${SENTINEL} 199`);
    again.lock();
  });
});
