/**
 * A VaultService whose every call runs in a worker thread (see vault-worker.ts).
 *
 * Requests carry an id; replies settle the matching promise. Errors come back as `{ code, detail }`
 * and are rebuilt as CaseVaultError here — an unknown code or a malformed reply becomes INTERNAL —
 * so no foreign error message ever reaches main, let alone the renderer. If the worker dies, pending
 * calls fail with INTERNAL, the keys died with it (the vault is locked), and the next call starts a
 * fresh worker.
 */
import { Worker } from 'node:worker_threads';
import { CaseVaultError, isErrorCode } from '../../shared/errors.ts';
import type { TaskProgress } from '../../shared/evidence/schemas.ts';
import type { KdfPreset, LockReasonName, VaultStatus } from '../../shared/ipc/contract.ts';
import { keepLibvipsInMemory } from '../core/evidence/redact.ts';
import type { VaultService } from '../core/service/types.ts';
import type { VaultWorkerData, WorkerMethod, WorkerToMain } from './worker-protocol.ts';

interface Pending {
  resolve(value: unknown): void;
  reject(error: CaseVaultError): void;
}

const LOCK_REASONS: readonly string[] = ['user', 'idle', 'sleep', 'screen-lock', 'panic'];

export class WorkerVaultService implements VaultService {
  readonly #dir: string;
  readonly #workerUrl: URL | string;
  readonly #pending = new Map<number, Pending>();
  readonly #lockListeners = new Set<(reason: LockReasonName) => void>();
  readonly #progressListeners = new Set<(progress: TaskProgress) => void>();
  #worker: Worker | undefined;
  #nextId = 1;
  #disposed = false;

  constructor(opts: { dir: string; workerUrl: URL | string }) {
    this.#dir = opts.dir;
    this.#workerUrl = opts.workerUrl;
    this.#spawn();
  }

  status(): Promise<VaultStatus> {
    return this.#call('status', []) as Promise<VaultStatus>;
  }

  create(passphrase: string, kdf: KdfPreset): Promise<{ recoveryKey: string }> {
    return this.#call('create', [passphrase, kdf]) as Promise<{ recoveryKey: string }>;
  }

  async unlock(passphrase: string): Promise<void> {
    await this.#call('unlock', [passphrase]);
  }

  async lock(reason?: LockReasonName): Promise<void> {
    // Nothing to lock without a live worker: its keys died with it.
    if (!this.#worker) return;
    await this.#call('lock', reason === undefined ? [] : [reason]);
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    await this.#call('changePassphrase', [current, next]);
  }

  records(op: string, input: unknown): Promise<unknown> {
    return this.#call('records', [op, input]);
  }

  evidence(op: string, input: unknown, task?: { taskId: string }): Promise<unknown> {
    return this.#call('evidence', task ? [op, input, { taskId: task.taskId }] : [op, input]);
  }

  async cancel(taskId: string): Promise<void> {
    if (!this.#worker) return;
    await this.#call('cancel', [taskId]);
  }

  onProgress(listener: (progress: TaskProgress) => void): () => void {
    this.#progressListeners.add(listener);
    return () => this.#progressListeners.delete(listener);
  }

  identity(op: string, input: unknown): Promise<unknown> {
    return this.#call('identity', [op, input]);
  }

  reports(op: string, input: unknown): Promise<unknown> {
    return this.#call('reports', [op, input]);
  }
  sharing(op: string, input: unknown, task?: { taskId: string }): Promise<unknown> {
    return this.#call('sharing', task ? [op, input, { taskId: task.taskId }] : [op, input]);
  }

  restoreBackup(input: unknown) {
    return this.#call('restoreBackup', [input]) as ReturnType<VaultService['restoreBackup']>;
  }

  inspectBackup(input: unknown, task?: { taskId: string }) {
    return this.#call('inspectBackup', task ? [input, { taskId: task.taskId }] : [input]) as ReturnType<
      VaultService['inspectBackup']
    >;
  }

  restoreHere(input: unknown, task?: { taskId: string }) {
    return this.#call('restoreHere', task ? [input, { taskId: task.taskId }] : [input]) as ReturnType<
      VaultService['restoreHere']
    >;
  }

  async recover(recoveryKey: string, newPassphrase: string): Promise<void> {
    await this.#call('recover', [recoveryKey, newPassphrase]);
  }

  onLocked(listener: (reason: LockReasonName) => void): () => void {
    this.#lockListeners.add(listener);
    return () => this.#lockListeners.delete(listener);
  }

  /** Locks (closing the database cleanly), then terminates the worker. Idempotent. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    try {
      await this.lock();
    } catch {
      // terminate anyway: the keys go with the thread
    }
    this.#disposed = true;
    const worker = this.#worker;
    this.#worker = undefined;
    this.#failPending();
    if (worker) await worker.terminate();
  }

  #spawn(): Worker {
    // libvips (redacted copies) must never spill decoded pixels to TMPDIR. A worker's process.env
    // is a copy that native code does not see, so the variable is set here, in main, first.
    keepLibvipsInMemory();
    const data: VaultWorkerData = { dir: this.#dir };
    const worker = new Worker(this.#workerUrl, { workerData: data, name: 'casevault-vault' });
    worker.on('message', (message: WorkerToMain) => this.#onMessage(message));
    worker.on('error', (error) => {
      // The error's name only: its message could come from SQLite or quote an input.
      console.error(`[vault-worker] crashed: ${error instanceof Error ? error.name : 'unknown error'}`);
    });
    worker.on('exit', () => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#failPending();
    });
    this.#worker = worker;
    return worker;
  }

  #call(method: WorkerMethod, args: unknown[]): Promise<unknown> {
    if (this.#disposed) return Promise.reject(new CaseVaultError('INTERNAL', 'vault service disposed'));
    const worker = this.#worker ?? this.#spawn();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'call', id, method, args });
    });
  }

  #onMessage(message: WorkerToMain): void {
    if (message?.type === 'locked') {
      if (!LOCK_REASONS.includes(message.reason)) return;
      for (const listener of this.#lockListeners) listener(message.reason);
      return;
    }
    if (message?.type === 'progress') {
      const p = message.progress;
      if (typeof p?.taskId !== 'string' || typeof p.done !== 'number' || typeof p.total !== 'number') return;
      const progress: TaskProgress = { taskId: p.taskId, done: p.done, total: p.total };
      if (typeof p.item === 'string') progress.item = p.item;
      for (const listener of this.#progressListeners) listener(progress);
      return;
    }
    if (message?.type !== 'result') return;
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(rebuildError(message.error));
  }

  #failPending(): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const { reject } of pending) reject(new CaseVaultError('INTERNAL', 'vault worker stopped'));
  }
}

function rebuildError(error: unknown): CaseVaultError {
  if (typeof error !== 'object' || error === null) return new CaseVaultError('INTERNAL');
  const { code, detail } = error as { code?: unknown; detail?: unknown };
  if (!isErrorCode(code)) return new CaseVaultError('INTERNAL');
  return new CaseVaultError(code, typeof detail === 'string' ? detail.slice(0, 500) : undefined);
}
