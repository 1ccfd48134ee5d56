/**
 * Reading blobs back: a bounded byte range (one or a few segments decrypted, whatever the offset),
 * the whole plaintext as a stream of chunk-sized pieces (extract, export, verify, redaction), and a verify
 * pass that re-hashes the plaintext. The blob's expected ciphertext length follows from the
 * plaintext size in its row; a shorter file is reported as truncated before anything is decrypted.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { VerifyResult } from '../../../shared/evidence/schemas.ts';
import type { Sodium } from '../crypto/sodium.ts';
import { ioError } from '../vault/files.ts';
import { blobPath } from './blob-files.ts';
import {
  BLOB_HEADER_BYTES,
  BlobDamagedError,
  checkBlobHeader,
  cipherSizeOf,
  SEGMENT_CIPHER_BYTES,
  SEGMENT_PLAIN_BYTES,
  segmentCipherLength,
  segmentCount,
  segmentOffset,
} from './blob-format.ts';
import { decryptSegmentChunks } from './segment-chunks.ts';

export interface BlobRef {
  blobName: string;
  size: number;
}

/** Opens the blob file and checks its length and header; the caller closes the handle. */
async function openBlobFile(vaultDir: string, ref: BlobRef): Promise<fs.FileHandle> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(blobPath(vaultDir, ref.blobName), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CaseVaultError('EVIDENCE_DAMAGED', 'missing');
    throw ioError(error);
  }
  try {
    const { size } = await handle.stat();
    const expected = cipherSizeOf(ref.size);
    if (size < expected) throw new BlobDamagedError('truncated');
    if (size > expected) throw new BlobDamagedError('auth');
    const header = new Uint8Array(BLOB_HEADER_BYTES);
    await handle.read(header, 0, BLOB_HEADER_BYTES, 0);
    if (!checkBlobHeader(header)) throw new BlobDamagedError('auth');
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Reads segment `index`'s ciphertext into `into` (reused across segments: the pieces decrypted from
 * it never reference it) and returns the filled part.
 */
async function readSegmentCipher(
  handle: fs.FileHandle,
  ref: BlobRef,
  index: number,
  into: Uint8Array,
): Promise<Uint8Array> {
  const length = segmentCipherLength(ref.size, index);
  const { bytesRead } = await handle.read(into, 0, length, segmentOffset(index));
  if (bytesRead !== length) throw new BlobDamagedError('truncated');
  return into.subarray(0, length);
}

/** A ciphertext buffer big enough for any segment of this blob (a small blob needs less than 1 MiB). */
function cipherBuffer(ref: BlobRef): Uint8Array {
  return new Uint8Array(Math.min(SEGMENT_CIPHER_BYTES, segmentCipherLength(ref.size, 0)));
}

/**
 * Marks a promise that is awaited later as handled now: a read failing while the generator is
 * suspended at a yield would otherwise be an unhandled rejection. Awaiting it still throws.
 */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Plaintext bytes [start, end) of the blob; end is clamped to the size. Cost: the segments touched. */
export async function readBlobRange(
  sodium: Sodium,
  vaultDir: string,
  ref: BlobRef,
  fileKey: Uint8Array,
  start: number,
  end: number,
): Promise<Uint8Array> {
  const stop = Math.min(end, ref.size);
  if (start >= stop) return new Uint8Array(0);
  // The caller gets `out` alone (never reused here); segments are decrypted into chunk pieces and
  // only the requested bytes are copied from them, then the pieces are wiped.
  const out = new Uint8Array(stop - start);
  const handle = await openBlobFile(vaultDir, ref);
  try {
    const cipherIn = cipherBuffer(ref);
    const count = segmentCount(ref.size);
    const first = Math.floor(start / SEGMENT_PLAIN_BYTES);
    const last = Math.floor((stop - 1) / SEGMENT_PLAIN_BYTES);
    for (let index = first; index <= last; index++) {
      const cipher = await readSegmentCipher(handle, ref, index, cipherIn);
      const pieces = decryptSegmentChunks(sodium, fileKey, index, cipher, index === count - 1);
      let base = index * SEGMENT_PLAIN_BYTES;
      for (const piece of pieces) {
        const from = Math.max(start, base);
        const to = Math.min(stop, base + piece.length);
        if (from < to) out.set(piece.subarray(from - base, to - base), from - start);
        base += piece.length;
        piece.fill(0);
      }
    }
    return out;
  } finally {
    await handle.close();
  }
}

/**
 * The whole plaintext, in order, as pieces of at most one 64 KiB chunk (the chunks' own decrypted
 * buffers: no segment buffer, no copy). A segment's pieces are handed out only once the whole
 * segment has authenticated, so a damaged segment yields nothing and stops the stream. Each yielded
 * piece is wiped when the consumer asks for the next one, so consumers must copy what they keep.
 *
 * One read ahead: while segment i is decrypted and its pieces consumed, segment i + 1's ciphertext
 * is being read into the other of two reused ciphertext buffers (memory: 2 × ~1 MiB ciphertext plus
 * one segment's plaintext). Whatever way the stream ends (done, consumer stopped, abort, damage,
 * I/O error), the read in flight is awaited before the file is closed.
 */
export async function* blobPlaintext(
  sodium: Sodium,
  vaultDir: string,
  ref: BlobRef,
  fileKey: Uint8Array,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const handle = await openBlobFile(vaultDir, ref);
  const count = segmentCount(ref.size);
  const buffers = count > 1 ? [cipherBuffer(ref), cipherBuffer(ref)] : [cipherBuffer(ref)];
  let reading: Promise<Uint8Array> | undefined;
  let pieces: Uint8Array[] = [];
  try {
    if (signal?.aborted) throw new CaseVaultError('TASK_CANCELLED');
    reading = later(readSegmentCipher(handle, ref, 0, buffers[0]!));
    for (let index = 0; index < count; index++) {
      const cipher = await reading!;
      reading = undefined;
      if (signal?.aborted) throw new CaseVaultError('TASK_CANCELLED');
      // The other buffer is free: its segment was fully decrypted into pieces before they were yielded.
      if (index + 1 < count)
        reading = later(readSegmentCipher(handle, ref, index + 1, buffers[(index + 1) % 2]!));
      pieces = decryptSegmentChunks(sodium, fileKey, index, cipher, index === count - 1);
      for (const piece of pieces) {
        if (piece.length > 0) yield piece;
        piece.fill(0);
      }
      pieces = [];
    }
  } finally {
    for (const piece of pieces) piece.fill(0);
    if (reading) await reading.catch(() => undefined);
    await handle.close();
  }
}

/** Re-decrypts (authenticating every chunk) and re-hashes one blob. */
export async function verifyBlob(
  sodium: Sodium,
  vaultDir: string,
  ref: BlobRef & { id: string; sha256: string },
  fileKey: Uint8Array,
  signal?: AbortSignal,
): Promise<VerifyResult> {
  const hash = createHash('sha256');
  try {
    for await (const plain of blobPlaintext(sodium, vaultDir, ref, fileKey, signal)) hash.update(plain);
  } catch (error) {
    if (error instanceof BlobDamagedError) return { id: ref.id, ok: false, reason: error.reason };
    if (error instanceof CaseVaultError && error.code === 'EVIDENCE_DAMAGED' && error.detail === 'missing')
      return { id: ref.id, ok: false, reason: 'missing' };
    throw error;
  }
  const digest = hash.digest('hex');
  return digest === ref.sha256 ? { id: ref.id, ok: true } : { id: ref.id, ok: false, reason: 'hash' };
}
