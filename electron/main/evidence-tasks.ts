/**
 * Multi-file tasks as the renderer sees them. The renderer names a task (`taskId`); main runs its
 * files one by one, each as its own vault-service task (an id main makes up, never the renderer's),
 * relays the service's progress as `task:progress` events with the file's position and name, and
 * turns `task:cancel` into a cancel of the file in flight plus "start no more".
 *
 * Progress is throttled per task (the worker reports every segment; the screen needs a few updates
 * a second), but the start and the end of each file are always sent. MUST NOT import electron.
 */
import { randomUUID } from 'node:crypto';
import { CaseVaultError } from '../../shared/errors.ts';
import type { TaskProgress } from '../../shared/evidence/schemas.ts';
import type { TaskProgressPayload } from '../../shared/ipc/evidence-contract.ts';
import type { VaultService } from '../core/service/types.ts';

export const PROGRESS_INTERVAL_MS = 100;

interface Current {
  serviceTaskId: string;
  index: number;
  name: string;
}

export class BatchTask {
  readonly taskId: string;
  readonly count: number;
  #cancelled = false;
  #current: Current | undefined;
  #lastSent = Number.NEGATIVE_INFINITY;
  readonly #owner: EvidenceTasks;

  constructor(owner: EvidenceTasks, taskId: string, count: number) {
    this.#owner = owner;
    this.taskId = taskId;
    this.count = count;
  }

  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** Announces file `index` (0 of `total` bytes) and returns the service task id to run it under. */
  startFile(index: number, name: string, total: number): string {
    const serviceTaskId = this.#owner.newId();
    this.#current = { serviceTaskId, index, name };
    this.#owner.bind(serviceTaskId, this);
    this.emit(0, total, true);
    return serviceTaskId;
  }

  finishFile(total: number): void {
    if (!this.#current) return;
    this.emit(total, total, true);
    this.#owner.unbind(this.#current.serviceTaskId);
    this.#current = undefined;
  }

  emit(done: number, total: number, force = false): void {
    const current = this.#current;
    if (!current) return;
    const now = this.#owner.now();
    if (!force && done < total && now - this.#lastSent < PROGRESS_INTERVAL_MS) return;
    this.#lastSent = now;
    this.#owner.send({
      taskId: this.taskId,
      index: current.index,
      count: this.count,
      name: current.name,
      done,
      total,
    });
  }

  async cancel(): Promise<void> {
    this.#cancelled = true;
    const current = this.#current;
    if (current) await this.#owner.cancelService(current.serviceTaskId);
  }

  end(): void {
    if (this.#current) this.#owner.unbind(this.#current.serviceTaskId);
    this.#current = undefined;
    this.#owner.forget(this.taskId);
  }
}

export class EvidenceTasks {
  readonly #service: Pick<VaultService, 'cancel' | 'onProgress'>;
  readonly send: (progress: TaskProgressPayload) => void;
  readonly now: () => number;
  readonly newId: () => string;
  readonly #tasks = new Map<string, BatchTask>();
  readonly #byServiceId = new Map<string, BatchTask>();
  readonly #unsubscribe: () => void;

  constructor(
    service: Pick<VaultService, 'cancel' | 'onProgress'>,
    send: (progress: TaskProgressPayload) => void,
    opts: { now?: () => number; newId?: () => string } = {},
  ) {
    this.#service = service;
    this.send = send;
    this.now = opts.now ?? Date.now;
    this.newId = opts.newId ?? randomUUID;
    this.#unsubscribe = service.onProgress((progress) => this.#relay(progress));
  }

  /** Starts a renderer-named task; a second task with a running task's id is refused. */
  begin(taskId: string, count: number): BatchTask {
    if (this.#tasks.has(taskId)) throw new CaseVaultError('INVALID_INPUT', 'taskId');
    const task = new BatchTask(this, taskId, count);
    this.#tasks.set(taskId, task);
    return task;
  }

  /** Unknown or finished tasks are ignored: a late click on Cancel is not an error. */
  async cancel(taskId: string): Promise<void> {
    await this.#tasks.get(taskId)?.cancel();
  }

  get running(): number {
    return this.#tasks.size;
  }

  dispose(): void {
    this.#unsubscribe();
  }

  /** @internal for BatchTask */
  bind(serviceTaskId: string, task: BatchTask): void {
    this.#byServiceId.set(serviceTaskId, task);
  }
  /** @internal for BatchTask */
  unbind(serviceTaskId: string): void {
    this.#byServiceId.delete(serviceTaskId);
  }
  /** @internal for BatchTask */
  forget(taskId: string): void {
    this.#tasks.delete(taskId);
  }
  /** @internal for BatchTask */
  async cancelService(serviceTaskId: string): Promise<void> {
    await this.#service.cancel(serviceTaskId);
  }

  #relay(progress: TaskProgress): void {
    this.#byServiceId.get(progress.taskId)?.emit(progress.done, progress.total);
  }
}
