/**
 * The blob reader's read-ahead (evidence/blob-reader.ts): segment i + 1 is read while segment i is
 * decrypted and consumed. Threats: a damaged segment that was already read ahead must still be
 * refused before any of its bytes leave (even when its first chunks authenticate on their own), and
 * nothing after it may be handed out; and every way the stream ends (consumer stops, abort, damage,
 * I/O error) must leave no read in flight and the file closed. Real libsodium, real files.
 */
import { promises as fsp, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { blobPath } from '../../../../electron/core/evidence/blob-files.ts';
import {
  BlobDamagedError,
  CHUNK_PLAIN_BYTES,
  segmentOffset,
} from '../../../../electron/core/evidence/blob-format.ts';
import {
  type BlobRef,
  blobPlaintext,
  readBlobRange,
} from '../../../../electron/core/evidence/blob-reader.ts';
import { bufferSource, writeBlob } from '../../../../electron/core/evidence/blob-writer.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { patternBytes } from './fixture.ts';

const MIB = 1024 * 1024;
const SIZE = 3 * MIB + 12_345; // four segments, the last one short
const temp = tempDir('casevault-read-ahead-');
let sodium: Sodium;
let plain: Uint8Array;
let key: Uint8Array;
let ref: BlobRef;
let vault: string;
let pristine: Buffer;

beforeAll(async () => {
  sodium = await loadSodium();
  plain = patternBytes(SIZE, 7);
  key = sodium.randombytes_buf(32);
  vault = path.join(temp.dir, 'vault');
  const written = await writeBlob(sodium, vault, key, bufferSource(plain));
  ref = { blobName: written.blobName, size: SIZE };
  pristine = readFileSync(blobPath(vault, ref.blobName));
});
afterEach(() => {
  vi.restoreAllMocks();
  writeFileSync(blobPath(vault, ref.blobName), pristine);
});
afterAll(() => temp.cleanup());

/** Watches the handles the reader opens: reads started and settled, and when close came. */
function watchHandles(failRead?: (call: number) => boolean) {
  const log = { opened: 0, closed: 0, reads: 0, settled: 0, readsInFlightAtClose: [] as number[] };
  const open = fsp.open.bind(fsp);
  vi.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
    const handle = await open(...args);
    log.opened++;
    const read = handle.read.bind(handle) as (...a: unknown[]) => Promise<unknown>;
    let call = 0;
    (handle as unknown as { read: unknown }).read = (...a: unknown[]) => {
      call++;
      log.reads++;
      const result =
        failRead?.(call) === true
          ? new Promise((_, reject) => setTimeout(() => reject(new Error('EIO (injected)')), 20))
          : read(...a);
      return result.finally(() => log.settled++);
    };
    const close = handle.close.bind(handle);
    handle.close = () => {
      log.closed++;
      log.readsInFlightAtClose.push(log.reads - log.settled);
      return close();
    };
    return handle;
  });
  return log;
}

/** Consumes the stream, copying each piece as it is handed out; returns the copies and the error. */
async function consume(
  stream: AsyncGenerator<Uint8Array>,
  stopAfter = Number.POSITIVE_INFINITY,
  onPiece?: (index: number) => void,
) {
  const copies: Uint8Array[] = [];
  let error: unknown;
  try {
    for await (const piece of stream) {
      copies.push(piece.slice());
      onPiece?.(copies.length);
      if (copies.length >= stopAfter) break;
    }
  } catch (caught) {
    error = caught;
  }
  const joined = new Uint8Array(copies.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of copies) {
    joined.set(c, at);
    at += c.length;
  }
  return { copies, joined, error };
}

function flipByte(offset: number) {
  const file = blobPath(vault, ref.blobName);
  const bytes = readFileSync(file);
  bytes[offset]! ^= 0x01;
  writeFileSync(file, bytes);
}

