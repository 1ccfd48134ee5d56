/**
 * Threat: a crafted file that crashes the opener, makes it hang or allocate without bound, or lets a
 * partial plaintext reach the caller before a check fails. fast-check mutates a genuine export
 * (flips, cuts, insertions, duplicated and deleted ranges, overwritten length fields) and throws
 * random bytes at the parser: every case must end in a CaseVaultError with an EXPORT_* code (or open,
 * when the mutation changed nothing), within a hang guard, with nothing delivered to any sink.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { concatBytes } from '../../../../electron/core/crypto/sodium.ts';
import { MAGIC } from '../../../../electron/core/export/index.ts';
import {
  codeOf,
  identity,
  openBytes,
  type RecordingSinks,
  sealToBytes,
  smallRequest,
  sodiumReady,
  type TestIdentity,
} from './export-test-kit.ts';

let sodium: Sodium;
let lawyer: TestIdentity;
let sealed: Uint8Array;
/** A hang guard, not a speed target: one open of these sizes takes milliseconds. */
const HANG_GUARD_MS = 20_000;

beforeAll(async () => {
  sodium = await sodiumReady();
  const alice = identity(sodium, 'alice');
  lawyer = identity(sodium, 'lawyer');
  const request = smallRequest(alice, [lawyer, identity(sodium, 'doctor')]);
  // Two chunks: small enough for many runs, large enough to cross a chunk boundary.
  const file = new Uint8Array(70_000).fill(3);
  sealed = (
    await sealToBytes(sodium, {
      ...request,
      files: [
        {
          id: 'f',
          name: 'f.bin',
          size: file.length,
          open: () =>
            (async function* () {
              yield file;
            })(),
        },
      ],
    })
  ).bytes;
});

async function openGuarded(bytes: Uint8Array) {
  const recording: RecordingSinks = { records: undefined, files: new Map(), events: [] };
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'HANG'>((resolve) => {
    timer = setTimeout(() => resolve('HANG'), HANG_GUARD_MS);
  });
  const code = await Promise.race([codeOf(openBytes(sodium, bytes, lawyer.opener, {}, recording)), hang]);
  clearTimeout(timer);
  return { code, events: recording.events };
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 70_000 }),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    at: fc.integer({ min: 8, max: 20 }),
    value: fc.integer({ min: 0, max: 255 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = m.at % bytes.length;
  switch (m.kind) {
    case 'flip': {
      const out = Uint8Array.from(bytes);
      out[at]! ^= m.mask;
      return out;
    }
    case 'cut':
      return bytes.subarray(0, at);
    case 'insert':
      return concatBytes(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
    case 'delete':
      return concatBytes(bytes.subarray(0, at), bytes.subarray(at + m.length));
    case 'duplicate':
      return concatBytes(bytes.subarray(0, at + m.length), bytes.subarray(at));
    case 'field': {
      const out = Uint8Array.from(bytes);
      out[m.at] = m.value;
      return out;
    }
  }
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('export parser fuzzing', () => {
  it('mutated exports never crash, hang or deliver partial output', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const bytes = mutations.reduce(apply, sealed);
        const { code, events } = await openGuarded(bytes);
        if (same(bytes, sealed)) return code === 'OK';
        expect(code).not.toBe('OK');
        expect(code).not.toBe('HANG');
        expect(code).not.toBe('CRASH');
        expect(code.startsWith('EXPORT_')).toBe(true);
        expect(events).toEqual([]);
        return true;
      }),
      { numRuns: 1500, seed: 0x5eed },
    );
  });

  it('a genuine export opens however its source slices it (1 byte … 100 kB pieces, varying)', async () => {
    const { openExport } = await import('../../../../electron/core/export/index.ts');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 20 }),
        async (sizes) => {
          const sliced = () => ({
            async *[Symbol.asyncIterator]() {
              for (let offset = 0, i = 0; offset < sealed.length; i++) {
                const size = sizes[i % sizes.length]!;
                yield sealed.subarray(offset, offset + size);
                offset += size;
              }
            },
          });
          const files: string[] = [];
          const verified = await openExport({ sodium }, sliced, lawyer.opener, {
            file: (entry) => ({ write() {}, close: () => void files.push(entry.id), abort() {} }),
          });
          expect(verified.fileLength).toBe(sealed.length);
          expect(files).toEqual(['f']);
        },
      ),
      { numRuns: 60, seed: 0xabc },
    );
  });

  it('random bytes, with or without the magic, never crash or hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.uint8Array({ maxLength: 4096 }), async (withMagic, random) => {
        const bytes = withMagic ? concatBytes(MAGIC, Uint8Array.of(1), random) : random;
        const { code, events } = await openGuarded(bytes);
        expect(['OK', 'HANG', 'CRASH']).not.toContain(code);
        expect(events).toEqual([]);
      }),
      { numRuns: 1000, seed: 0xcafe },
    );
  });
});
