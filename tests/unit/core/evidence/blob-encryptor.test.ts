/**
 * The blob encryptor's bytes against an independent encoder written from docs/evidence-format.md
 * with libsodium's own secretstream, under a deterministic random source (the stream headers are
 * the only randomness), for many ways of cutting the same plaintext into pushes. Guards the
 * in-place sealing of full chunks: however the plaintext arrives, the blob is the same bytes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { BlobEncryptor } from '../../../../electron/core/evidence/blob-format.ts';

const MIB = 1024 * 1024;
const CHUNK = 64 * 1024;
let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

/** `sodium` with randombytes_buf replaced by a counter stream (same sequence for every encoder). */
function deterministic(): Sodium {
  let counter = 0;
  const det = Object.create(sodium) as Sodium;
  det.randombytes_buf = ((n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (counter++ * 131 + 7) & 0xff;
    return out;
  }) as Sodium['randombytes_buf'];
  return det;
}

/** Written from the spec: header, then per 1 MiB segment a secretstream under kdf(index). */
function referenceBlob(plain: Uint8Array, fileKey: Uint8Array): Uint8Array {
  const det = deterministic();
  const parts: Uint8Array[] = [
    Uint8Array.from([0x43, 0x56, 0x45, 0x42, 1, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 1, 0]),
  ];
  const segments = Math.max(1, Math.ceil(plain.length / MIB));
  for (let s = 0; s < segments; s++) {
    const segment = plain.subarray(s * MIB, Math.min(plain.length, (s + 1) * MIB));
    const key = sodium.crypto_kdf_derive_from_key(32, s, 'CVEvSeg1', fileKey);
    const header = det.randombytes_buf(24);
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
    parts.push(header);
    const chunks = Math.max(1, Math.ceil(segment.length / CHUNK));
    for (let c = 0; c < chunks; c++) {
      const closes = c === chunks - 1;
      const tag = closes
        ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
      const ad = closes ? Uint8Array.of(s === segments - 1 ? 1 : 0) : null;
      parts.push(
        sodium.crypto_secretstream_xchacha20poly1305_push(
          state,
          segment.subarray(c * CHUNK, (c + 1) * CHUNK),
          ad,
          tag,
        ),
      );
    }
  }
  return Buffer.concat(parts);
}

function encrypt(plain: Uint8Array, fileKey: Uint8Array, cuts: number[]): Uint8Array {
  const encryptor = new BlobEncryptor(deterministic(), fileKey);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const cut of cuts) {
    parts.push(...encryptor.push(plain.subarray(at, Math.min(plain.length, at + cut))));
    at += cut;
    if (at >= plain.length) break;
  }
  if (at < plain.length) parts.push(...encryptor.push(plain.subarray(at)));
  parts.push(...encryptor.finish());
  return Buffer.concat(parts);
}

describe('blob encryptor bytes', () => {
  const sizes = [0, 1, 8, CHUNK - 1, CHUNK, CHUNK + 1, MIB - 1, MIB, MIB + 1, 2 * MIB + 4097, 3 * MIB];
  const cutsFor = (size: number): Array<[string, number[]]> => [
    ['whole', [Math.max(size, 1)]],
    ['1 MiB reads', [MIB, MIB, MIB, MIB]],
    ['64 KiB pieces', Array.from({ length: Math.ceil(size / CHUNK) + 1 }, () => CHUNK)],
    ['64 KiB + 1 pieces', Array.from({ length: Math.ceil(size / CHUNK) + 1 }, () => CHUNK + 1)],
    ['one byte then the rest', [1, size]],
    ['uneven', [100_000, 3, 2 * CHUNK, 700_000, CHUNK - 5, MIB + 17, 9]],
  ];

  it('equal the independent encoder for every size and every way of pushing', () => {
    const fileKey = sodium.randombytes_buf(32);
    const all = sodium.randombytes_buf(3 * MIB);
    for (const size of sizes) {
      const plain = all.subarray(0, size);
      const expected = Buffer.from(referenceBlob(plain, fileKey));
      for (const [name, cuts] of cutsFor(size)) {
        expect(Buffer.from(encrypt(plain, fileKey, cuts)).equals(expected), `${size} bytes, ${name}`).toBe(
          true,
        );
      }
    }
  });

  it('never keeps a reference to the caller’s buffer (it is refilled while writes are pending)', () => {
    const fileKey = sodium.randombytes_buf(32);
    const plain = sodium.randombytes_buf(MIB + 3 * CHUNK);
    const expected = Buffer.from(encrypt(plain, fileKey, [plain.length]));
    const encryptor = new BlobEncryptor(deterministic(), fileKey);
    const reused = new Uint8Array(MIB);
    const parts: Uint8Array[] = [];
    for (let at = 0; at < plain.length; at += MIB) {
      const piece = plain.subarray(at, at + MIB);
      reused.set(piece);
      parts.push(...encryptor.push(reused.subarray(0, piece.length)));
      reused.fill(0xee); // what the next read does to the buffer
    }
    parts.push(...encryptor.finish());
    expect(Buffer.concat(parts).equals(expected)).toBe(true);
  });
});
