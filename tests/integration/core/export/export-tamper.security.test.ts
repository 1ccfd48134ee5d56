/**
 * Threat: an export altered in transit or in storage (bit rot, a hostile relay, a forger flipping
 * bytes). Every single-byte change anywhere in the file must be refused, with the error that names
 * the damaged part, and must deliver nothing to the caller's sinks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { CHUNK_ABYTES, CHUNK_BYTES } from '../../../../electron/core/export/index.ts';
import type { ErrorCode } from '../../../../shared/errors.ts';
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
let doctor: TestIdentity;

beforeAll(async () => {
  sodium = await sodiumReady();
  alice = identity(sodium, 'alice');
  lawyer = identity(sodium, 'lawyer');
  doctor = identity(sodium, 'doctor');
});

/** The error a flip at `offset` must give to the recipient whose stanza is `own`. */
function expectedFor(bytes: Uint8Array, offset: number, own: number): ErrorCode {
  const l = layout(bytes);
  if (offset < 8) return 'EXPORT_MALFORMED';
  if (offset === 8) return 'EXPORT_UNSUPPORTED_VERSION';
  const ownBody = l.stanzaStart(own) + 3;
  // Without the file key nobody can tell a damaged stanza from one meant for someone else (age
  // behaves the same): damage to one's own stanza body reads as "not for you".
  if (offset >= ownBody && offset < ownBody + 80) return 'EXPORT_NOT_FOR_YOU';
  if (offset < l.payloadStart) return 'EXPORT_HEADER_DAMAGED';
  return 'EXPORT_PAYLOAD_DAMAGED';
}

async function flipAndOpen(bytes: Uint8Array, offset: number, mask: number, opener: TestIdentity) {
  const copy = Uint8Array.from(bytes);
  copy[offset]! ^= mask;
  const recording: RecordingSinks = { records: undefined, files: new Map(), events: [] };
  const code = await codeOf(openBytes(sodium, copy, opener.opener, {}, recording));
  return { code, events: recording.events };
}

describe('flipping any byte of a small export', () => {
  it('is refused at every offset, with the error of the part it hit, and nothing reaches a sink', async () => {
    const request = smallRequest(alice, [lawyer, doctor]);
    const sealed = await sealToBytes(sodium, {
      ...request,
      files: [
        {
          ...request.files![0]!,
          size: 300,
          open: () =>
            (async function* () {
              yield new Uint8Array(300).fill(7);
            })(),
          sha256: undefined,
        },
      ],
    });
    expect(sealed.bytes.length).toBeLessThan(2000);
    const mismatches: string[] = [];
    for (let offset = 0; offset < sealed.bytes.length; offset++) {
      for (const mask of [0x01, 0xff]) {
        for (const [own, opener] of [lawyer, doctor].entries()) {
          const { code, events } = await flipAndOpen(sealed.bytes, offset, mask, opener);
          const expected = expectedFor(sealed.bytes, offset, own);
          if (code !== expected || events.length > 0) {
            mismatches.push(
              `offset ${offset} mask ${mask} ${opener.name}: ${code} (expected ${expected}) ${events.join(',')}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('is refused in every chunk of a multi-chunk export, at both ends and the middle of each chunk', async () => {
    const sealed = await sealToBytes(sodium, smallRequest(alice, [lawyer]));
    const { chunksStart } = layout(sealed.bytes);
    const sealedChunk = CHUNK_BYTES + CHUNK_ABYTES;
    const chunks = Math.ceil((sealed.bytes.length - chunksStart) / sealedChunk);
    expect(chunks).toBeGreaterThanOrEqual(3);
    for (let c = 0; c < chunks; c++) {
      const start = chunksStart + c * sealedChunk;
      const end = Math.min(start + sealedChunk, sealed.bytes.length) - 1;
      for (const offset of [start, start + 1, Math.floor((start + end) / 2), end - 16, end]) {
        const { code, events } = await flipAndOpen(sealed.bytes, offset, 0x80, lawyer);
        expect(code, `chunk ${c} offset ${offset}`).toBe('EXPORT_PAYLOAD_DAMAGED');
        expect(events).toEqual([]);
      }
    }
  });
});
