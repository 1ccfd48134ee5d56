/**
 * The intake's SHA-256 on a second thread (files >= 16 MiB, `plain-hasher.ts`): the same digest as
 * hashing on the intake's own thread, and the thread always ends — after success, cancel or a
 * failing read — with nothing left in the evidence folder when the intake does not complete.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { bufferSource, type PlainSource, writeBlob } from '../../../../electron/core/evidence/blob-writer.ts';
import { liveHashThreads, threadHasher } from '../../../../electron/core/evidence/plain-hasher.ts';
import { tempDir } from '../../../helpers/vault.ts';

const MIB = 1024 * 1024;
const temp = tempDir('casevault-hash-thread-');
afterAll(() => temp.cleanup());

let sodium: Sodium;
let plain: Uint8Array;
let expected: string;
beforeAll(async () => {
  sodium = await loadSodium();
  plain = randomBytes(20 * MIB + 12_345);
  expected = createHash('sha256').update(plain).digest('hex');
});

const threadsEnd = () => vi.waitFor(() => expect(liveHashThreads()).toBe(0), { timeout: 10_000 });
const evidenceFiles = (vault: string) => readdirSync(path.join(vault, 'evidence'));

describe('intake hash thread', () => {
  it('gives the digest of hashing on the intake thread, and ends', async () => {
    const key = sodium.randombytes_buf(32);
    let threadsDuring = 0;
    const threaded = await writeBlob(sodium, path.join(temp.dir, 'a'), key, bufferSource(plain), {
      parallelHash: true,
      onProgress: () => {
        threadsDuring = Math.max(threadsDuring, liveHashThreads());
      },
    });
    const inline = await writeBlob(sodium, path.join(temp.dir, 'b'), key, bufferSource(plain), {
      parallelHash: false,
    });
    expect(threadsDuring).toBe(1); // the thread path was really taken
    expect(threaded.sha256).toBe(expected);
    expect(inline.sha256).toBe(expected);
    expect(threaded.size).toBe(plain.length);
    await threadsEnd();
  });

  it('hashes updates of varying lengths over its shared buffers in order', async () => {
    const hasher = threadHasher(2, MIB);
    const reference = createHash('sha256');
    try {
      let at = 0;
      for (const [i, length] of [MIB, 1, 65_537, MIB - 3, 0, 500_000].entries()) {
        const slot = i % 2;
        await hasher.ready(slot);
        hasher.buffers[slot]!.set(plain.subarray(at, at + length));
        reference.update(plain.subarray(at, at + length));
        hasher.update(slot, length);
        at += length;
      }
      expect(await hasher.digest()).toBe(reference.digest('hex'));
    } finally {
      await hasher.close();
    }
    await threadsEnd();
  });

  it('cancel mid-intake: TASK_CANCELLED, no file left, the thread ends', async () => {
    const vault = path.join(temp.dir, 'c');
    const controller = new AbortController();
    await expect(
      writeBlob(sodium, vault, sodium.randombytes_buf(32), bufferSource(plain), {
        parallelHash: true,
        signal: controller.signal,
        onProgress: (done) => {
          if (done >= 5 * MIB) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'TASK_CANCELLED' });
    expect(evidenceFiles(vault)).toEqual([]);
    await threadsEnd();
  });

  it('a read failing mid-intake: the error surfaces, no file left, the thread ends', async () => {
    const vault = path.join(temp.dir, 'd');
    const inner = bufferSource(plain);
    const failing: PlainSource = {
      size: inner.size,
      read: async (into, position) => {
        if (position >= 7 * MIB) throw Object.assign(new Error('gone'), { code: 'EIO' });
        return inner.read(into, position);
      },
    };
    await expect(
      writeBlob(sodium, vault, sodium.randombytes_buf(32), failing, { parallelHash: true }),
    ).rejects.toThrow();
    expect(evidenceFiles(vault)).toEqual([]);
    await threadsEnd();
  });

  it('many intakes in a row leave no thread behind', async () => {
    const vault = path.join(temp.dir, 'e');
    for (let i = 0; i < 4; i++) {
      const written = await writeBlob(sodium, vault, sodium.randombytes_buf(32), bufferSource(plain), {
        parallelHash: true,
      });
      expect(written.sha256).toBe(expected);
    }
    await threadsEnd();
    expect(evidenceFiles(vault)).toHaveLength(4);
  });
});
