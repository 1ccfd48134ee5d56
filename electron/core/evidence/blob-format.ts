/**
 * The encrypted blob layout (docs/evidence-format.md §2). A blob is a 16-byte header followed by
 * SEGMENTS of 1 MiB of plaintext each (the last one shorter, never empty unless the file is).
 * Each segment is its own crypto_secretstream_xchacha20poly1305 stream under a key derived from
 * the item's file key and the segment index (crypto_kdf), with its own 24-byte stream header,
 * 64 KiB chunks inside and TAG_FINAL on its last chunk. That last chunk's associated data is one
 * byte: 1 on the blob's last segment, 0 otherwise. So a range read decrypts one segment (O(1 MiB)),
 * reordered segments fail (wrong key), splicing from another item fails (another file key),
 * truncation inside a segment fails (missing TAG_FINAL or a torn chunk) and truncation at a
 * segment boundary fails (the new last segment's final chunk was sealed with 0, is opened with 1).
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import {
  createStreamCipher,
  DEFAULT_STREAM_ENGINE,
  newStreamHeader,
  type StreamCipher,
  type StreamEngine,
} from '../crypto/secretstream.ts';
import type { Sodium } from '../crypto/sodium.ts';
import { wipe } from '../crypto/sodium.ts';

export const BLOB_MAGIC = Uint8Array.from([0x43, 0x56, 0x45, 0x42]); // "CVEB"
export const BLOB_VERSION = 1;
export const BLOB_HEADER_BYTES = 16;
export const SEGMENT_PLAIN_BYTES = 1024 * 1024;
export const CHUNK_PLAIN_BYTES = 64 * 1024;
export const CHUNKS_PER_SEGMENT = SEGMENT_PLAIN_BYTES / CHUNK_PLAIN_BYTES;
export const STREAM_HEADER_BYTES = 24;
export const CHUNK_OVERHEAD = 17;
export const SEGMENT_CIPHER_BYTES =
  STREAM_HEADER_BYTES + CHUNKS_PER_SEGMENT * (CHUNK_PLAIN_BYTES + CHUNK_OVERHEAD);
export const SEGMENT_KDF_CONTEXT = 'CVEvSeg1';

export function encodeBlobHeader(): Uint8Array {
  const out = new Uint8Array(BLOB_HEADER_BYTES);
  out.set(BLOB_MAGIC, 0);
  out[4] = BLOB_VERSION;
  const view = new DataView(out.buffer);
  view.setUint32(8, SEGMENT_PLAIN_BYTES, true);
  view.setUint32(12, CHUNK_PLAIN_BYTES, true);
  return out;
}

const EXPECTED_HEADER = encodeBlobHeader();

/** The header of version 1 has exactly one valid value; anything else is damage. */
export function checkBlobHeader(bytes: Uint8Array): boolean {
  if (bytes.length < BLOB_HEADER_BYTES) return false;
  for (let i = 0; i < BLOB_HEADER_BYTES; i++) if (bytes[i] !== EXPECTED_HEADER[i]) return false;
  return true;
}

export function segmentCount(plainSize: number): number {
  return Math.max(1, Math.ceil(plainSize / SEGMENT_PLAIN_BYTES));
}

function segmentCipherBytes(plainBytes: number): number {
  const chunks = Math.max(1, Math.ceil(plainBytes / CHUNK_PLAIN_BYTES));
  return STREAM_HEADER_BYTES + chunks * CHUNK_OVERHEAD + plainBytes;
}

export function cipherSizeOf(plainSize: number): number {
  const full = Math.floor(plainSize / SEGMENT_PLAIN_BYTES);
  const rest = plainSize - full * SEGMENT_PLAIN_BYTES;
  const tail = rest === 0 && full > 0 ? 0 : segmentCipherBytes(rest);
  return BLOB_HEADER_BYTES + full * SEGMENT_CIPHER_BYTES + tail;
}

/** Plaintext bytes held by segment `index` of a blob of `plainSize` bytes. */
export function segmentPlainBytes(plainSize: number, index: number): number {
  return Math.min(SEGMENT_PLAIN_BYTES, plainSize - index * SEGMENT_PLAIN_BYTES);
}

export function segmentOffset(index: number): number {
  return BLOB_HEADER_BYTES + index * SEGMENT_CIPHER_BYTES;
}

export function segmentCipherLength(plainSize: number, index: number): number {
  return segmentCipherBytes(segmentPlainBytes(plainSize, index));
}

