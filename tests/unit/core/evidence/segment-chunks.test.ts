/**
 * decryptSegmentChunks (evidence/segment-chunks.ts), the one segment opener: the plaintext back in
 * chunk-sized pieces, and a refusal with the right reason, for both secretstream engines (each is
 * checked against libsodium in tests/unit/core/crypto/secretstream.test.ts) — a flipped byte anywhere (stream header, a middle chunk, the final chunk's MAC), the
 * wrong last-segment flag, another segment's key (reordering), a torn or cut segment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StreamEngine } from '../../../../electron/core/crypto/secretstream.ts';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import {
  BlobDamagedError,
  BlobEncryptor,
  CHUNK_OVERHEAD,
  CHUNK_PLAIN_BYTES,
  SEGMENT_CIPHER_BYTES,
  segmentCount,
  segmentOffset,
} from '../../../../electron/core/evidence/blob-format.ts';
import { decryptSegment, decryptSegmentChunks } from '../../../../electron/core/evidence/segment-chunks.ts';

const ENGINES: StreamEngine[] = ['native', 'libsodium'];
let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

function sealBlob(fileKey: Uint8Array, plain: Uint8Array): Buffer {
  const encryptor = new BlobEncryptor(sodium, fileKey);
  return Buffer.concat([...encryptor.push(plain), ...encryptor.finish()]);
}

function segmentOf(blob: Buffer, size: number, index: number): Buffer {
  const last = index === segmentCount(size) - 1;
  return blob.subarray(segmentOffset(index), last ? blob.length : segmentOffset(index + 1));
}

/** The failure reason, or 'ok' when it opens. */
function outcome(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return error instanceof BlobDamagedError ? error.reason : `other: ${String(error)}`;
  }
}

describe('decryptSegmentChunks', () => {
  it('returns the plaintext as chunk pieces, joined equal to what was sealed, for every size shape and engine', () => {
    const fileKey = sodium.randombytes_buf(32);
    for (const size of [
      0,
      1,
      CHUNK_PLAIN_BYTES,
      CHUNK_PLAIN_BYTES + 1,
      1024 * 1024,
      2 * 1024 * 1024 + 4099,
    ]) {
      const plain = sodium.randombytes_buf(size);
      const blob = sealBlob(fileKey, plain);
      for (const engine of ENGINES) {
        const parts: Uint8Array[] = [];
        for (let i = 0; i < segmentCount(size); i++) {
          const segment = segmentOf(blob, size, i);
          const isLast = i === segmentCount(size) - 1;
          const pieces = decryptSegmentChunks(sodium, fileKey, i, segment, isLast, engine);
          for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(CHUNK_PLAIN_BYTES);
          const joined = Buffer.concat(pieces);
          // The whole-segment form is the same bytes (it joins the pieces).
          expect(
            joined.equals(Buffer.from(decryptSegment(sodium, fileKey, i, segment, isLast, engine))),
          ).toBe(true);
          parts.push(joined);
        }
        expect(Buffer.concat(parts).equals(Buffer.from(plain)), `${size} ${engine}`).toBe(true);
      }
    }
  });

  it('refuses every damaged, reordered or cut segment, with its reason', () => {
    const fileKey = sodium.randombytes_buf(32);
    const size = 2 * 1024 * 1024 + 300_001;
    const blob = sealBlob(fileKey, sodium.randombytes_buf(size));
    const full = segmentOf(blob, size, 1);
    expect(full.length).toBe(SEGMENT_CIPHER_BYTES);
    const flips = [0, 23, 24, 30, 70_000, full.length - CHUNK_OVERHEAD - 1, full.length - 1];
    const cases: Array<[string, Uint8Array, number, boolean]> = [
      ...flips.map((at): [string, Uint8Array, number, boolean] => {
        const bad = Buffer.from(full);
        bad[at]! ^= 1;
        return [`byte ${at}`, bad, 1, false];
      }),
      ['flagged last', full, 1, true],
      ['another segment key (reordered)', full, 0, false],
      ['cut at a chunk boundary', full.subarray(0, 24 + 3 * (CHUNK_PLAIN_BYTES + CHUNK_OVERHEAD)), 1, false],
      ['torn chunk', full.subarray(0, full.length - 100), 1, false],
      ['header only', full.subarray(0, 30), 1, false],
      ['last segment flagged not last', segmentOf(blob, size, 2), 2, false],
    ];
    for (const engine of ENGINES)
      for (const [name, segment, index, isLast] of cases) {
        const reason = outcome(() => decryptSegmentChunks(sodium, fileKey, index, segment, isLast, engine));
        expect(['auth', 'truncated'], `${name} ${engine}: ${reason}`).toContain(reason);
        expect(outcome(() => decryptSegment(sodium, fileKey, index, segment, isLast, engine))).toBe(reason);
      }
  });
});
