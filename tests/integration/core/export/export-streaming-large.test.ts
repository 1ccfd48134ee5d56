/**
 * A multi-GiB export sealed and verified in one streaming pass, with no file on disk: the sealer's
 * sink feeds the opener's source through a small bounded queue, so neither side can hold the data.
 * RSS growth must stay flat (a bound far below the data size: buffering even a tenth of it would
 * fail). Speed is measured by the benchmark (bench/export.ts), never asserted here.
 * Also: the header's 64-bit payload length round-trips beyond 2^32 (too slow to seal for real here).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { ByteReader } from '../../../../electron/core/export/byte-reader.ts';
import { encodeHeaderBody, readHeader } from '../../../../electron/core/export/export-header.ts';
import { sealExport, verifyExport } from '../../../../electron/core/export/index.ts';
import { bytesSource, identity, smallRequest, sodiumReady, type TestIdentity } from './export-test-kit.ts';

const MIB = 1024 * 1024;
const DATA_BYTES = 2 * 1024 * MIB + 12_345;
const RSS_BOUND_MIB = 160;

let sodium: Sodium;
let alice: TestIdentity;
let lawyer: TestIdentity;

beforeAll(async () => {
  sodium = await sodiumReady();
  alice = identity(sodium, 'alice');
  lawyer = identity(sodium, 'lawyer');
});

/** Generated content: a random 1 MiB block whose first 8 bytes count the blocks. */
function generated(total: number): () => AsyncIterable<Uint8Array> {
  const block = sodium.randombytes_buf(MIB);
  return async function* () {
    for (let offset = 0, n = 0; offset < total; offset += MIB, n++) {
      const out = Buffer.from(block.subarray(0, Math.min(MIB, total - offset)));
      out.writeUInt32LE(n, 0);
      yield out;
    }
  };
}

/** A single-producer single-consumer byte pipe holding at most `limit` chunks. */
function pipe(limit = 16) {
  const queue: Uint8Array[] = [];
  let ended = false;
  let wakeReader: (() => void) | undefined;
  let wakeWriter: (() => void) | undefined;
  return {
    sink: {
      async write(bytes: Uint8Array) {
        while (queue.length >= limit) await new Promise<void>((r) => (wakeWriter = r));
        queue.push(bytes);
        wakeReader?.();
      },
    },
    end() {
      ended = true;
      wakeReader?.();
    },
    source: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          if (queue.length > 0) {
            yield queue.shift()!;
            wakeWriter?.();
          } else if (ended) return;
          else await new Promise<void>((r) => (wakeReader = r));
        }
      },
    } as AsyncIterable<Uint8Array>,
  };
}

describe('streaming a multi-GiB export', () => {
  it(`seals and verifies ${Math.round(DATA_BYTES / MIB)} MiB with RSS growth under ${RSS_BOUND_MIB} MiB`, async () => {
    const base = smallRequest(alice, [lawyer]);
    const files = [{ id: 'big', name: 'video.mp4', size: DATA_BYTES, open: generated(DATA_BYTES) }];
    const channel = pipe();
    global.gc?.();
    const start = process.memoryUsage.rss();
    let peak = start;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 20);
    try {
      const sealing = sealExport({ sodium }, { ...base, files }, channel.sink).finally(() => channel.end());
      const verifying = verifyExport({ sodium }, channel.source, lawyer.opener);
      const [sealed, verified] = await Promise.all([sealing, verifying]);
      expect(verified.fileSha256).toBe(sealed.fileSha256);
      expect(verified.fileLength).toBe(sealed.bytesWritten);
      expect(sealed.bytesWritten).toBeGreaterThan(DATA_BYTES);
      expect(verified.manifest.files[0]).toMatchObject({ id: 'big', size: DATA_BYTES });
    } finally {
      clearInterval(sampler);
    }
    const growthMiB = (Math.max(peak, process.memoryUsage.rss()) - start) / MIB;
    if (process.env.CASEVAULT_PRINT_RSS) console.log(`RSS growth ${growthMiB.toFixed(1)} MiB`);
    expect(growthMiB).toBeLessThan(RSS_BOUND_MIB);
  }, 900_000);

  it('the header carries payload lengths beyond 2^32 exactly, up to the 2^40 cap', async () => {
    for (const length of [2 ** 32 - 1, 2 ** 32, 2 ** 32 + 5, 2 ** 40]) {
      const stanza = {
        type: 'x25519' as const,
        ephemeralPublic: new Uint8Array(32),
        wrapped: new Uint8Array(48),
      };
      const body = encodeHeaderBody(length, [stanza]);
      const header = await readHeader(
        new ByteReader(bytesSource(new Uint8Array([...body, ...new Uint8Array(32)]))),
      );
      expect(header.payloadLength).toBe(length);
    }
  });
});
