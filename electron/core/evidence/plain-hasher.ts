/**
 * SHA-256 of an intake's plaintext, either inline or on a second thread. For large files the hash
 * runs in a small worker thread reading the same (shared) read buffers, so hashing one buffer and
 * encrypting it happen at the same time on two cores. The read loop must not refill a buffer before
 * `ready(index)` resolves: the worker may still be reading it.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { CaseVaultError } from '../../../shared/errors.ts';

export interface PlainHasher {
  /** Buffers the reads go into (shared with the hash thread when there is one). */
  readonly buffers: Uint8Array[];
  /** Hashes `length` bytes of buffer `index`, in call order. */
  update(index: number, length: number): void;
  /** Resolves once buffer `index` may be overwritten. */
  ready(index: number): Promise<void>;
  digest(): Promise<string>;
  close(): Promise<void>;
}

/** Files at least this large are hashed on a second thread (its start-up costs a few ms). */
export const PARALLEL_HASH_MIN_BYTES = 16 * 1024 * 1024;

export function inlineHasher(count: number, size: number): PlainHasher {
  const hash = createHash('sha256');
  const buffers = Array.from({ length: count }, () => new Uint8Array(size));
  return {
    buffers,
    update: (index, length) => {
      hash.update(buffers[index]!.subarray(0, length));
    },
    ready: async () => undefined,
    digest: async () => hash.digest('hex'),
    close: async () => undefined,
  };
}

// CommonJS, evaluated: no file to locate in a bundled app.
const HASH_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const views = workerData.buffers.map((b) => new Uint8Array(b));
const hash = createHash('sha256');
parentPort.on('message', (m) => {
  if (m.type === 'update') {
    hash.update(views[m.index].subarray(0, m.length));
    parentPort.postMessage({ type: 'ready', index: m.index });
  } else if (m.type === 'digest') {
    parentPort.postMessage({ type: 'digest', hex: hash.digest('hex') });
  }
});
`;

let liveThreads = 0;

/** Hash threads started and not yet exited (tests check that cancel and errors end them). */
export function liveHashThreads(): number {
  return liveThreads;
}

export function threadHasher(count: number, size: number): PlainHasher {
  const shared = Array.from({ length: count }, () => new SharedArrayBuffer(size));
  const buffers = shared.map((b) => new Uint8Array(b));
  const worker = new Worker(HASH_THREAD, {
    eval: true,
    workerData: { buffers: shared },
    name: 'casevault-hash',
  });
  liveThreads++;
  const waiting = new Map<number, Array<() => void>>();
  const busy = new Set<number>();
  let onDigest: ((hex: string) => void) | undefined;
  let failure: CaseVaultError | undefined;
  const fail = () => {
    failure ??= new CaseVaultError('INTERNAL', 'hash thread');
    for (const list of waiting.values()) for (const wake of list) wake();
    waiting.clear();
    onDigest?.('');
  };
  worker.on('message', (m: { type: string; index?: number; hex?: string }) => {
    if (m.type === 'ready' && typeof m.index === 'number') {
      busy.delete(m.index);
      for (const wake of waiting.get(m.index) ?? []) wake();
      waiting.delete(m.index);
    } else if (m.type === 'digest' && typeof m.hex === 'string') onDigest?.(m.hex);
  });
  worker.on('error', fail);
  worker.on('exit', () => {
    liveThreads--;
    if (busy.size > 0 || onDigest) fail();
  });
  return {
    buffers,
    update(index, length) {
      busy.add(index);
      worker.postMessage({ type: 'update', index, length });
    },
    ready(index) {
      if (failure) return Promise.reject(failure);
      if (!busy.has(index)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const list = waiting.get(index) ?? [];
        list.push(() => (failure ? reject(failure) : resolve()));
        waiting.set(index, list);
      });
    },
    digest() {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        onDigest = (hex) => {
          onDigest = undefined;
          if (failure || !hex) reject(failure ?? new CaseVaultError('INTERNAL', 'hash thread'));
          else resolve(hex);
        };
        worker.postMessage({ type: 'digest' });
      });
    },
    async close() {
      onDigest = undefined;
      busy.clear();
      await worker.terminate();
    },
  };
}
