/**
 * VaultService running the core in the calling thread. The Electron app runs it inside a worker
 * thread (electron/host/) so Argon2id and SQLCipher work never block main's event loop; tests and
 * the e2e harness may use it directly.
 */

import { CaseVaultError } from '../../../shared/errors.ts';
import type { KdfPreset, LockReasonName, VaultStatus } from '../../../shared/ipc/contract.ts';
import { runRecordsOp } from '../records/records-ops.ts';
import { RecordsService } from '../records/records-service.ts';
import { runReportsOp } from '../reports/reports-ops.ts';
import { ReportsService } from '../reports/reports-service.ts';
import {
  createVault,
  readVaultInfo,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type VaultSession,
  vaultExists,
  verifyPassphrase,
} from '../vault/vault.ts';
import type { VaultService } from './types.ts';

export interface LocalVaultServiceOptions {
  dir: string;
  now?: () => Date;
}

export class LocalVaultService implements VaultService {
  readonly #dir: string;
  readonly #now: () => Date;
  #session: VaultSession | undefined;
  #records: RecordsService | undefined;
  #reports: ReportsService | undefined;
  #listeners = new Set<(reason: LockReasonName) => void>();
  /** Calls run one at a time: two unlocks racing must not open the database twice. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: LocalVaultServiceOptions) {
    this.#dir = options.dir;
    this.#now = options.now ?? (() => new Date());
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work, work);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  status(): Promise<VaultStatus> {
    return this.#serial(async () => {
      if (this.#session && !this.#session.locked) return { state: 'unlocked', info: await this.#info() };
      if (!(await vaultExists(this.#dir))) return { state: 'none' };
      return { state: 'locked', info: await this.#info() };
    });
  }

  async #info(): Promise<VaultStatus['info']> {
    try {
      const info = await readVaultInfo(this.#dir);
      const kdf = info.keyslots.find((slot) => slot.id === 'passphrase')!.kdf;
      return { formatVersion: info.formatVersion, createdAt: info.createdAt, kdf };
    } catch {
      // A damaged header still shows as a locked vault; unlock reports the precise error.
      return undefined;
    }
  }

  create(passphrase: string, kdf: KdfPreset): Promise<{ recoveryKey: string }> {
    return this.#serial(async () => {
      this.#assertLocked();
      const { session, recoveryKey } = await createVault(this.#dir, passphrase, { kdf, now: this.#now });
      this.#session = session;
      return { recoveryKey };
    });
  }

  unlock(passphrase: string): Promise<void> {
    return this.#serial(async () => {
      this.#assertLocked();
      this.#session = await unlockWithPassphrase(this.#dir, passphrase, { now: this.#now });
    });
  }

  lock(reason: LockReasonName = 'user'): Promise<void> {
    return this.#serial(async () => this.#lockNow(reason));
  }

  #lockNow(reason: LockReasonName): void {
    const session = this.#session;
    this.#session = undefined;
    this.#records = undefined;
    this.#reports = undefined;
    if (!session || session.locked) return;
    session.lock();
    for (const listener of this.#listeners) listener(reason);
  }

  changePassphrase(current: string, next: string): Promise<void> {
    return this.#serial(async () => {
      const session = this.#session;
      if (!session || session.locked) throw new CaseVaultError('VAULT_LOCKED');
      // Re-proving the current passphrase stops someone at an unattended, unlocked laptop from
      // locking the owner out.
      await verifyPassphrase(this.#dir, current);
      await session.changePassphrase(next);
    });
  }

  recover(recoveryKey: string, newPassphrase: string): Promise<void> {
    return this.#serial(async () => {
      this.#assertLocked();
      const session = await unlockWithRecoveryKey(this.#dir, recoveryKey, { now: this.#now });
      try {
        await session.changePassphrase(newPassphrase, { kind: 'recovered' });
      } catch (error) {
        session.lock();
        throw error;
      }
      this.#session = session;
    });
  }

  records(op: string, input: unknown): Promise<unknown> {
    return this.#serial(async () => {
      const session = this.#session;
      if (!session || session.locked) throw new CaseVaultError('VAULT_LOCKED');
      this.#records ??= new RecordsService(session, { now: this.#now });
      return runRecordsOp(this.#records, op, input);
    });
  }

  reports(op: string, input: unknown): Promise<unknown> {
    return this.#serial(async () => {
      const session = this.#session;
      if (!session || session.locked) throw new CaseVaultError('VAULT_LOCKED');
      this.#reports ??= new ReportsService(session.db, session.auditMac, { now: this.#now });
      return runReportsOp(this.#reports, op, input);
    });
  }

  onLocked(listener: (reason: LockReasonName) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): Promise<void> {
    return this.#serial(async () => {
      this.#lockNow('user');
      this.#listeners.clear();
    });
  }

  #assertLocked(): void {
    if (this.#session && !this.#session.locked) throw new CaseVaultError('VAULT_ALREADY_UNLOCKED');
  }
}
