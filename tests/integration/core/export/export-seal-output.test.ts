/**
 * The sealer's output path (batched-output.ts) and its options: the hash thread gives the same
 * digest and bytes as hashing on one thread and never outlives its seal, reused batch buffers only
 * for sinks that release them, one write in flight in order, and `trustSha256` (an authenticated
 * source's known hash is not re-checked while sealing, so a wrong one is caught by the receiver).
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { BatchedOutput, openHashThreads } from '../../../../electron/core/export/batched-output.ts';
import {
  type ByteSink,
  type SealDeps,
  type SealFileSource,
  type SealRequest,
  sealExport,
  verifyExport,
} from '../../../../electron/core/export/index.ts';
import {
  bytesSource,
  expectCode,
  identity,
  recipientOf,
  seededRandom,
  sha256,
  type TestIdentity,
} from './export-test-kit.ts';

let sodium: Sodium;
let alice: TestIdentity;
let bob: TestIdentity;
const MIB = 1024 * 1024;

beforeAll(async () => {
  const { loadSodium } = await import('../../../../electron/core/crypto/sodium.ts');
  sodium = await loadSodium();
  alice = identity(sodium, 'alice');
  bob = identity(sodium, 'bob');
});

/** Copies what it is given before resolving, so it may declare `releasesBuffers`. */
function copyingSink(options: { delayMs?: number; failAt?: number } = {}) {
  const parts: Uint8Array[] = [];
  let active = 0;
  let maxActive = 0;
  const sink: ByteSink = {
    releasesBuffers: true,
    async write(bytes) {
      active++;
      maxActive = Math.max(maxActive, active);
      try {
        if (options.failAt === parts.length) throw new Error('disk full');
        const copy = Uint8Array.from(bytes);
        if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
        parts.push(copy);
      } finally {
        active--;
      }
    },
  };
  return { sink, bytes: () => Buffer.concat(parts), maxActive: () => maxActive, writes: () => parts.length };
}

function request(content: Uint8Array, file: Partial<SealFileSource> = {}): SealRequest {
  return {
    sender: alice.sender,
    recipients: [recipientOf(bob)],
    purpose: 'test',
    files: [
      {
        id: 'f1',
        name: 'one.bin',
        size: content.length,
        sha256: sha256(content),
        open: () => bytesSource(content, 300_001),
        ...file,
      },
    ],
  };
}

const fixed = (): Partial<SealDeps> => ({
  randomBytes: seededRandom(sodium, 'output'),
  now: () => new Date('2026-11-23T12:00:00.000Z'),
});

describe('batched output', () => {
  it('hashes the same on a second thread as on one, over any slicing', async () => {
    const data = seededRandom(sodium, 'data')(5 * MIB + 12_345);
    const digests: string[] = [];
    for (const parallelHash of [true, false]) {
      const target = copyingSink();
      const out = new BatchedOutput(target.sink, { hash: true, parallelHash });
      expect(out.parallel).toBe(parallelHash);
      for (let at = 0, step = 1; at < data.length; at += step, step = (step * 7 + 3) % 700_000)
        await out.write(data.subarray(at, at + step));
      const { sha256: digest, count } = await out.finish();
      expect(count).toBe(data.length);
      expect(Buffer.compare(target.bytes(), data)).toBe(0);
      digests.push(digest!);
    }
    expect(digests[0]).toBe(digests[1]);
    expect(digests[0]).toBe(createHash('sha256').update(data).digest('hex'));
    expect(openHashThreads()).toBe(0);
  });

  it('never uses the hash thread for a sink that may keep its buffers, and gives it fresh ones', async () => {
    const kept: Uint8Array[] = [];
    const out = new BatchedOutput({ write: (b) => void kept.push(b) }, { hash: true, parallelHash: true });
    expect(out.parallel).toBe(false);
    const data = seededRandom(sodium, 'fresh')(3 * MIB);
    await out.write(data);
    await out.finish();
    // The sink kept views without copying: they must still hold what was written.
    expect(Buffer.compare(Buffer.concat(kept), data)).toBe(0);
    expect(new Set(kept.map((k) => k.buffer)).size).toBe(kept.length);
  });

  it('keeps one write in flight, in order, with a slow sink', async () => {
    const data = seededRandom(sodium, 'slow')(4 * MIB);
    const target = copyingSink({ delayMs: 5 });
    const out = new BatchedOutput(target.sink, { hash: true });
    await out.write(data);
    await out.finish();
    expect(target.maxActive()).toBe(1);
    expect(Buffer.compare(target.bytes(), data)).toBe(0);
  });
});

