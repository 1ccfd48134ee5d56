/**
 * An unlocked vault. Holds the database handle and the key ring; `lock()` checkpoints and closes
 * the database and wipes every key, after which every method refuses with VAULT_LOCKED.
 */
import { promises as fs } from 'node:fs';
import { CaseVaultError } from '../../../shared/errors.ts';
import {
  assertPassphraseAcceptable,
  type KdfParams,
  type KdfPresetName,
  passphraseBytes,
  resolveKdf,
} from '../crypto/kdf.ts';
import { type Sodium, wipe } from '../crypto/sodium.ts';
import type { KeyRing } from '../crypto/subkeys.ts';
import { schemaVersion } from '../db/migrate.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { closeDatabase, type VaultDatabase } from '../db/open.ts';
import { type AuditMac, appendAudit } from '../records/audit.ts';
import { vaultPaths, writeFileAtomic } from './files.ts';
import { type HeaderBody, parseHeader, serializeHeader, verifyHeaderMac } from './header.ts';
import { createKeyslot } from './keyslots.ts';

export interface UnlockTimings {
  /** Argon2id time of the unlock that made this session. */
  kdfMs: number;
  /** Everything else: header parse and MAC, opening and keying the database, schema, migrations. */
  openMs: number;
}

export interface CheckReport {
  ok: boolean;
  header: 'ok' | 'altered' | 'damaged';
  /** `['ok']` when SQLite's integrity check found nothing. */
  integrity: string[];
  schemaVersion: number;
  expectedSchemaVersion: number;
}

export type KeyEventKind = 'passphrase-changed' | 'recovered';

interface SessionParts {
  dir: string;
  sodium: Sodium;
  keys: KeyRing;
  db: VaultDatabase;
  body: HeaderBody;
  now: () => Date;
  timings: UnlockTimings;
}

export class VaultSession {
  readonly dir: string;
  readonly timings: UnlockTimings;
  #sodium: Sodium;
  #keys: KeyRing;
  #db: VaultDatabase;
  #body: HeaderBody;
  #now: () => Date;
  #locked = false;

  constructor(parts: SessionParts) {
    this.dir = parts.dir;
    this.timings = parts.timings;
    this.#sodium = parts.sodium;
    this.#keys = parts.keys;
    this.#db = parts.db;
    this.#body = parts.body;
    this.#now = parts.now;
  }

  get locked(): boolean {
    return this.#locked;
  }

  get vaultId(): string {
    return this.#body.vaultId;
  }

  /**
   * Keyed BLAKE2b-256 with the vault's audit subkey, for the audit chain. The key itself never
   * leaves the session; after lock the function refuses.
   */
  readonly auditMac: AuditMac = (bytes) => {
    this.#assertUnlocked();
    return this.#sodium.crypto_generichash(32, bytes, this.#keys.get('audit'));
  };

  /**
   * A MAC function under another audit key: a former vault's, for the audit history a restore
   * carried (records/audit-history.ts). The key is the caller's; nothing of this vault's leaves.
   */
  historyMac(key: Uint8Array): AuditMac {
    this.#assertUnlocked();
    return (bytes) => this.#sodium.crypto_generichash(32, bytes, key);
  }

  /**
   * A copy of this vault's audit subkey, for a backup only: the sealed, signed backup carries it so
   * the restored vault can recompute every MAC of this chain (docs/sharing.md §Backup). It is a
   * one-way derivation of the master key and opens nothing. The caller wipes it.
   */
  auditKeyForBackup(): Uint8Array {
    this.#assertUnlocked();
    return Uint8Array.from(this.#keys.get('audit'));
  }

  /**
   * Wraps an evidence item's random file key with the vault's `evidence` subkey
   * (XChaCha20-Poly1305 IETF, random 24-byte nonce, associated data = the item id), so a wrapped
   * key moved to another row does not open. Returns nonce ‖ ciphertext. docs/evidence-format.md §3.
   */
  wrapEvidenceKey(fileKey: Uint8Array, itemId: string): Uint8Array {
    this.#assertUnlocked();
    const sodium = this.#sodium;
    const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      fileKey,
      new TextEncoder().encode(itemId),
      null,
      nonce,
      this.#keys.get('evidence'),
    );
    const out = new Uint8Array(nonce.length + sealed.length);
    out.set(nonce, 0);
    out.set(sealed, nonce.length);
    return out;
  }

