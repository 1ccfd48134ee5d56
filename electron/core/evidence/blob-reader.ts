/**
 * Reading blobs back: a bounded byte range (one or a few segments decrypted, whatever the offset),
 * the whole plaintext as a stream of segments (extract, export, verify, redaction), and a verify
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
  decryptSegment,
  SEGMENT_PLAIN_BYTES,
  segmentCipherLength,
  segmentCount,
  segmentOffset,
} from './blob-format.ts';

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

async function readSegment(
  sodium: Sodium,
  handle: fs.FileHandle,
  fileKey: Uint8Array,
  ref: BlobRef,
  index: number,
): Promise<Uint8Array> {
  const length = segmentCipherLength(ref.size, index);
  const cipher = new Uint8Array(length);
  const { bytesRead } = await handle.read(cipher, 0, length, segmentOffset(index));
  if (bytesRead !== length) throw new BlobDamagedError('truncated');
  return decryptSegment(sodium, fileKey, index, cipher, index === segmentCount(ref.size) - 1);
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
  const out = new Uint8Array(stop - start);
  const handle = await openBlobFile(vaultDir, ref);
  try {
    const first = Math.floor(start / SEGMENT_PLAIN_BYTES);
    const last = Math.floor((stop - 1) / SEGMENT_PLAIN_BYTES);
    for (let index = first; index <= last; index++) {
      const plain = await readSegment(sodium, handle, fileKey, ref, index);
      const base = index * SEGMENT_PLAIN_BYTES;
      const from = Math.max(start, base) - base;
      const to = Math.min(stop, base + plain.length) - base;
      out.set(plain.subarray(from, to), base + from - start);
      plain.fill(0);
    }
    return out;
  } finally {
    await handle.close();
  }
}

/**
 * The whole plaintext, one segment (≤ 1 MiB) at a time. Each yielded buffer is wiped when the
 * consumer asks for the next one, so consumers must copy what they keep.
 */
export async function* blobPlaintext(
  sodium: Sodium,
  vaultDir: string,
  ref: BlobRef,
  fileKey: Uint8Array,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const handle = await openBlobFile(vaultDir, ref);
  try {
    const count = segmentCount(ref.size);
    for (let index = 0; index < count; index++) {
      if (signal?.aborted) throw new CaseVaultError('TASK_CANCELLED');
      const plain = await readSegment(sodium, handle, fileKey, ref, index);
      try {
        if (plain.length > 0) yield plain;
      } finally {
        plain.fill(0);
      }
    }
  } finally {
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