export function segmentKey(sodium: Sodium, fileKey: Uint8Array, index: number): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, index, SEGMENT_KDF_CONTEXT, fileKey);
}

const LAST = Uint8Array.of(1);
const NOT_LAST = Uint8Array.of(0);

/**
 * Encrypts a plaintext stream into blob bytes, one `push` at a time. A full chunk is held back
 * until more data (or the end) arrives, because whether it closes a segment with "last" or
 * "not last" depends on what follows.
 */
export class BlobEncryptor {
  readonly #sodium: Sodium;
  readonly #fileKey: Uint8Array;
  readonly #engine: StreamEngine;
  readonly #chunk = new Uint8Array(CHUNK_PLAIN_BYTES);
  #filled = 0;
  #segment = 0;
  #chunkInSegment = 0;
  /** The current segment's stream (undefined between segments). */
  #stream: StreamCipher | undefined;
  #started = false;
  #finished = false;

  /**
   * Keeps a reference to `fileKey`; the caller wipes it after `finish()` or `dispose()`.
   * `engine: 'libsodium'` uses libsodium's own secretstream (tests compare both engines).
   */
  constructor(sodium: Sodium, fileKey: Uint8Array, options: { engine?: StreamEngine } = {}) {
    this.#sodium = sodium;
    this.#fileKey = fileKey;
    this.#engine = options.engine ?? DEFAULT_STREAM_ENGINE;
  }

  /** Returns the ciphertext pieces ready so far (the blob header first). */
  push(data: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (!this.#started) {
      out.push(encodeBlobHeader());
      this.#started = true;
    }
    let offset = 0;
    while (offset < data.length) {
      if (this.#filled === CHUNK_PLAIN_BYTES) {
        this.#emit(out, this.#chunk, false);
        this.#filled = 0;
      }
      // A full chunk with more data after it in this push cannot be the blob's last: it is sealed
      // straight from `data` (no copy into the held chunk; only a push's trailing chunk is held).
      if (this.#filled === 0 && data.length - offset > CHUNK_PLAIN_BYTES) {
        this.#emit(out, data.subarray(offset, offset + CHUNK_PLAIN_BYTES), false);
        offset += CHUNK_PLAIN_BYTES;
        continue;
      }
      const take = Math.min(CHUNK_PLAIN_BYTES - this.#filled, data.length - offset);
      this.#chunk.set(data.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
    }
    return out;
  }

  /** Seals the held chunk as the end of the blob. */
  finish(): Uint8Array[] {
    const out = this.#started ? [] : [encodeBlobHeader()];
    this.#started = true;
    this.#emit(out, this.#chunk.subarray(0, this.#filled), true);
    this.#filled = 0;
    this.#finished = true;
    this.#chunk.fill(0);
    return out;
  }

  #emit(out: Uint8Array[], plain: Uint8Array, isLastOfBlob: boolean): void {
    const sodium = this.#sodium;
    if (this.#chunkInSegment === 0) {
      const key = segmentKey(sodium, this.#fileKey, this.#segment);
      try {
        // What crypto_secretstream_xchacha20poly1305_init_push does: a random header, then init.
        const header = newStreamHeader(sodium);
        this.#stream = createStreamCipher(sodium, key, header, this.#engine);
        out.push(header);
      } finally {
        wipe(sodium, key);
      }
    }
    const stream = this.#stream!;
    const closesSegment = isLastOfBlob || this.#chunkInSegment === CHUNKS_PER_SEGMENT - 1;
    const tag = closesSegment
      ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
      : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const ad = closesSegment ? (isLastOfBlob ? LAST : NOT_LAST) : null;
    // Pieces, not one joined buffer: the 64 KiB ciphertext is not copied again.
    out.push(...stream.pushParts(plain, tag, ad));
    if (closesSegment) {
      stream.wipe();
      this.#stream = undefined;
      this.#segment++;
      this.#chunkInSegment = 0;
    } else {
      this.#chunkInSegment++;
    }
  }

  /** Wipes the stream state and the held plaintext after an abort. */
  dispose(): void {
    this.#stream?.wipe();
    this.#stream = undefined;
    this.#chunk.fill(0);
    this.#finished = true;
  }

  get finished(): boolean {
    return this.#finished;
  }
}

export type BlobFailure = 'auth' | 'truncated';

export class BlobDamagedError extends CaseVaultError {
  readonly reason: BlobFailure;
  constructor(reason: BlobFailure) {
    super('EVIDENCE_DAMAGED', reason);
    this.reason = reason;
  }
}