describe('blob read-ahead', () => {
  it('hands out the exact plaintext in distinct chunk-sized buffers, each wiped when the next is asked for', async () => {
    const log = watchHandles();
    const kept: Uint8Array[] = [];
    const copies: Uint8Array[] = [];
    for await (const piece of blobPlaintext(sodium, vault, ref, key)) {
      expect(piece.length).toBeLessThanOrEqual(CHUNK_PLAIN_BYTES);
      // Not a Buffer: a consumer's `slice()` must copy, not share bytes that are wiped later.
      expect(Buffer.isBuffer(piece)).toBe(false);
      // The previous piece is wiped now, never refilled with later plaintext.
      if (kept.length > 0) expect(kept.at(-1)!.every((b) => b === 0)).toBe(true);
      kept.push(piece);
      copies.push(piece.slice());
    }
    expect(new Set(kept.map((p) => p.buffer)).size).toBe(kept.length);
    expect(Buffer.concat(copies).equals(Buffer.from(plain))).toBe(true);
    expect(log).toMatchObject({ opened: 1, closed: 1, readsInFlightAtClose: [0] });
  });

  it('a segment damaged in its last chunk, read ahead, is refused whole: nothing of it or after it is handed out', async () => {
    // Segment 1's first 15 chunks authenticate on their own; only its final chunk is damaged.
    flipByte(segmentOffset(2) - 3);
    const log = watchHandles();
    const { joined, error } = await consume(blobPlaintext(sodium, vault, ref, key));
    expect(error).toBeInstanceOf(BlobDamagedError);
    expect((error as BlobDamagedError).reason).toBe('auth');
    expect(joined.length).toBe(MIB);
    expect(Buffer.from(joined).equals(Buffer.from(plain.subarray(0, MIB)))).toBe(true);
    expect(log).toMatchObject({ opened: 1, closed: 1, readsInFlightAtClose: [0] });
  });

  it('a segment swapped with the one read ahead is refused at the first of them', async () => {
    const file = blobPath(vault, ref.blobName);
    const bytes = readFileSync(file);
    const one = Buffer.from(bytes.subarray(segmentOffset(1), segmentOffset(2)));
    bytes.copy(bytes, segmentOffset(1), segmentOffset(2), segmentOffset(3));
    one.copy(bytes, segmentOffset(2));
    writeFileSync(file, bytes);
    const { joined, error } = await consume(blobPlaintext(sodium, vault, ref, key));
    expect((error as BlobDamagedError).reason).toBe('auth');
    expect(joined.length).toBe(MIB);
  });

  it('a consumer that stops early leaves no read in flight and the file closed', async () => {
    const log = watchHandles();
    const { copies, error } = await consume(blobPlaintext(sodium, vault, ref, key), 3);
    expect(error).toBeUndefined();
    expect(copies).toHaveLength(3);
    expect(log.reads).toBe(3); // the header, segment 0 and the read-ahead of segment 1
    expect(log).toMatchObject({ opened: 1, closed: 1, readsInFlightAtClose: [0] });
  });

  it('an abort stops before the next segment, waits for the read ahead and closes the file', async () => {
    const log = watchHandles();
    const controller = new AbortController();
    const { joined, error } = await consume(
      blobPlaintext(sodium, vault, ref, key, controller.signal),
      Infinity,
      (n) => {
        if (n === 1) controller.abort();
      },
    );
    expect((error as { code?: string }).code).toBe('TASK_CANCELLED');
    expect(joined.length).toBe(MIB); // the segment already authenticated, not one byte more
    expect(log).toMatchObject({ opened: 1, closed: 1, readsInFlightAtClose: [0] });
  });

  it('a failing read ahead surfaces after the segment in hand, with no unhandled rejection, and closes the file', async () => {
    const log = watchHandles((call) => call === 3); // call 1: header, 2: segment 0, 3: segment 1
    const { joined, error } = await consume(blobPlaintext(sodium, vault, ref, key));
    expect((error as Error).message).toContain('EIO (injected)');
    expect(joined.length).toBe(MIB);
    expect(log).toMatchObject({ opened: 1, closed: 1, readsInFlightAtClose: [0] });
  });

  it('a read ahead failing while the consumer stops is awaited, not left unhandled', async () => {
    const log = watchHandles((call) => call === 3);
    const { copies } = await consume(blobPlaintext(sodium, vault, ref, key), 1);
    expect(copies).toHaveLength(1);
    expect(log).toMatchObject({ opened: 1, closed: 1, readsInFlightAtClose: [0] });
  });

  it('range reads across chunk and segment boundaries equal the plaintext', async () => {
    const cuts = [0, 1, CHUNK_PLAIN_BYTES - 1, CHUNK_PLAIN_BYTES + 5, MIB - 7, MIB, 2 * MIB + 3, SIZE - 1];
    for (const start of cuts)
      for (const length of [1, 100, CHUNK_PLAIN_BYTES + 1, MIB + 10]) {
        const got = await readBlobRange(sodium, vault, ref, key, start, start + length);
        expect(Buffer.from(got).equals(Buffer.from(plain.subarray(start, start + length)))).toBe(true);
      }
  });

  it('a range read refuses a segment damaged outside the requested bytes', async () => {
    flipByte(segmentOffset(2) - 3);
    await expect(readBlobRange(sodium, vault, ref, key, MIB, MIB + 10)).rejects.toBeInstanceOf(
      BlobDamagedError,
    );
  });
});
