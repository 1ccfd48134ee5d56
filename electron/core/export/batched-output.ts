/**
 * Where a sealer's bytes go: gathered into batches of 16 sealed chunks (~1 MiB), handed to the sink
 * in order with ONE write in flight while the next batch is being encrypted (the sink's I/O runs on
 * libuv's threads meanwhile), and optionally hashed (SHA-256 of every byte: the export file hash
 * that receipts and the audit log name).
 *
 * Buffers: when the sink says it is done with a buffer once its write has resolved
 * (`ByteSink.releasesBuffers`), batches live in a fixed ring of RING_SLOTS buffers that is reused —
 * no allocation per batch — and, when asked (`parallelHash`, off by default: it did not pay on the
 * loaded 2-core reference machine, docs/benchmarks.md), the ring is shared with a hash thread
 * (evidence/plain-hasher.ts) so that hashing batch n overlaps encrypting batch n + 1 on the second
 * core. Otherwise each batch is a fresh buffer the sink may keep. Without the thread, each sealed
 * chunk is hashed on this thread as it is written into the batch.
 * Only ciphertext (and the export header) ever goes through here.
 */
import { createHash, type Hash } from 'node:crypto';
import { PARALLEL_HASH_MIN_BYTES, type PlainHasher, threadHasher } from '../evidence/plain-hasher.ts';
import type { ByteSink } from './export-payload.ts';
import { CHUNK_ABYTES, CHUNK_BYTES } from './format-constants.ts';

/** 16 sealed chunks: what one sink write carries (1,048,848 bytes). */
export const BATCH_BYTES = 16 * (CHUNK_BYTES + CHUNK_ABYTES);
/** Ring size: one batch being filled, one being written, two being hashed. */
export const RING_SLOTS = 4;

export interface OutputOptions {
  /** Hash every byte (SHA-256); `finish()` returns the digest. */
  hash?: boolean;
  /**
   * Hash on a second thread (default off: on the shared 2-core reference machine it cost more CPU
   * than it saved, docs/benchmarks.md). Needs a sink with `releasesBuffers` (otherwise the sink
   * might keep a buffer that the thread reads while it is reused) and is only worth its start-up
   * from PARALLEL_HASH_MIN_BYTES of `expectedBytes` on; below that, or without such a sink, the
   * hash runs on this thread. Same digest either way.
   */
  parallelHash?: boolean;
  expectedBytes?: number;
}

/** Hash threads started and not yet ended (tests check that none outlives its seal). */
let liveHashThreads = 0;
export function openHashThreads(): number {
  return liveHashThreads;
}

export class BatchedOutput {
  readonly #sink: ByteSink;
  readonly #inlineHash: Hash | undefined;
  readonly #hasher: PlainHasher | undefined;
  readonly #ring: Uint8Array[] | undefined;
  /** Per ring slot, the write that still holds it. */
  readonly #writes: Array<Promise<void> | undefined> = [];
  #slot = -1;
  #current: Uint8Array | undefined;
  #filled = 0;
  #inflight: Promise<void> | undefined;
  #count = 0;
  #closed = false;

  constructor(sink: ByteSink, options: OutputOptions = {}) {
    this.#sink = sink;
    const reuse = sink.releasesBuffers === true;
    const parallel =
      reuse &&
      options.hash === true &&
      options.parallelHash === true &&
      (options.expectedBytes ?? PARALLEL_HASH_MIN_BYTES) >= PARALLEL_HASH_MIN_BYTES;
    if (parallel) {
      this.#hasher = threadHasher(RING_SLOTS, BATCH_BYTES);
      liveHashThreads++;
      this.#ring = this.#hasher.buffers;
    } else {
      if (options.hash) this.#inlineHash = createHash('sha256');
      if (reuse) this.#ring = Array.from({ length: RING_SLOTS }, () => new Uint8Array(BATCH_BYTES));
    }
  }

  /** Whether a second thread hashes (for tests and the bench). */
  get parallel(): boolean {
    return this.#hasher !== undefined;
  }

  /** Bytes handed to the sink so far (including the batch being filled). */
  get count(): number {
    return this.#count + this.#filled;
  }

  /**
   * The batch being filled, with at least `room` free bytes from `filled` on (room ≤ BATCH_BYTES):
   * the previous batch is submitted first if it has less.
   */
  async reserve(room: number): Promise<Uint8Array> {
    if (this.#current && BATCH_BYTES - this.#filled >= room) return this.#current;
    await this.#submit();
    return this.#acquire();
  }

  get filled(): number {
    return this.#filled;
  }

  /** Marks `n` more bytes of the current batch as written by the caller. */
  advance(n: number): void {
    // Hashed now, while the sealed bytes are still in cache (not when the whole batch is submitted).
    if (!this.#hasher) this.#inlineHash?.update(this.#current!.subarray(this.#filled, this.#filled + n));
    this.#filled += n;
  }

  /** Copies `bytes` through the batches (header bytes, or any ByteSink-style caller). */
  async write(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const batch = await this.reserve(1);
      const take = Math.min(BATCH_BYTES - this.#filled, bytes.length - offset);
      batch.set(bytes.subarray(offset, offset + take), this.#filled);
      this.advance(take);
      offset += take;
    }
  }

  /** Submits the current batch and waits until the sink has every byte so far. */
  async flush(): Promise<void> {
    await this.#submit();
    await this.#inflight;
  }

  /** Flushes, then the digest (when hashing) and the byte count; releases the hash thread. */
  async finish(): Promise<{ sha256: string | undefined; count: number }> {
    await this.flush();
    const sha256 = this.#hasher ? await this.#hasher.digest() : this.#inlineHash?.digest('hex');
    await this.dispose();
    return { sha256, count: this.#count };
  }

  /**
   * Ends the hash thread and waits for the write in flight to settle (so a caller deleting the
   * output does not race it). Safe to call more than once and after a failure; never throws.
   */
  async dispose(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#inflight?.catch(() => undefined);
    if (this.#hasher) {
      await this.#hasher.close().catch(() => undefined);
      liveHashThreads--;
    }
  }

  async #acquire(): Promise<Uint8Array> {
    if (this.#closed) throw new Error('batched output used after dispose');
    this.#filled = 0;
    if (!this.#ring) {
      this.#current = new Uint8Array(BATCH_BYTES);
      return this.#current;
    }
    this.#slot = (this.#slot + 1) % this.#ring.length;
    await this.#writes[this.#slot];
    await this.#hasher?.ready(this.#slot);
    this.#current = this.#ring[this.#slot]!;
    return this.#current;
  }

  async #submit(): Promise<void> {
    const batch = this.#current;
    const length = this.#filled;
    this.#current = undefined;
    this.#filled = 0;
    if (!batch || length === 0) return;
    const view = batch.subarray(0, length);
    this.#hasher?.update(this.#slot, length);
    this.#count += length;
    // Writes stay in order: the next starts only once the previous one has resolved.
    await this.#inflight;
    const write = (async () => {
      await this.#sink.write(view);
    })();
    // Observed here so a failure is not "unhandled" before the next await rethrows it.
    write.catch(() => undefined);
    this.#inflight = write;
    if (this.#ring) this.#writes[this.#slot] = write;
  }
}