describe('sealExport output options', () => {
  it('writes the same bytes and file hash with and without the hash thread', async () => {
    const content = seededRandom(sodium, 'content')(20 * MIB + 7);
    const runs = [];
    for (const parallelHash of [true, false]) {
      const target = copyingSink();
      const result = await sealExport({ sodium, ...fixed(), parallelHash }, request(content), target.sink);
      runs.push({ result, bytes: target.bytes() });
    }
    expect(Buffer.compare(runs[0]!.bytes, runs[1]!.bytes)).toBe(0);
    expect(runs[0]!.result.fileSha256).toBe(sha256(runs[1]!.bytes));
    expect(runs[1]!.result.fileSha256).toBe(runs[0]!.result.fileSha256);
    expect(runs[0]!.result.bytesWritten).toBe(runs[0]!.bytes.length);
    const verified = await verifyExport({ sodium }, bytesSource(runs[0]!.bytes, MIB), bob.opener);
    expect(verified.fileSha256).toBe(runs[0]!.result.fileSha256);
    expect(openHashThreads()).toBe(0);
  });

  it('seals the same bytes whether whole chunks come in the source slice or are gathered from pieces', async () => {
    const content = seededRandom(sodium, 'slices')(3 * MIB + 4321);
    const sealed = [];
    for (const slice of [7919, 65_536, MIB + 1]) {
      const target = copyingSink();
      await sealExport(
        { sodium, ...fixed() },
        request(content, { open: () => bytesSource(content, slice) }),
        target.sink,
      );
      sealed.push(target.bytes());
    }
    expect(Buffer.compare(sealed[0]!, sealed[1]!)).toBe(0);
    expect(Buffer.compare(sealed[0]!, sealed[2]!)).toBe(0);
  });

  it('ends the hash thread when a source fails, and when the sink fails', async () => {
    const content = seededRandom(sodium, 'fails')(18 * MIB);
    const failing = async function* () {
      yield content.subarray(0, 3 * MIB);
      throw new Error('source broke');
    };
    const sealing = sealExport(
      { sodium, parallelHash: true },
      request(content, { open: failing }),
      copyingSink().sink,
    );
    await expect(sealing).rejects.toThrow('source broke');
    expect(openHashThreads()).toBe(0);
    await expect(
      sealExport({ sodium, parallelHash: true }, request(content), copyingSink({ failAt: 2 }).sink),
    ).rejects.toThrow('disk full');
    expect(openHashThreads()).toBe(0);
  });

  it('trustSha256: a wrong known hash is not caught while sealing but every receiver refuses it', async () => {
    const content = seededRandom(sodium, 'trusted')(300_000);
    const wrong = sha256(new Uint8Array(8));
    await expectCode(
      sealExport({ sodium }, request(content, { sha256: wrong }), copyingSink().sink),
      'EXPORT_SOURCE_MISMATCH',
    );
    const target = copyingSink();
    await sealExport({ sodium }, request(content, { sha256: wrong, trustSha256: true }), target.sink);
    await expectCode(
      verifyExport({ sodium }, bytesSource(target.bytes()), bob.opener),
      'EXPORT_FILE_HASH_MISMATCH',
    );
  });

  it('trustSha256 still checks the size, and is ignored without a known hash', async () => {
    const content = seededRandom(sodium, 'short')(200_000);
    await expectCode(
      sealExport(
        { sodium },
        request(content, { size: content.length + 1, trustSha256: true }),
        copyingSink().sink,
      ),
      'EXPORT_SOURCE_MISMATCH',
    );
    const target = copyingSink();
    const { sha256: _known, ...unhashed } = request(content).files![0]!;
    const { manifest } = await sealExport(
      { sodium },
      { ...request(content), files: [{ ...unhashed, trustSha256: true }] },
      target.sink,
    );
    expect(manifest.files[0]!.sha256).toBe(sha256(content));
    await verifyExport({ sodium }, bytesSource(target.bytes()), bob.opener);
  });
});
