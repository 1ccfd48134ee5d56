/**
 * Messages between WorkerVaultService (main thread) and the vault worker. Plain data only: errors
 * cross as `{ code, detail }`, never as a foreign message (SQLite and libsodium messages may quote
 * statements or inputs).
 */

import type { SerializedError } from '../../shared/errors.ts';
import type { TaskProgress } from '../../shared/evidence/schemas.ts';
import type { LockReasonName } from '../../shared/ipc/contract.ts';
import type { VaultService } from '../core/service/types.ts';

/** The VaultService methods the worker answers; `onLocked`, `onProgress` and `dispose` are handled on each side. */
export const WORKER_METHODS = [
  'status',
  'create',
  'unlock',
  'lock',
  'changePassphrase',
  'recover',
  'records',
  'evidence',
  'cancel',
  'identity',
  'reports',
  'sharing',
  'restoreBackup',
  'inspectBackup',
  'restoreHere',
] as const;
export type WorkerMethod = (typeof WORKER_METHODS)[number] & keyof VaultService;

export interface WorkerRequest {
  type: 'call';
  id: number;
  method: WorkerMethod;
  args: unknown[];
}

export type WorkerResponse =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: SerializedError };

export interface WorkerLockedEvent {
  type: 'locked';
  reason: LockReasonName;
}

export interface WorkerProgressEvent {
  type: 'progress';
  progress: TaskProgress;
}

export type WorkerToMain = WorkerResponse | WorkerLockedEvent | WorkerProgressEvent;

export interface VaultWorkerData {
  dir: string;
}

export function isWorkerMethod(value: unknown): value is WorkerMethod {
  return typeof value === 'string' && (WORKER_METHODS as readonly string[]).includes(value);
}