  /** The inverse of `wrapEvidenceKey`; throws EVIDENCE_DAMAGED if it does not authenticate. The caller wipes the result. */
  unwrapEvidenceKey(wrapped: Uint8Array, itemId: string): Uint8Array {
    this.#assertUnlocked();
    const sodium = this.#sodium;
    const n = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    try {
      return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        wrapped.subarray(n),
        new TextEncoder().encode(itemId),
        wrapped.subarray(0, n),
        this.#keys.get('evidence'),
      );
    } catch {
      throw new CaseVaultError('EVIDENCE_DAMAGED', 'key');
    }
  }

  /** The open database. Repositories take it as their first argument. */
  get db(): VaultDatabase {
    this.#assertUnlocked();
    return this.#db;
  }

  /**
   * Sets a new passphrase: a new salt and a new passphrase keyslot wrapping the same master key,
   * written atomically. The database is not rewritten. `kind` says whether it came from the
   * recovery key, for the key-event record.
   */
  async changePassphrase(
    newPassphrase: string,
    options: { kdf?: KdfPresetName | KdfParams; kind?: KeyEventKind } = {},
  ): Promise<void> {
    this.#assertUnlocked();
    assertPassphraseAcceptable(newPassphrase);
    const params = resolveKdf(options.kdf ?? this.#currentPassphraseParams());
    const secret = passphraseBytes(newPassphrase);
    const master = this.#keys.get('master');
    try {
      const slot = createKeyslot(this.#sodium, 'passphrase', secret, master, params, this.#body.vaultId);
      const at = this.#now().toISOString();
      const body: HeaderBody = { ...this.#body, updatedAt: at, keyslots: [slot, this.#body.keyslots[1]!] };
      await writeFileAtomic(
        vaultPaths(this.dir).header,
        serializeHeader(this.#sodium, this.#keys.get('headerMac'), body),
      );
      this.#body = body;
      const kind = options.kind ?? 'passphrase-changed';
      this.#db.transaction(() => {
        this.#db.prepare('INSERT INTO key_events (kind, at) VALUES (?, ?)').run(kind, at);
        appendAudit(this.#db, this.auditMac, { at, actor: 'owner', action: `key.${kind}`, detail: {} });
      })();
    } finally {
      wipe(this.#sodium, secret);
    }
  }

  /** Re-reads the header from disk and checks its MAC, then runs SQLite's full integrity check. */
  async check(): Promise<CheckReport> {
    this.#assertUnlocked();
    let header: CheckReport['header'] = 'ok';
    try {
      const parsed = parseHeader(await fs.readFile(vaultPaths(this.dir).header));
      verifyHeaderMac(this.#sodium, this.#keys.get('headerMac'), parsed);
      if (parsed.body.vaultId !== this.#body.vaultId) header = 'altered';
    } catch (error) {
      header = error instanceof CaseVaultError && error.code === 'HEADER_ALTERED' ? 'altered' : 'damaged';
    }
    let integrity: string[];
    try {
      // Every page is read, so SQLCipher checks every page's HMAC on the way.
      integrity = (this.#db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
        (row) => row.integrity_check,
      );
    } catch (error) {
      integrity = [`unreadable page (${(error as { code?: string }).code ?? 'error'})`];
    }
    const version = schemaVersion(this.#db);
    const ok =
      header === 'ok' && integrity.length === 1 && integrity[0] === 'ok' && version === LATEST_SCHEMA_VERSION;
    return { ok, header, integrity, schemaVersion: version, expectedSchemaVersion: LATEST_SCHEMA_VERSION };
  }

  setSetting(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(key, value, this.#now().toISOString());
  }

  getSetting(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  /** Checkpoints (truncating the WAL), closes the database and wipes every key. Idempotent. */
  lock(): void {
    if (this.#locked) return;
    this.#locked = true;
    try {
      closeDatabase(this.#db);
    } finally {
      this.#keys.wipe();
    }
  }

  #currentPassphraseParams(): KdfParams {
    const { opslimit, memlimit } = this.#body.keyslots[0]!.kdf;
    return { opslimit, memlimit };
  }

  #assertUnlocked(): void {
    if (this.#locked) throw new CaseVaultError('VAULT_LOCKED');
  }

  toJSON(): string {
    return `[VaultSession ${this.#locked ? 'locked' : 'unlocked'}]`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toJSON();
  }
}
