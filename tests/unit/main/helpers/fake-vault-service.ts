/** An in-memory VaultService for tests of main's wiring; no crypto, no files. */

import type { VaultService } from '../../../../electron/core/service/types.ts';
import { CaseVaultError } from '../../../../shared/errors.ts';
import type { TaskProgress } from '../../../../shared/evidence/schemas.ts';
import type { KdfPreset, LockReasonName, VaultStatus } from '../../../../shared/ipc/contract.ts';

export class FakeVaultService implements VaultService {
  state: VaultStatus['state'] = 'none';
  passphrase = '';
  readonly calls: string[] = [];
  readonly #listeners = new Set<(reason: LockReasonName) => void>();

  async status(): Promise<VaultStatus> {
    this.calls.push('status');
    return { state: this.state };
  }

  async create(passphrase: string, _kdf: KdfPreset): Promise<{ recoveryKey: string }> {
    this.calls.push('create');
    if (this.state !== 'none') throw new CaseVaultError('VAULT_ALREADY_EXISTS');
    this.passphrase = passphrase;
    this.state = 'unlocked';
    return { recoveryKey: 'AAAA-BBBB-CCCC' };
  }

  async unlock(passphrase: string): Promise<void> {
    this.calls.push('unlock');
    if (this.state === 'none') throw new CaseVaultError('VAULT_NOT_FOUND');
    if (passphrase !== this.passphrase) throw new CaseVaultError('WRONG_PASSPHRASE');
    this.state = 'unlocked';
  }

  async lock(reason: LockReasonName = 'user'): Promise<void> {
    this.calls.push(`lock:${reason}`);
    if (this.state !== 'unlocked') return;
    this.state = 'locked';
    for (const listener of this.#listeners) listener(reason);
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    this.calls.push('changePassphrase');
    if (this.state !== 'unlocked') throw new CaseVaultError('VAULT_LOCKED');
    if (current !== this.passphrase) throw new CaseVaultError('WRONG_PASSPHRASE');
    this.passphrase = next;
  }

  async recover(_recoveryKey: string, newPassphrase: string): Promise<void> {
    this.calls.push('recover');
    this.passphrase = newPassphrase;
    this.state = 'unlocked';
  }

  onLocked(listener: (reason: LockReasonName) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async records(op: string, _input: unknown): Promise<unknown> {
    this.calls.push(`records:${op}`);
    return { ok: true };
  }

  readonly #progress = new Set<(progress: TaskProgress) => void>();

  async evidence(op: string, _input: unknown, task?: { taskId: string }): Promise<unknown> {
    this.calls.push(`evidence:${op}`);
    if (this.state !== 'unlocked') throw new CaseVaultError('VAULT_LOCKED');
    if (task) for (const listener of this.#progress) listener({ taskId: task.taskId, done: 1, total: 1 });
    return { ok: true };
  }

  async cancel(taskId: string): Promise<void> {
    this.calls.push(`cancel:${taskId}`);
  }

  onProgress(listener: (progress: TaskProgress) => void): () => void {
    this.#progress.add(listener);
    return () => this.#progress.delete(listener);
  }

  async identity(op: string, _input: unknown): Promise<unknown> {
    this.calls.push(`identity:${op}`);
    return { ok: true };
  }

  async reports(op: string, _input: unknown): Promise<unknown> {
    this.calls.push(`reports:${op}`);
    return { ok: true };
  }

  async restoreBackup(_input: unknown) {
    this.calls.push('restoreBackup');
    return {
      dir: 'restored',
      recoveryKey: 'fake',
      backupId: '00000000-0000-4000-8000-000000000000',
      records: {},
      files: 0,
    };
  }

  /** What the restore calls received (paths included), for handler tests. */
  readonly restoreInputs: unknown[] = [];

  async inspectBackup(input: unknown, _task?: { taskId: string }) {
    this.calls.push('inspectBackup');
    this.restoreInputs.push(input);
    return {
      backupId: '00000000-0000-4000-8000-000000000000',
      createdAt: '2026-11-20T10:00:00.000Z',
      fileSha256: 'a'.repeat(64),
      fileLength: 1234,
      signer: { fingerprintId: 'b'.repeat(64), fingerprintDigits: ['12345', '67890'], name: 'Awa' },
      records: { cases: 1 },
      files: 1,
      bytes: 42,
      history: true,
    };
  }

  async restoreHere(input: unknown, _task?: { taskId: string }) {
    this.calls.push('restoreHere');
    this.restoreInputs.push(input);
    if (this.state !== 'none') throw new CaseVaultError('VAULT_ALREADY_EXISTS');
    this.state = 'unlocked';
    return {
      recoveryKey: 'AAAA-BBBB-CCCC',
      backupId: '00000000-0000-4000-8000-000000000000',
      records: { cases: 1 },
      files: 1,
      history: { segments: 1, entries: 9 },
    };
  }

  async sharing(op: string, _input: unknown, task?: { taskId: string }): Promise<unknown> {
    this.calls.push(`sharing:${op}`);
    if (this.state !== 'unlocked') throw new CaseVaultError('VAULT_LOCKED');
    if (task) for (const listener of this.#progress) listener({ taskId: task.taskId, done: 1, total: 1 });
    return { ok: true };
  }

  async dispose(): Promise<void> {
    this.calls.push('dispose');
    await this.lock('user');
  }
}
