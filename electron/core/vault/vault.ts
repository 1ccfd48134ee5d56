/**
 * A vault is a folder: `casevault.header` (plaintext, no content), `vault.db` (SQLCipher 4) and,
 * later, an evidence store. This module creates, unlocks, re-keys and crypto-erases vaults; it
 * never imports electron and is shared by the CLI, the worker host and the tests.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { CaseVaultError } from '../../../shared/errors.ts';
import {
  assertPassphraseAcceptable,
  type KdfParams,
  type KdfPresetName,
  passphraseBytes,
  RECOVERY_KDF,
  resolveKdf,
} from '../crypto/kdf.ts';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from '../crypto/recovery-key.ts';
import { loadSodium, type Sodium, wipe } from '../crypto/sodium.ts';
import { KeyRing } from '../crypto/subkeys.ts';
import { migrate } from '../db/migrate.ts';
import { openEncryptedDatabase, type VaultDatabase } from '../db/open.ts';
import { appendAudit } from '../records/audit.ts';
import { exists, ioError, shredFile, vaultPaths, writeFileAtomic } from './files.ts';
import {
  HEADER_FORMAT_VERSION,
  HEADER_MAX_BYTES,
  type HeaderBody,
  type KeyslotId,
  type ParsedHeader,
  parseHeader,
  serializeHeader,
  verifyHeaderMac,
} from './header.ts';
import { createKeyslot, openKeyslot } from './keyslots.ts';
import { VaultSession } from './session.ts';

export { VaultSession } from './session.ts';

export interface VaultInfo {
  formatVersion: number;
  vaultId: string;
  createdAt: string;
  updatedAt: string;
  keyslots: Array<{ id: KeyslotId; kdf: { alg: string; opslimit: number; memlimit: number } }>;
}

export interface CreateOptions {
  kdf?: KdfPresetName | KdfParams;
  /** Tests only: the recovery slot's Argon2id cost (bounded like any other). */
  recoveryKdf?: KdfParams;
  now?: () => Date;
}

export interface UnlockOptions {
  now?: () => Date;
}

const isoNow = (now: () => Date) => now().toISOString();

export async function readHeaderFile(dir: string): Promise<ParsedHeader> {
  const { header } = vaultPaths(dir);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(header);
    if (stat.size > HEADER_MAX_BYTES) throw new CaseVaultError('HEADER_DAMAGED', 'too large');
    bytes = await fs.readFile(header);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CaseVaultError('VAULT_NOT_FOUND');
    throw ioError(error);
  }
  return parseHeader(bytes);
}

export async function vaultExists(dir: string): Promise<boolean> {
  return exists(vaultPaths(dir).header);
}

/** Header facts readable without any key. They are not authenticated until an unlock checks the MAC. */
export async function readVaultInfo(dir: string): Promise<VaultInfo> {
  const { body } = await readHeaderFile(dir);
  return {
    formatVersion: body.version,
    vaultId: body.vaultId,
    createdAt: body.createdAt,
    updatedAt: body.updatedAt,
    keyslots: body.keyslots.map((slot) => ({
      id: slot.id,
      kdf: { alg: slot.kdf.alg, opslimit: slot.kdf.opslimit, memlimit: slot.kdf.memlimit },
    })),
  };
}

export async function createVault(
  dir: string,
  passphrase: string,
  options: CreateOptions = {},
): Promise<{ session: VaultSession; recoveryKey: string }> {
  assertPassphraseAcceptable(passphrase);
  const params = resolveKdf(options.kdf);
  const recoveryParams = resolveKdf(options.recoveryKdf ?? RECOVERY_KDF);
  const now = options.now ?? (() => new Date());
  const paths = vaultPaths(dir);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw ioError(error);
  }
  for (const file of [paths.header, paths.database, ...paths.sideFiles]) {
    if (await exists(file)) throw new CaseVaultError('VAULT_ALREADY_EXISTS');
  }

  const sodium = await loadSodium();
  const master = sodium.crypto_kdf_keygen();
  const vaultId = randomBytes(16).toString('hex');
  const secret = passphraseBytes(passphrase);
  const recoveryBytes = generateRecoveryKey(sodium);
  let keys: KeyRing | undefined;
  let db: VaultDatabase | undefined;
  try {
    const recoveryKey = formatRecoveryKey(sodium, recoveryBytes);
    const created = isoNow(now);
    const body: HeaderBody = {
      format: 'casevault.vault-header',
      version: HEADER_FORMAT_VERSION,
      vaultId,
      createdAt: created,
      updatedAt: created,
      database: { file: 'vault.db', cipher: 'sqlcipher-4', keying: 'raw-256' },
      keyslots: [
        createKeyslot(sodium, 'passphrase', secret, master, params, vaultId),
        createKeyslot(sodium, 'recovery', recoveryBytes, master, recoveryParams, vaultId),
      ],
    };
    keys = new KeyRing(sodium, master);

    // The database first, the header last: until the header exists nothing can open the folder,
    // so a crash in between leaves only an unreadable database that a retry refuses to overwrite.
    db = openEncryptedDatabase(paths.database, keys.get('database'), { create: true });
    migrate(db, { now });
    const database = db;
    db.transaction(() => {
      const insert = database.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      insert.run('vault_id', vaultId);
      insert.run('created_at', created);
      database.prepare("INSERT INTO key_events (kind, at) VALUES ('created', ?)").run(created);
      const auditKey = keys!.get('audit');
      appendAudit(database, (bytes) => sodium.crypto_generichash(32, bytes, auditKey), {
        at: created,
        actor: 'owner',
        action: 'vault.create',
        detail: {},
      });
    })();
    await writeFileAtomic(paths.header, serializeHeader(sodium, keys.get('headerMac'), body));

    const session = new VaultSession({ dir, sodium, keys, db, body, now, timings: { kdfMs: 0, openMs: 0 } });
    return { session, recoveryKey };
  } catch (error) {
    keys?.wipe();
    if (db) {
      db.close();
      for (const file of [paths.database, ...paths.sideFiles]) await fs.rm(file, { force: true });
    }
    throw error instanceof CaseVaultError ? error : ioError(error);
  } finally {
    wipe(sodium, master, secret, recoveryBytes);
  }
}

