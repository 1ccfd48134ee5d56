/**
 * The two secretstream engines of the export payload (electron/core/export/secretstream.ts) must be
 * byte-for-byte libsodium's crypto_secretstream_xchacha20poly1305: each engine's chunks open with the
 * other, at every length class (mlen mod 16 matters: libsodium's Poly1305 padding is not RFC 8439's),
 * over chained chunks, and both refuse the same tampering. A fixed vector produced by libsodium's own
 * push pins the construction against changes to both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { createStreamCipher, type StreamEngine } from '../../../../electron/core/export/secretstream.ts';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const ENGINES: StreamEngine[] = ['native', 'libsodium'];
const LENGTHS = [0, 1, 7, 8, 15, 16, 17, 31, 63, 64, 65, 100, 1000, 4095, 65_535, 65_536];

describe('secretstream engines', () => {
  for (const sealer of ENGINES) {
    for (const opener of ENGINES) {
      it(`${sealer} → ${opener}: a chain of chunks of every length class opens, with tags`, () => {
        const key = sodium.randombytes_buf(32);
        const header = sodium.randombytes_buf(24);
        const push = createStreamCipher(sodium, key, header, sealer);
        const pull = createStreamCipher(sodium, key, header, opener);
        for (const [i, length] of LENGTHS.entries()) {
          const message = sodium.randombytes_buf(length);
          const tag = i === LENGTHS.length - 1 ? 3 : 0;
          const sealed = push.push(message, tag);
          expect(sealed.length).toBe(length + 17);
          const opened = pull.pull(sealed);
          expect(opened?.tag).toBe(tag);
          expect(Buffer.from(opened!.message).equals(Buffer.from(message))).toBe(true);
        }
      });
    }
  }

  it('both engines produce identical bytes for the same key, header and chunks', () => {
    const key = sodium.randombytes_buf(32);
    const header = sodium.randombytes_buf(24);
    const [a, b] = ENGINES.map((e) => createStreamCipher(sodium, key, header, e));
    for (const length of LENGTHS) {
      const message = sodium.randombytes_buf(length);
      expect(Buffer.from(a!.push(message, 0)).toString('hex')).toBe(
        Buffer.from(b!.push(message, 0)).toString('hex'),
      );
    }
  });

  for (const engine of ENGINES) {
    it(`${engine}: pushInto writes at an offset exactly what push returns`, () => {
      const key = sodium.randombytes_buf(32);
      const header = sodium.randombytes_buf(24);
      const [a, b] = [
        createStreamCipher(sodium, key, header, engine),
        createStreamCipher(sodium, key, header, engine),
      ];
      const target = new Uint8Array(2000).fill(0xee);
      let offset = 3;
      for (const length of [0, 17, 100, 1000]) {
        const message = sodium.randombytes_buf(length);
        const written = a!.pushInto(message, 0, target, offset);
        expect(
          Buffer.from(target.subarray(offset, offset + written)).equals(Buffer.from(b!.push(message, 0))),
        ).toBe(true);
        offset += written;
      }
      expect(target.subarray(0, 3)).toEqual(new Uint8Array(3).fill(0xee));
      expect(target[offset]).toBe(0xee);
    });

    it(`${engine}: refuses a flipped byte anywhere, a chunk out of order and a too-short chunk`, () => {
      const key = sodium.randombytes_buf(32);
      const header = sodium.randombytes_buf(24);
      const push = createStreamCipher(sodium, key, header, 'libsodium');
      const first = push.push(sodium.randombytes_buf(40), 0);
      const second = push.push(sodium.randombytes_buf(40), 3);
      for (let i = 0; i < first.length; i++) {
        const bad = Uint8Array.from(first);
        bad[i]! ^= 0x01;
        expect(createStreamCipher(sodium, key, header, engine).pull(bad), `byte ${i}`).toBeUndefined();
      }
      expect(createStreamCipher(sodium, key, header, engine).pull(second)).toBeUndefined();
      expect(createStreamCipher(sodium, key, header, engine).pull(first.subarray(0, 16))).toBeUndefined();
      const ok = createStreamCipher(sodium, key, header, engine);
      expect(ok.pull(first)?.tag).toBe(0);
      expect(ok.pull(second)?.tag).toBe(3);
    });
  }

  it('matches a fixed vector from libsodium’s own init_push/push (key 00..1f)', () => {
    // Produced once with libsodium-wrappers: init_pull(header) gives init_push's state for that header.
    const key = Uint8Array.from({ length: 32 }, (_, i) => i);
    const header = Uint8Array.from({ length: 24 }, (_, i) => 0x80 + i);
    const reference = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
    const message = new TextEncoder().encode('secretstream test vector: 0123456789abcdef');
    const expected = Buffer.from(
      sodium.crypto_secretstream_xchacha20poly1305_push(reference, message, null, 3),
    ).toString('hex');
    expect(expected).toBe(FIXED_VECTOR);
    for (const engine of ENGINES) {
      expect(
        Buffer.from(createStreamCipher(sodium, key, header, engine).push(message, 3)).toString('hex'),
      ).toBe(FIXED_VECTOR);
    }
  });
});

const FIXED_VECTOR =
  '746a7567103b8ce855ab7d88978bd5b26232ebbea7d0f4d64f4df9892b12f178a18f13d053d8b8631d9e7d88aed71d6af645888fba7d5a5ab694dd';
