/**
 * Threat: an export cut short (an interrupted copy, or an attacker dropping the tail to hide the last
 * files) or padded with extra bytes. The header declares the payload length, so every cut — inside
 * the header, at every chunk boundary, inside a chunk — is TRUNCATED, and any byte after the final
 * chunk is TRAILING_DATA; nothing reaches a sink either way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { concatBytes } from '../../../../electron/core/crypto/sodium.ts';
import { CHUNK_ABYTES, CHUNK_BYTES } from '../../../../electron/core/export/index.ts';
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
import { layout } from './forge-kit.ts';

let sodium: Sodium;
let alice: TestIdentity;
let lawyer: TestIdentity;
let sealed: Uint8Array;

beforeAll(async () => {
  sodium = await sodiumReady();
  alice = identity(sodium, 'alice');
  lawyer = identity(sodium, 'lawyer');
  sealed = (await sealToBytes(sodium, smallRequest(alice, [lawyer]))).bytes;
});

async function openCode(bytes: Uint8Array) {
  const recording: RecordingSinks = { records: undefined, files: new Map(), events: [] };
  const code = await codeOf(openBytes(sodium, bytes, lawyer.opener, {}, recording));
  return { code, events: recording.events };
}

describe('truncated exports', () => {
  it('are refused as TRUNCATED at every header length', async () => {
    const { chunksStart } = layout(sealed);
    for (let length = 0; length <= chunksStart; length++) {
      expect((await openCode(sealed.subarray(0, length))).code, `length ${length}`).toBe('EXPORT_TRUNCATED');
    }
  });

  it('are refused as TRUNCATED at every chunk boundary and inside every chunk', async () => {
    const { chunksStart } = layout(sealed);
    const sealedChunk = CHUNK_BYTES + CHUNK_ABYTES;
    const cuts: number[] = [];
    for (let start = chunksStart; start < sealed.length; start += sealedChunk) {
      cuts.push(start, start + 1, start + 17, start + Math.floor(sealedChunk / 2));
    }
    cuts.push(sealed.length - 1, sealed.length - 17);
    expect(cuts.filter((c) => (c - chunksStart) % sealedChunk === 0).length).toBeGreaterThanOrEqual(3);
    for (const cut of cuts.filter((c) => c < sealed.length)) {
      const { code, events } = await openCode(sealed.subarray(0, cut));
      expect(code, `cut at ${cut}`).toBe('EXPORT_TRUNCATED');
      expect(events).toEqual([]);
    }
  });

  it('the intact file opens (the cuts above are the only difference)', async () => {
    expect((await openCode(sealed)).code).toBe('OK');
  });
});

describe('trailing bytes', () => {
  it('are refused whatever their length, even a copy of the final chunk', async () => {
    const { chunksStart } = layout(sealed);
    const sealedChunk = CHUNK_BYTES + CHUNK_ABYTES;
    const lastStart = chunksStart + Math.floor((sealed.length - chunksStart - 1) / sealedChunk) * sealedChunk;
    for (const extra of [
      new Uint8Array(1),
      new Uint8Array(17),
      new Uint8Array(CHUNK_BYTES + CHUNK_ABYTES),
      sealed.subarray(lastStart),
      sealed,
    ]) {
      const { code, events } = await openCode(concatBytes(sealed, extra));
      expect(code).toBe('EXPORT_TRAILING_DATA');
      expect(events).toEqual([]);
    }
  });
});