export function unlockWithPassphrase(dir: string, passphrase: string, options: UnlockOptions = {}) {
  return unlockWithSecret(dir, 'passphrase', () => passphraseBytes(passphrase), 'WRONG_PASSPHRASE', options);
}

export function unlockWithRecoveryKey(dir: string, recoveryKey: string, options: UnlockOptions = {}) {
  return unlockWithSecret(
    dir,
    'recovery',
    (sodium) => parseRecoveryKey(sodium, recoveryKey),
    'WRONG_RECOVERY_KEY',
    options,
  );
}

async function unlockWithSecret(
  dir: string,
  slotId: KeyslotId,
  secretOf: (sodium: Sodium) => Uint8Array,
  failure: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY',
  options: UnlockOptions,
): Promise<VaultSession> {
  const started = performance.now();
  const sodium = await loadSodium();
  const header = await readHeaderFile(dir);
  const slot = header.body.keyslots.find((s) => s.id === slotId);
  if (!slot) throw new CaseVaultError('HEADER_DAMAGED', 'keyslot missing');
  const secret = secretOf(sodium);
  const timing = { kdfMs: 0 };
  let master: Uint8Array | undefined;
  try {
    master = openKeyslot(sodium, slot, secret, header.body.vaultId, failure, timing);
  } finally {
    wipe(sodium, secret);
  }
  const keys = new KeyRing(sodium, master);
  wipe(sodium, master);
  let db: VaultDatabase | undefined;
  try {
    verifyHeaderMac(sodium, keys.get('headerMac'), header);
    const paths = vaultPaths(dir);
    if (!(await exists(paths.database)))
      throw new CaseVaultError('DATABASE_DAMAGED', 'database file missing');
    db = openEncryptedDatabase(paths.database, keys.get('database'));
    assertSameVault(db, header.body.vaultId);
    migrate(db, { now: options.now });
    const timings = { kdfMs: timing.kdfMs, openMs: performance.now() - started - timing.kdfMs };
    return new VaultSession({
      dir,
      sodium,
      keys,
      db,
      body: header.body,
      now: options.now ?? (() => new Date()),
      timings,
    });
  } catch (error) {
    keys.wipe();
    if (db?.open) db.close();
    throw error;
  }
}

/**
 * Proves a passphrase without opening the database (used before changing it): unwraps the slot
 * and checks the header MAC, then wipes everything. Throws like unlock.
 */
export async function verifyPassphrase(dir: string, passphrase: string): Promise<void> {
  const sodium = await loadSodium();
  const header = await readHeaderFile(dir);
  const secret = passphraseBytes(passphrase);
  let master: Uint8Array | undefined;
  try {
    master = openKeyslot(sodium, header.body.keyslots[0]!, secret, header.body.vaultId, 'WRONG_PASSPHRASE');
    const keys = new KeyRing(sodium, master);
    try {
      verifyHeaderMac(sodium, keys.get('headerMac'), header);
    } finally {
      keys.wipe();
    }
  } finally {
    wipe(sodium, secret, master);
  }
}

function assertSameVault(db: VaultDatabase, vaultId: string): void {
  let row: { value: string } | undefined;
  try {
    row = db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").get() as { value: string } | undefined;
  } catch {
    throw new CaseVaultError('DATABASE_DAMAGED', 'meta table missing');
  }
  if (!row) throw new CaseVaultError('DATABASE_DAMAGED', 'vault id missing');
  if (row.value !== vaultId) throw new CaseVaultError('DATABASE_MISMATCH');
}

/**
 * Crypto-erase: the header (the only place the wrapped master key lives) is overwritten in place
 * with random bytes, synced and unlinked, then the database files are removed. Without the header
 * no passphrase or recovery key can recover the master key. What may remain on disk anyway (SSD
 * wear levelling, snapshots, backups, old header copies) is in docs/threat-model.md.
 */
export async function eraseVault(dir: string): Promise<void> {
  const paths = vaultPaths(dir);
  const present = [];
  for (const file of [paths.header, paths.database, ...paths.sideFiles]) {
    if (await exists(file)) present.push(file);
  }
  if (present.length === 0) throw new CaseVaultError('VAULT_NOT_FOUND');
  try {
    await shredFile(paths.header);
    for (const file of [paths.database, ...paths.sideFiles]) await shredFile(file);
  } catch (error) {
    throw ioError(error);
  }
}
