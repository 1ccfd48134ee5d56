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
import { canPushNatively, pushNative } from '../../../../electron/core/evidence/secretstream-native.ts';

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
});
