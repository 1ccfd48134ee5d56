/**
 * VaultService running the core in the calling thread. The Electron app runs it inside a worker
 * thread (electron/host/) so Argon2id and SQLCipher work never block main's event loop; tests and
 * the e2e harness may use it directly.
 */

import { CaseVaultError } from '../../../shared/errors.ts';
import type { TaskProgress } from '../../../shared/evidence/schemas.ts';
import type { KdfPreset, LockReasonName, VaultStatus } from '../../../shared/ipc/contract.ts';
import {
  type BackupInspection,
  InspectBackupInput,
  RestoreHereInput,
  type RestoreOutcome,
} from '../../../shared/sharing/restore-schemas.ts';
import { RestoreInput } from '../../../shared/sharing/schemas.ts';
import { loadSodium } from '../crypto/sodium.ts';
import { runEvidenceOp } from '../evidence/evidence-ops.ts';
import { EvidenceService } from '../evidence/evidence-service.ts';
import { runIdentityOp } from '../identity/identity-ops.ts';
import { IdentityService } from '../identity/identity-service.ts';
import { runRecordsOp } from '../records/records-ops.ts';
import { RecordsService } from '../records/records-service.ts';
import { runReportsOp } from '../reports/reports-ops.ts';
import { ReportsService } from '../reports/reports-service.ts';
import type { TaskOptions } from '../sharing/context.ts';
import { inspectBackup, restoreBackup, restoreBackupSession } from '../sharing/restore.ts';
import { runSharingOp } from '../sharing/sharing-ops.ts';
import { SharingService } from '../sharing/sharing-service.ts';
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
  #evidence: EvidenceService | undefined;
  #identity: IdentityService | undefined;
  #reports: ReportsService | undefined;
  #sharing: SharingService | undefined;
  #listeners = new Set<(reason: LockReasonName) => void>();
  #progressListeners = new Set<(progress: TaskProgress) => void>();
  /** Evidence tasks in flight, by task id (or an internal id): aborted by cancel and by lock. */
  #tasks = new Map<string, AbortController>();
  #running = new Set<Promise<unknown>>();
  #nextTask = 1;
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
      // Blobs whose rows were deleted just before a crash are overwritten and removed now.
      await this.#evidenceService(this.#session)
        .drainShredQueue()
        .catch(() => undefined);
    });
  }

  async lock(reason: LockReasonName = 'user'): Promise<void> {
    await this.#stopTasks();
    return this.#serial(async () => this.#lockNow(reason));
  }

  /** Aborts every evidence task and waits for them to settle (they remove their partial files). */
  async #stopTasks(): Promise<void> {
    for (const controller of this.#tasks.values()) controller.abort();
    await Promise.allSettled([...this.#running]);
  }

  #lockNow(reason: LockReasonName): void {
    const session = this.#session;
    this.#session = undefined;
    this.#records = undefined;
    this.#evidence?.close();
    this.#evidence = undefined;
    this.#identity = undefined;
    this.#reports = undefined;
    this.#sharing = undefined;
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
      const result = runRecordsOp(this.#records, op, input);
      // A deleted case takes its evidence rows with it (the trigger queues their blobs): shred now.
      if (op === 'delete') await this.#evidenceService(session).drainShredQueue();
      return result;
    });
  }

  #evidenceService(session: VaultSession): EvidenceService {
    this.#evidence ??= new EvidenceService(session, { now: this.#now });
    return this.#evidence;
  }

  /**
   * Evidence operations run outside the serial queue (a long intake must not hold up previews),
   * each against the session current when it starts. Lock aborts them and waits for them first.
   */
  evidence(op: string, input: unknown, task?: { taskId: string }): Promise<unknown> {
    const session = this.#session;
    if (!session || session.locked) return Promise.reject(new CaseVaultError('VAULT_LOCKED'));
    const service = this.#evidenceService(session);
    return this.#runTask(task, (options) => runEvidenceOp(service, op, input, options));
  }

  /**
   * Sharing operations run outside the serial queue like evidence tasks (an export of large files
   * must not hold up the rest), against the session current when they start; lock aborts them.
   */
  sharing(op: string, input: unknown, task?: { taskId: string }): Promise<unknown> {
    const session = this.#session;
    if (!session || session.locked) return Promise.reject(new CaseVaultError('VAULT_LOCKED'));
    return this.#runTask(task, async (options) => {
      const sodium = await loadSodium();
      this.#identity ??= new IdentityService(session, sodium, { now: this.#now });
      this.#sharing ??= new SharingService(session, this.#identity, sodium, { now: this.#now });
      return runSharingOp(this.#sharing, op, input, options);
    });
  }

  /** Not serialised with this vault's calls: it creates another vault and touches nothing here. */
  async restoreBackup(input: unknown) {
    const parsed = RestoreInput.safeParse(input);
    if (!parsed.success)
      throw new CaseVaultError('INVALID_INPUT', parsed.error.issues[0]!.path.join('.') || 'input');
    return restoreBackup({ ...parsed.data, now: this.#now });
  }

  /** Not serialised: it reads a file and writes nothing. */
  inspectBackup(input: unknown, task?: { taskId: string }): Promise<BackupInspection> {
    const parsed = InspectBackupInput.safeParse(input);
    if (!parsed.success)
      return Promise.reject(
        new CaseVaultError('INVALID_INPUT', parsed.error.issues[0]!.path.join('.') || 'input'),
      );
    return this.#runTask(task, (options) =>
      inspectBackup({ ...parsed.data, signal: options.signal, onProgress: options.onProgress }),
    ) as Promise<BackupInspection>;
  }

  /** Serialised with create and unlock: it makes THIS folder's vault and keeps it open. */
  restoreHere(input: unknown, task?: { taskId: string }): Promise<RestoreOutcome> {
    const parsed = RestoreHereInput.safeParse(input);
    if (!parsed.success)
      return Promise.reject(
        new CaseVaultError('INVALID_INPUT', parsed.error.issues[0]!.path.join('.') || 'input'),
      );
    return this.#serial(async () => {
      this.#assertLocked();
      const { path, backupPassphrase, newPassphrase, kdf } = parsed.data;
      const { session, result } = (await this.#runTask(task, (options) =>
        restoreBackupSession({
          path,
          backupPassphrase,
          newDir: this.#dir,
          newPassphrase,
          kdf,
          now: this.#now,
          signal: options.signal,
          onProgress: options.onProgress,
        }),
      )) as Awaited<ReturnType<typeof restoreBackupSession>>;
      this.#session = session;
      const { recoveryKey, backupId, records, files, history } = result;
      return { recoveryKey, backupId, records, files, history };
    });
  }

  #runTask(
    task: { taskId: string } | undefined,
    work: (options: TaskOptions) => Promise<unknown>,
  ): Promise<unknown> {
    const taskId = task?.taskId ?? `internal-${this.#nextTask++}`;
    if (this.#tasks.has(taskId)) return Promise.reject(new CaseVaultError('INVALID_INPUT', 'taskId'));
    const controller = new AbortController();
    this.#tasks.set(taskId, controller);
    let last = 0;
    const onProgress = task
      ? (done: number, total: number, item?: string) => {
          const now = Date.now();
          if (done < total && now - last < 50) return;
          last = now;
          const progress: TaskProgress = item ? { taskId, done, total, item } : { taskId, done, total };
          for (const listener of this.#progressListeners) listener(progress);
        }
      : undefined;
    const run = work({ signal: controller.signal, onProgress });
    const tracked = run.finally(() => {
      this.#tasks.delete(taskId);
      this.#running.delete(tracked);
    });
    this.#running.add(tracked);
    return tracked;
  }

  async cancel(taskId: string): Promise<void> {
    this.#tasks.get(taskId)?.abort();
  }

  onProgress(listener: (progress: TaskProgress) => void): () => void {
    this.#progressListeners.add(listener);
    return () => this.#progressListeners.delete(listener);
  }

  identity(op: string, input: unknown): Promise<unknown> {
    return this.#serial(async () => {
      const session = this.#session;
      if (!session || session.locked) throw new CaseVaultError('VAULT_LOCKED');
      this.#identity ??= new IdentityService(session, await loadSodium(), { now: this.#now });
      return runIdentityOp(this.#identity, op, input);
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

  async dispose(): Promise<void> {
    await this.#stopTasks();
    return this.#serial(async () => {
      this.#lockNow('user');
      this.#listeners.clear();
      this.#progressListeners.clear();
    });
  }

  #assertLocked(): void {
    if (this.#session && !this.#session.locked) throw new CaseVaultError('VAULT_ALREADY_UNLOCKED');
  }
}
