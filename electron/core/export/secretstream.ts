/**
 * crypto_secretstream_xchacha20poly1305, two interchangeable engines producing the same bytes:
 *
 * - `libsodium`: libsodium-wrappers' own push/pull (WebAssembly) — the reference.
 * - `native`: the same construction with the ChaCha20 keystream from Node's OpenSSL (about 3× faster
 *   than libsodium's WebAssembly ChaCha20 here) and HChaCha20 and Poly1305 from libsodium (its
 *   WebAssembly Poly1305 is fast enough). bench/export.ts measures both engines. It is not the RFC
 *   8439 AEAD: libsodium pads the MAC input after the ciphertext with (mlen mod 16) zero bytes, not
 *   with (−mlen mod 16) — docs/export-format.md §5.2 spells the layout out.
 *
 * Neither engine ever rekeys: the format caps a payload at 2^24 chunks, so the 32-bit counter never
 * wraps, and TAG_REKEY is never written and is refused when read (it is not TAG_MESSAGE/TAG_FINAL).
 * tests/unit/core/crypto/secretstream-engines.test.ts checks both directions against libsodium.
 */
import { createCipheriv } from 'node:crypto';
import type { Sodium } from '../crypto/sodium.ts';

export type StreamEngine = 'native' | 'libsodium';
export const DEFAULT_STREAM_ENGINE: StreamEngine = 'native';

export interface StreamCipher {
  push(message: Uint8Array, tag: number): Uint8Array;
  /** Seals into `target` at `offset` (room for message + 17 bytes); returns the bytes written. */
  pushInto(message: Uint8Array, tag: number, target: Uint8Array, offset: number): number;
  /** The chunk's plaintext and tag, or undefined when it does not authenticate. */
  pull(sealed: Uint8Array): { message: Uint8Array; tag: number } | undefined;
  wipe(): void;
}

export function createStreamCipher(
  sodium: Sodium,
  key: Uint8Array,
  streamHeader: Uint8Array,
  engine: StreamEngine = DEFAULT_STREAM_ENGINE,
): StreamCipher {
  return engine === 'native'
    ? new NativeStream(sodium, key, streamHeader)
    : libsodiumStream(sodium, key, streamHeader);
}

function libsodiumStream(sodium: Sodium, key: Uint8Array, streamHeader: Uint8Array): StreamCipher {
  // init_pull builds the same state as init_push (which would draw its own random header).
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(streamHeader, key);
  return {
    push: (message, tag) => sodium.crypto_secretstream_xchacha20poly1305_push(state, message, null, tag),
    pushInto: (message, tag, target, offset) => {
      const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(state, message, null, tag);
      target.set(sealed, offset);
      return sealed.length;
    },
    pull: (sealed) => {
      if (sealed.length < 17) return undefined;
      const opened = sodium.crypto_secretstream_xchacha20poly1305_pull(state, sealed, null);
      return opened ? { message: opened.message, tag: opened.tag } : undefined;
    },
    wipe: () => {
      // The 52-byte state lives in libsodium's heap; libsodium-wrappers offers no way to free it.
    },
  };
}

class NativeStream implements StreamCipher {
  #sodium: Sodium;
  #key: Buffer;
  /** counter (u32 LE) ‖ inonce (8 bytes). */
  #nonce = Buffer.alloc(12);
  #iv = Buffer.alloc(16);
  #block = Buffer.alloc(64);
  #lengths = Buffer.alloc(16);

  constructor(sodium: Sodium, key: Uint8Array, streamHeader: Uint8Array) {
    this.#sodium = sodium;
    const subkey = sodium.crypto_core_hchacha20(streamHeader.subarray(0, 16), key, null);
    this.#key = Buffer.from(subkey);
    sodium.memzero(subkey);
    this.#nonce.writeUInt32LE(1, 0);
    this.#nonce.set(streamHeader.subarray(16, 24), 4);
  }

  /** ChaCha20 for this chunk's nonce, positioned after block 0, and block 0 itself. */
  #keystream() {
    this.#iv.writeUInt32LE(0, 0);
    this.#iv.set(this.#nonce, 4);
    const cipher = createCipheriv('chacha20', this.#key, this.#iv);
    // Block 0 is the one-time Poly1305 key (first half); the caller wipes the whole block.
    const polyKey = cipher.update(ZERO_BLOCK);
    return { cipher, polyKey };
  }

  /** Poly1305 over block ‖ c ‖ (mlen mod 16) zero bytes ‖ LE64(0) ‖ LE64(64 + mlen) — libsodium's layout. */
  #mac(polyKey: Uint8Array, block: Uint8Array, c: Uint8Array): Uint8Array {
    const sodium = this.#sodium;
    const state = sodium.crypto_onetimeauth_init(polyKey);
    sodium.crypto_onetimeauth_update(state, block);
    if (c.length > 0) sodium.crypto_onetimeauth_update(state, c);
    const pad = c.length & 0xf;
    if (pad > 0) sodium.crypto_onetimeauth_update(state, ZERO_BLOCK.subarray(0, pad));
    this.#lengths.fill(0);
    this.#lengths.writeUInt32LE(64 + c.length, 8);
    this.#lengths.writeUInt32LE(Math.floor((64 + c.length) / 2 ** 32), 12);
    sodium.crypto_onetimeauth_update(state, this.#lengths);
    return sodium.crypto_onetimeauth_final(state);
  }

  push(message: Uint8Array, tag: number): Uint8Array {
    const out = new Uint8Array(message.length + 17);
    this.pushInto(message, tag, out, 0);
    return out;
  }

  pushInto(message: Uint8Array, tag: number, target: Uint8Array, offset: number): number {
    const { cipher, polyKey } = this.#keystream();
    this.#block.fill(0);
    this.#block[0] = tag;
    const block = cipher.update(this.#block);
    const c = cipher.update(message);
    const mac = this.#mac(polyKey.subarray(0, 32), block, c);
    polyKey.fill(0);
    target[offset] = block[0]!;
    target.set(c, offset + 1);
    target.set(mac, offset + 1 + c.length);
    this.#advance(mac);
    return c.length + 17;
  }

  pull(sealed: Uint8Array): { message: Uint8Array; tag: number } | undefined {
    if (sealed.length < 17) return undefined;
    const length = sealed.length - 17;
    const { cipher, polyKey } = this.#keystream();
    this.#block.fill(0);
    this.#block[0] = sealed[0]!;
    const block = cipher.update(this.#block);
    const tag = block[0]!;
    block[0] = sealed[0]!;
    const c = sealed.subarray(1, 1 + length);
    const mac = sealed.subarray(1 + length);
    const expected = this.#mac(polyKey.subarray(0, 32), block, c);
    polyKey.fill(0);
    if (!this.#sodium.memcmp(expected, mac)) return undefined;
    const message = cipher.update(c);
    this.#advance(mac);
    return { message, tag };
  }

  #advance(mac: Uint8Array): void {
    for (let i = 0; i < 8; i++) this.#nonce[4 + i]! ^= mac[i]!;
    this.#nonce.writeUInt32LE((this.#nonce.readUInt32LE(0) + 1) >>> 0, 0);
  }

  wipe(): void {
    this.#key.fill(0);
    this.#nonce.fill(0);
    this.#block.fill(0);
  }
}

const ZERO_BLOCK = Buffer.alloc(64);
