/**
 * One blob segment decrypted into its chunks' plaintexts, without joining them into one segment
 * buffer: the only segment opener (`decryptSegment` below joins its pieces). The checks
 * (docs/evidence-format.md §2): every chunk authenticated, TAG_FINAL on the last chunk and only there, its associated data
 * saying whether the blob ends here. All chunks are opened before any is returned, so a caller
 * handing the pieces out never hands out a byte of a segment that does not authenticate as a whole.
 *
 * Why pieces: Node's cipher API returns each chunk's plaintext in a buffer of its own (it cannot
 * write into a caller's buffer), so joining them cost a fresh 1 MiB buffer and a copy per segment.
 * The pieces are fresh buffers that nothing else references: the caller may hand them out and wipe
 * them when the consumer is done.
 */
import {
  createStreamCipher,
  DEFAULT_STREAM_ENGINE,
  type StreamCipher,
  type StreamEngine,
} from '../crypto/secretstream.ts';
import type { Sodium } from '../crypto/sodium.ts';
import { wipe } from '../crypto/sodium.ts';
import {
  BlobDamagedError,
  CHUNK_OVERHEAD,
  CHUNK_PLAIN_BYTES,
  STREAM_HEADER_BYTES,
  segmentKey,
} from './blob-format.ts';

const LAST = Uint8Array.of(1);
const NOT_LAST = Uint8Array.of(0);

/**
 * Decrypts one segment's ciphertext (exactly its bytes) into its chunks' plaintexts, in order.
 * `isLast` is whether the blob's length makes it the last segment. Throws BlobDamagedError (and
 * wipes whatever was already decrypted) when anything does not authenticate. The pieces never
 * reference `cipher`, which the caller may reuse at once.
 */
export function decryptSegmentChunks(
  sodium: Sodium,
  fileKey: Uint8Array,
  index: number,
  cipher: Uint8Array,
  isLast: boolean,
  engine: StreamEngine = DEFAULT_STREAM_ENGINE,
): Uint8Array[] {
  if (cipher.length < STREAM_HEADER_BYTES + CHUNK_OVERHEAD) throw new BlobDamagedError('truncated');
  const key = segmentKey(sodium, fileKey, index);
  let stream: StreamCipher;
  try {
    stream = createStreamCipher(sodium, key, cipher.subarray(0, STREAM_HEADER_BYTES), engine);
  } catch {
    throw new BlobDamagedError('auth');
  } finally {
    wipe(sodium, key);
  }
  const pieces: Uint8Array[] = [];
  let at = STREAM_HEADER_BYTES;
  let sawFinal = false;
  try {
    while (at < cipher.length) {
      if (sawFinal) throw new BlobDamagedError('auth');
      const end = Math.min(at + CHUNK_PLAIN_BYTES + CHUNK_OVERHEAD, cipher.length);
      const closes = end === cipher.length;
      const ad = closes ? (isLast ? LAST : NOT_LAST) : null;
      const result = stream.pull(cipher.subarray(at, end), ad);
      if (!result) throw new BlobDamagedError('auth');
      // A plain Uint8Array view, as the joined segment was: a Buffer's `slice()` would share memory,
      // so a consumer copying a piece that way would keep bytes that are wiped under it.
      const message = result.message;
      pieces.push(
        message instanceof Buffer
          ? new Uint8Array(message.buffer, message.byteOffset, message.length)
          : message,
      );
      const isFinal = result.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      if (isFinal !== closes) throw new BlobDamagedError(closes ? 'truncated' : 'auth');
      sawFinal = isFinal;
      at = end;
    }
    if (!sawFinal) throw new BlobDamagedError('truncated');
  } catch (error) {
    for (const piece of pieces) piece.fill(0);
    if (error instanceof BlobDamagedError) throw error;
    throw new BlobDamagedError('auth');
  } finally {
    stream.wipe();
  }
  return pieces;
}

/**
 * One segment's plaintext in one buffer: the chunks of `decryptSegmentChunks` joined (and wiped).
 * For callers that want a segment whole (tests against libsodium; the reader hands out pieces).
 * `engine: 'libsodium'` opens every chunk with libsodium's own secretstream.
 */
export function decryptSegment(
  sodium: Sodium,
  fileKey: Uint8Array,
  index: number,
  cipher: Uint8Array,
  isLast: boolean,
  engine: StreamEngine = DEFAULT_STREAM_ENGINE,
): Uint8Array {
  const pieces = decryptSegmentChunks(sodium, fileKey, index, cipher, isLast, engine);
  const plain = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    plain.set(piece, at);
    at += piece.length;
    piece.fill(0);
  }
  return plain;
}
