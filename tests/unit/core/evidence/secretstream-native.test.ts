/**
 * The native push must produce exactly libsodium's bytes (it is an optimisation, not a format):
 * same state in, same ciphertext and same next state out, for every tag and associated data we use.
 */
import { describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import {
  BlobEncryptor,
  decryptSegment,
  segmentCount,
  segmentOffset,
} from '../../../../electron/core/evidence/blob-format.ts';
import {
  canPushNatively,
  pullNative,
  pushNative,
} from '../../../../electron/core/evidence/secretstream-native.ts';

function stateBytes(sodium: Awaited<ReturnType<typeof loadSodium>>, address: unknown) {
  const heap = (sodium as unknown as { libsodium: { HEAPU8: Uint8Array } }).libsodium.HEAPU8;
  const at = address as number;
  return { k: heap.slice(at, at + 32), nonce: heap.slice(at + 32, at + 44) };
}

describe('native secretstream push', () => {
  it('matches libsodium byte for byte over a stream of messages, tags and associated data', async () => {
    const sodium = await loadSodium();
    const key = sodium.randombytes_buf(32);
    const { state } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    const keys = stateBytes(sodium, state);
    const cases: Array<[number, Uint8Array | null, number]> = [
      [65536, null, sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE],
      [16, Uint8Array.of(0), sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE],
      [0, null, sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE],
      [4096, Uint8Array.of(1, 2, 3), sodium.crypto_secretstream_xchacha20poly1305_TAG_PUSH],
      [65536, Uint8Array.of(1), sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL],
    ];
    for (const [length, ad, tag] of cases) {
      const message = sodium.randombytes_buf(length);
      const native = Buffer.concat(pushNative(keys, message, ad, tag));
      const reference = sodium.crypto_secretstream_xchacha20poly1305_push(state, message, ad, tag);
      expect(Buffer.from(native).equals(Buffer.from(reference))).toBe(true);
      if (tag !== sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
        const after = stateBytes(sodium, state);
        expect(Buffer.from(keys.nonce).equals(Buffer.from(after.nonce))).toBe(true);
        expect(Buffer.from(keys.k).equals(Buffer.from(after.k))).toBe(true);
      }
    }
    expect(canPushNatively(65536)).toBe(true);
    expect(canPushNatively(65535)).toBe(false);
  });

  it('a blob written natively and one written by libsodium alone decrypt to the same plaintext', async () => {
    const sodium = await loadSodium();
    const fileKey = sodium.randombytes_buf(32);
    const plain = sodium.randombytes_buf(2 * 1024 * 1024 + 4097);
    for (const native of [true, false]) {
      const encryptor = new BlobEncryptor(sodium, fileKey, { native });
      const blob = Buffer.concat([...encryptor.push(plain), ...encryptor.finish()]);
      const count = segmentCount(plain.length);
      const parts: Uint8Array[] = [];
      for (let i = 0; i < count; i++) {
        const end = i === count - 1 ? blob.length : segmentOffset(i + 1);
        parts.push(decryptSegment(sodium, fileKey, i, blob.subarray(segmentOffset(i), end), i === count - 1));
      }
      expect(Buffer.concat(parts).equals(Buffer.from(plain))).toBe(true);
    }
  });

  it('native pull opens what libsodium sealed, returns the tag, and refuses any flipped byte or wrong ad', async () => {
    const sodium = await loadSodium();
    const key = sodium.randombytes_buf(32);
    const { state: pushState, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    const messages = [65536, 0, 32, 65536].map((n) => sodium.randombytes_buf(n));
    const tags = [0, 0, 1, 3];
    const ads = [null, Uint8Array.of(0), null, Uint8Array.of(1)];
    const chunks = messages.map((m, i) =>
      sodium.crypto_secretstream_xchacha20poly1305_push(pushState, m, ads[i]!, tags[i]!),
    );
    const pullState = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
    const keys = stateBytes(sodium, pullState);
    for (const [i, chunk] of chunks.entries()) {
      // Tampering: every byte of a short chunk, a sample of a long one, and the wrong ad.
      const positions =
        chunk.length < 100 ? [...chunk.keys()] : [0, 1, 2, 100, chunk.length - 17, chunk.length - 1];
      for (const at of positions) {
        const bad = Uint8Array.from(chunk);
        bad[at]! ^= 0x40;
        expect(pullNative({ k: keys.k, nonce: Uint8Array.from(keys.nonce) }, bad, ads[i]!)).toBeNull();
      }
      expect(
        pullNative({ k: keys.k, nonce: Uint8Array.from(keys.nonce) }, chunk, Uint8Array.of(9)),
      ).toBeNull();
      const opened = pullNative(keys, chunk, ads[i]!);
      expect(opened).not.toBeNull();
      expect(opened!.tag).toBe(tags[i]);
      expect(Buffer.from(opened!.message).equals(Buffer.from(messages[i]!))).toBe(true);
    }
  });

  it('segments open the same natively and with libsodium alone, and both refuse the same damage', async () => {
    const sodium = await loadSodium();
    const fileKey = sodium.randombytes_buf(32);
    const plain = sodium.randombytes_buf(300_001);
    const encryptor = new BlobEncryptor(sodium, fileKey);
    const blob = Buffer.concat([...encryptor.push(plain), ...encryptor.finish()]);
    const segment = blob.subarray(segmentOffset(0));
    for (const native of [true, false]) {
      expect(
        Buffer.from(decryptSegment(sodium, fileKey, 0, segment, true, native)).equals(Buffer.from(plain)),
      ).toBe(true);
      expect(() => decryptSegment(sodium, fileKey, 0, segment, false, native)).toThrow();
      const bad = Buffer.from(segment);
      bad[70_000]! ^= 1;
      expect(() => decryptSegment(sodium, fileKey, 0, bad, true, native)).toThrow();
    }
  });
});
