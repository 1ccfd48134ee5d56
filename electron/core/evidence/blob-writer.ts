/**
 * Writes one blob in a single pass over its plaintext: each buffer read is hashed (SHA-256, Node
 * crypto), its first MiB and last 64 KiB are kept for type and metadata detection, and it is
 * encrypted and written, while the next read is already in flight. Memory is two read buffers (four
 * with the hash thread) and the ciphertext of one of them, whatever the file's size.
 *
 * Crash safety: the ciphertext goes to `<name>.part` in the evidence folder, which is fsynced and
 * renamed to `<name>`, then the folder is fsynced. The caller commits the database row only after
 * this returns; a crash before leaves no row, only an orphan file that `check` reports.
 */
import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { Sodium } from '../crypto/sodium.ts';
import { ioError } from '../vault/files.ts';
import { blobPath, ensureEvidenceDir, fsyncDir, newBlobName, PART_SUFFIX } from './blob-files.ts';
import { BlobEncryptor } from './blob-format.ts';
import { PREFIX_BYTES } from './content-type.ts';
import { inlineHasher, PARALLEL_HASH_MIN_BYTES, threadHasher } from './plain-hasher.ts';

const READ_BYTES = 1024 * 1024;
/**
 * Read buffers in rotation when the hash thread reads them: the intake thread may run a few buffers
 * ahead of the hash thread instead of stalling on it whenever the scheduler favours one of them.
 */
const READ_SLOTS = 4;
const TAIL_BYTES = 64 * 1024;

/** Where plaintext comes from: a file handle or a buffer in memory. */
export interface PlainSource {
  /** Fills `into` from `position`; returns the bytes read, 0 at the end. */
  read(into: Uint8Array, position: number): Promise<number>;
  size: number;
}

export function bufferSource(bytes: Uint8Array): PlainSource {
  return {
    size: bytes.length,
    async read(into, position) {
      const n = Math.min(into.length, bytes.length - position);
      if (n <= 0) return 0;
      into.set(bytes.subarray(position, position + n));
      return n;
    },
  };
}

export interface WrittenBlob {
  blobName: string;
  size: number;
  sha256: string;
  prefix: Uint8Array;
  tail: Uint8Array;
}

export interface WriteOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Called once with the first bytes, before any file is created: may refuse (throw) the intake. */
  beforeWrite?: ((prefix: Uint8Array) => Promise<void>) | undefined;
  /**
   * Hash large files on a second thread. Default: only with more than 2 CPUs. On the 2-vCPU bench
   * machine it took SHA-256 off the intake thread (its CPU per GiB fell ~30%) but the intake was not
   * faster: with SHA-NI the hash costs only ~0.3 s per GiB of the intake thread's time, and waiting
   * for reads and for the hash thread added as much back (inline won 4 of 4 paired runs, ~10–15%;
   * docs/benchmarks.md). The bench and the tests force each way.
   */
  parallelHash?: boolean | undefined;
}

/**
 * Marks a promise that is awaited later as handled now: a read or write failing while the loop
 * awaits something else would otherwise be an unhandled rejection (fatal to the process by default).
 * Awaiting the returned promise still throws.
 */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CaseVaultError('TASK_CANCELLED');
}

export async function writeBlob(
  sodium: Sodium,
  vaultDir: string,
  fileKey: Uint8Array,
  source: PlainSource,
  options: WriteOptions = {},
): Promise<WrittenBlob> {
  const parallel = options.parallelHash ?? availableParallelism() > 2;
  const hasher =
    parallel && source.size >= PARALLEL_HASH_MIN_BYTES
      ? threadHasher(READ_SLOTS, READ_BYTES)
      : inlineHasher(2, READ_BYTES);
  const buffers = hasher.buffers;
  const prefix = new Uint8Array(Math.min(PREFIX_BYTES, Math.max(source.size, 0)));
  let prefixFilled = 0;
  const tail = new Uint8Array(TAIL_BYTES);
  let tailLength = 0;
  let position = 0;
  let which = 0;
  let pendingRead = source.read(buffers[0]!, 0);

  // The first read decides whether the intake goes ahead at all (type, OCSEA rule).
  let first: number;
  try {
    first = await pendingRead;
    if (options.beforeWrite) await options.beforeWrite(buffers[0]!.subarray(0, first));
    checkAbort(options.signal);
  } catch (error) {
    buffers[0]!.fill(0);
    await hasher.close();
    throw error;
  }

  const blobName = newBlobName();
  const finalPath = blobPath(vaultDir, blobName);
  const partPath = `${finalPath}${PART_SUFFIX}`;
  const encryptor = new BlobEncryptor(sodium, fileKey);
  let out: fs.FileHandle | undefined;
  let renamed = false;
  let pendingWrite: Promise<unknown> = Promise.resolve();
  try {
    const dir = await ensureEvidenceDir(vaultDir);
    out = await fs.open(partPath, 'wx', 0o600);
    const target = out;
    pendingRead = Promise.resolve(first);
    while (true) {
      const n = await pendingRead;
      if (n === 0) break;
      const current = buffers[which]!.subarray(0, n);
      position += n;
      // Hash this buffer (on the hash thread for large files) while it is encrypted here.
      hasher.update(which, n);
      if (prefixFilled < prefix.length) {
        const take = Math.min(prefix.length - prefixFilled, n);
        prefix.set(current.subarray(0, take), prefixFilled);
        prefixFilled += take;
      }
      // The last 64 KiB seen so far (a PDF's Info dictionary is often near the end).
      if (n >= TAIL_BYTES) {
        tail.set(current.subarray(n - TAIL_BYTES));
        tailLength = TAIL_BYTES;
      } else {
        const keep = Math.min(tailLength, TAIL_BYTES - n);
        tail.copyWithin(0, tailLength - keep, tailLength);
        tail.set(current, keep);
        tailLength = keep + n;
      }
      which = (which + 1) % buffers.length;
      // The next buffer may still be being hashed: it is refilled only once that is done.
      await hasher.ready(which);
      pendingRead = later(source.read(buffers[which]!, position));
      const pieces = encryptor.push(current);
      await pendingWrite;
      checkAbort(options.signal);
      pendingWrite = later(target.writev(pieces));
      options.onProgress?.(position, source.size);
    }
    const sha256 = await hasher.digest();
    const last = encryptor.finish();
    await pendingWrite;
    await target.writev(last);
    await target.sync();
    await target.close();
    out = undefined;
    checkAbort(options.signal);
    await fs.rename(partPath, finalPath);
    renamed = true;
    await fsyncDir(dir);
    return {
      blobName,
      size: position,
      sha256,
      prefix: prefix.subarray(0, prefixFilled),
      tail: tail.subarray(0, tailLength),
    };
  } catch (error) {
    encryptor.dispose();
    await pendingWrite.catch(() => undefined);
    await pendingRead.catch(() => undefined);
    await out?.close().catch(() => undefined);
    await fs.rm(renamed ? finalPath : partPath, { force: true }).catch(() => undefined);
    prefix.fill(0);
    tail.fill(0);
    throw error instanceof CaseVaultError ? error : ioError(error);
  } finally {
    await hasher.close();
    for (const buffer of buffers) buffer.fill(0);
  }
}
