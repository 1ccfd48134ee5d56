import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index.ts';
import {
  createVault,
  eraseVault,
  readVaultInfo,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  vaultExists,
} from '../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE, snapshotFolder, tempDir } from '../../helpers/vault.ts';

const codeOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  dir = path.join(dir, 'vault');
});
afterEach(() => cleanup());

async function makeVault() {
  const made = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
  made.session.setSetting('note', 'données de test');
  made.session.lock();
  return made;
}

describe('vault lifecycle', () => {
  it('creates a vault folder with exactly a header and a database, and reads its facts without a key', async () => {
    await makeVault();
    expect(await vaultExists(dir)).toBe(true);
    expect(Object.keys(snapshotFolder(dir))).toEqual(['casevault.header', 'vault.db']);
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      for (const name of ['casevault.header', 'vault.db'])
        expect(statSync(path.join(dir, name)).mode & 0o777).toBe(0o600);
    }
    const info = await readVaultInfo(dir);
    expect(info.formatVersion).toBe(1);
    expect(info.keyslots.map((s) => s.id)).toEqual(['passphrase', 'recovery']);
    expect(info.keyslots[0]!.kdf).toEqual({ alg: 'argon2id13', ...FAST_KDF });
  });

  it('uses the moderate preset (256 MiB, 3 passes) by default', async () => {
    const { session } = await createVault(dir, PASSPHRASE);
    session.lock();
    expect((await readVaultInfo(dir)).keyslots[0]!.kdf).toMatchObject({
      opslimit: 3,
      memlimit: 256 * 1024 * 1024,
    });
  });

  it('unlocks, locks and unlocks again, keeping data', async () => {
    await makeVault();
    const session = await unlockWithPassphrase(dir, PASSPHRASE);
    expect(session.getSetting('note')).toBe('données de test');
    expect(session.timings.kdfMs).toBeGreaterThan(0);
    session.lock();
    expect(session.locked).toBe(true);
    expect(() => session.db).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    expect(() => session.getSetting('note')).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    session.lock(); // idempotent
    const again = await unlockWithPassphrase(dir, PASSPHRASE);
    expect(again.getSetting('note')).toBe('données de test');
    again.lock();
  });

  it('lock leaves no -wal or -shm file behind', async () => {
    await makeVault();
    const session = await unlockWithPassphrase(dir, PASSPHRASE);
    session.setSetting('more', 'x'.repeat(10_000));
    expect(existsSync(path.join(dir, 'vault.db-wal'))).toBe(true);
    session.lock();
    expect(Object.keys(snapshotFolder(dir))).toEqual(['casevault.header', 'vault.db']);
  });

  it('opens with a passphrase typed in another Unicode normal form', async () => {
    await makeVault();
    const session = await unlockWithPassphrase(dir, PASSPHRASE.normalize('NFD'));
    session.lock();
  });

  it('refuses a wrong passphrase with WRONG_PASSPHRASE and writes nothing', async () => {
    await makeVault();
    const before = snapshotFolder(dir);
    expect(await codeOf(unlockWithPassphrase(dir, 'rivière-sous-la-pluie 2025'))).toBe('WRONG_PASSPHRASE');
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('never puts the passphrase in an error, nor keys in an inspected session', async () => {
    await makeVault();
    const wrong = 'une-phrase-secrète-fausse';
    try {
      await unlockWithPassphrase(dir, wrong);
    } catch (error) {
      expect(inspect(error)).not.toContain(wrong);
      expect(JSON.stringify(error)).not.toContain(wrong);
    }
    const session = await unlockWithPassphrase(dir, PASSPHRASE);
    expect(inspect(session, { showHidden: true, depth: 10 })).toBe('[VaultSession unlocked]');
    expect(JSON.stringify({ session })).toBe('{"session":"[VaultSession unlocked]"}');
    session.lock();
  });

  it('refuses to create over an existing vault, changing nothing', async () => {
    await makeVault();
    const before = snapshotFolder(dir);
    expect(await codeOf(createVault(dir, PASSPHRASE, { kdf: FAST_KDF }))).toBe('VAULT_ALREADY_EXISTS');
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('refuses to create over a lone database (a crash between database and header)', async () => {
    await makeVault();
    rmSync(path.join(dir, 'casevault.header'));
    expect(await codeOf(createVault(dir, PASSPHRASE, { kdf: FAST_KDF }))).toBe('VAULT_ALREADY_EXISTS');
  });

  it('refuses a weak passphrase at creation without creating anything', async () => {
    expect(await codeOf(createVault(dir, 'court', { kdf: FAST_KDF }))).toBe('PASSPHRASE_TOO_WEAK');
    expect(existsSync(dir)).toBe(false);
  });

  it('reports VAULT_NOT_FOUND for an empty folder', async () => {
    expect(await codeOf(unlockWithPassphrase(dir, PASSPHRASE))).toBe('VAULT_NOT_FOUND');
  });
});

describe('passphrase change', () => {
  it('rewraps the master key only: old passphrase refused, new one opens the same data', async () => {
    await makeVault();
    const dbBefore = readFileSync(path.join(dir, 'vault.db'));
    const session = await unlockWithPassphrase(dir, PASSPHRASE);
    await session.changePassphrase('nouvelle phrase de passe longue', { kdf: FAST_KDF });
    session.lock();
    expect(await codeOf(unlockWithPassphrase(dir, PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    const reopened = await unlockWithPassphrase(dir, 'nouvelle phrase de passe longue');
    expect(reopened.getSetting('note')).toBe('données de test');
    const events = reopened.db.prepare('SELECT kind FROM key_events ORDER BY id').all();
    expect(events).toEqual([{ kind: 'created' }, { kind: 'passphrase-changed' }]);
    reopened.lock();
    // The database was not re-encrypted: the copy taken before the change opens under the new
    // header, so its key is the same.
    writeFileSync(path.join(dir, 'vault.db'), dbBefore);
    const old = await unlockWithPassphrase(dir, 'nouvelle phrase de passe longue');
    expect(old.getSetting('note')).toBe('données de test');
    old.lock();
  });

  it('keeps the passphrase slot’s KDF cost unless asked otherwise, and can raise it', async () => {
    await makeVault();
    const session = await unlockWithPassphrase(dir, PASSPHRASE);
    await session.changePassphrase('encore une autre phrase');
    expect((await readVaultInfo(dir)).keyslots[0]!.kdf).toMatchObject(FAST_KDF);
    await session.changePassphrase('et encore une autre phrase', { kdf: 'moderate' });
    expect((await readVaultInfo(dir)).keyslots[0]!.kdf).toMatchObject({
      opslimit: 3,
      memlimit: 256 * 1024 * 1024,
    });
    session.lock();
  });

  it('refuses a weak new passphrase and leaves the header untouched', async () => {
    await makeVault();
    const session = await unlockWithPassphrase(dir, PASSPHRASE);
    const before = readFileSync(path.join(dir, 'casevault.header'));
    expect(await codeOf(session.changePassphrase('court'))).toBe('PASSPHRASE_TOO_WEAK');
    expect(readFileSync(path.join(dir, 'casevault.header'))).toEqual(before);
    session.lock();
  });
});

describe('recovery key', () => {
  it('opens the vault and can set a new passphrase', async () => {
    const { recoveryKey } = await makeVault();
    const session = await unlockWithRecoveryKey(dir, recoveryKey);
    expect(session.getSetting('note')).toBe('données de test');
    await session.changePassphrase('phrase choisie après oubli', { kind: 'recovered', kdf: FAST_KDF });
    session.lock();
    expect(await codeOf(unlockWithPassphrase(dir, PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    (await unlockWithPassphrase(dir, 'phrase choisie après oubli')).lock();
    // The recovery key keeps working after a passphrase change.
    (await unlockWithRecoveryKey(dir, recoveryKey)).lock();
  });

  it('refuses another vault’s recovery key (WRONG_RECOVERY_KEY) and a mistyped one (RECOVERY_KEY_MALFORMED)', async () => {
    const { recoveryKey } = await makeVault();
    const other = tempDir();
    try {
      const { recoveryKey: otherKey, session } = await createVault(path.join(other.dir, 'v'), PASSPHRASE, {
        kdf: FAST_KDF,
        recoveryKdf: FAST_KDF,
      });
      session.lock();
      const before = snapshotFolder(dir);
      expect(await codeOf(unlockWithRecoveryKey(dir, otherKey))).toBe('WRONG_RECOVERY_KEY');
      const typo = (recoveryKey[0] === 'A' ? 'B' : 'A') + recoveryKey.slice(1);
      expect(await codeOf(unlockWithRecoveryKey(dir, typo))).toBe('RECOVERY_KEY_MALFORMED');
      expect(snapshotFolder(dir)).toEqual(before);
    } finally {
      other.cleanup();
    }
  });
});

describe('crypto-erase', () => {
  it('destroys the keyslots so neither the passphrase nor the recovery key opens anything again', async () => {
    const { recoveryKey } = await makeVault();
    const header = readFileSync(path.join(dir, 'casevault.header'));
    await eraseVault(dir);
    expect(await vaultExists(dir)).toBe(false);
    expect(Object.keys(snapshotFolder(dir))).toEqual([]);
    expect(await codeOf(unlockWithPassphrase(dir, PASSPHRASE))).toBe('VAULT_NOT_FOUND');
    expect(await codeOf(unlockWithRecoveryKey(dir, recoveryKey))).toBe('VAULT_NOT_FOUND');
    // Even a copy of the database taken before the erase is useless without the old header, and
    // the old header with its keyslots is what `erase` overwrote: a restored copy of it would open
    // a restored database — threat-model.md says so.
    expect(header.length).toBeGreaterThan(0);
    expect(await codeOf(eraseVault(dir))).toBe('VAULT_NOT_FOUND');
  });
});

describe('database checks at unlock', () => {
  it('refuses a database that belongs to another vault (DATABASE_DAMAGED or DATABASE_MISMATCH)', async () => {
    await makeVault();
    const other = tempDir();
    try {
      const otherDir = path.join(other.dir, 'v');
      (await createVault(otherDir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF })).session.lock();
      writeFileSync(path.join(dir, 'vault.db'), readFileSync(path.join(otherDir, 'vault.db')));
      // Another vault's database is keyed with another master key: it does not even decrypt.
      expect(await codeOf(unlockWithPassphrase(dir, PASSPHRASE))).toBe('DATABASE_DAMAGED');
    } finally {
      other.cleanup();
    }
  });

  it('refuses a damaged database page at check time', async () => {
    await makeVault();
    const file = path.join(dir, 'vault.db');
    const bytes = readFileSync(file);
    // Page 2 onward (SQLCipher 4 pages are 4096 bytes): flip a byte in the middle of the last page.
    bytes[bytes.length - 2000]! ^= 0xff;
    writeFileSync(file, bytes);
    let report: Awaited<ReturnType<Awaited<ReturnType<typeof unlockWithPassphrase>>['check']>> | undefined;
    let code = 'ok';
    try {
      const session = await unlockWithPassphrase(dir, PASSPHRASE);
      report = await session.check();
      session.lock();
    } catch (error) {
      code = (error as { code: string }).code;
    }
    if (report) expect(report.ok).toBe(false);
    else expect(code).toBe('DATABASE_DAMAGED');
  });

  it('check() reports a healthy vault and notices a header changed behind its back', async () => {
    await makeVault();
    const session = await unlockWithPassphrase(dir, PASSPHRASE);
    const report = await session.check();
    expect(report).toEqual({
      ok: true,
      header: 'ok',
      integrity: ['ok'],
      schemaVersion: LATEST_SCHEMA_VERSION,
      expectedSchemaVersion: LATEST_SCHEMA_VERSION,
    });
    const file = path.join(dir, 'casevault.header');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"createdAt":"(\d{4})/, '"createdAt":"1999'));
    expect((await session.check()).header).toBe('altered');
    session.lock();
  });
});
