/**
 * crypto_secretstream_xchacha20poly1305 — the ONE implementation the vault core uses (evidence
 * blobs, docs/evidence-format.md §2.5, and the export payload, docs/export-format.md §5.2). Two
 * interchangeable engines producing libsodium's bytes exactly:
 *
 * - `libsodium`: libsodium-wrappers' own push/pull (WebAssembly) — the reference.
 * - `native`: the same construction computed with Node's OpenSSL, several times faster. For a
 *   message m with tag t, associated data ad, state (k, nonce = counter ‖ inonce):
 *
 *     block = ChaCha20-IETF(k, nonce, counter 1) XOR (t ‖ 0^63)
 *     c     = ChaCha20-IETF(k, nonce, counter 2…) XOR m
 *     mac   = Poly1305(key from counter 0; ad ‖ pad16(ad) ‖ block ‖ c ‖ 0^(|m| mod 16)
 *                                          ‖ le64(|ad|) ‖ le64(64 + |m|))
 *     out   = block[0] ‖ c ‖ mac;  then inonce ^= mac[0..8], counter += 1,
 *             and a rekey when t has the REKEY bit (TAG_REKEY, TAG_FINAL) or the counter wrapped.
 *
 *   That is RFC 8439's AEAD of (block ‖ m) EXCEPT the zero padding after c: libsodium pads
 *   |m| mod 16 bytes, RFC 8439 pads −(64 + |m|) mod 16. The two agree when |m| ≡ 0 or 8 (mod 16),
 *   so those messages (every full 64 KiB chunk) go through OpenSSL's fused 'chacha20-poly1305'
 *   (the fastest path); any other length takes OpenSSL's raw 'chacha20' keystream and libsodium's
 *   Poly1305 with libsodium's padding. HChaCha20 (stream key from key + header) is libsodium's.
 *
 * tests/unit/core/crypto/secretstream.test.ts checks every engine against libsodium in both
 * directions. Neither format writes TAG_REKEY (each refuses it when read), but the rekey is
 * implemented anyway so that the native engine matches libsodium after any tag, TAG_FINAL included.
 */
import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  type KeyObject,
  timingSafeEqual,
} from 'node:crypto';
import type { Sodium } from './sodium.ts';

export type StreamEngine = 'native' | 'libsodium';
export const DEFAULT_STREAM_ENGINE: StreamEngine = 'native';
export const STREAM_HEADER_BYTES = 24;
/** Bytes a chunk adds to its message: the encrypted tag byte and the 16-byte MAC. */
export const STREAM_ABYTES = 17;

export interface OpenedChunk {
  message: Uint8Array;
  tag: number;
}

/** One stream direction's state. `ad` is associated data (none when omitted or null). */
export interface StreamCipher {
  push(message: Uint8Array, tag: number, ad?: Uint8Array | null): Uint8Array;
  /** Seals into `target` at `offset` (room for message + 17 bytes); returns the bytes written. */
  pushInto(
    message: Uint8Array,
    tag: number,
    target: Uint8Array,
    offset: number,
    ad?: Uint8Array | null,
  ): number;
  /**
   * Seals and returns the chunk as pieces to be written in order (their concatenation is what
   * `push` returns): the native engine's 64 KiB ciphertext is handed over without being copied.
   */
  pushParts(message: Uint8Array, tag: number, ad?: Uint8Array | null): Uint8Array[];
  /** The chunk's plaintext and tag, or undefined when it does not authenticate (state unchanged). */
  pull(sealed: Uint8Array, ad?: Uint8Array | null): OpenedChunk | undefined;
  /** Wipes the state; the stream cannot be used afterwards. Idempotent. */
  wipe(): void;
}

export function createStreamCipher(
  sodium: Sodium,
  key: Uint8Array,
  streamHeader: Uint8Array,
  engine: StreamEngine = DEFAULT_STREAM_ENGINE,
): StreamCipher {
  if (streamHeader.length !== STREAM_HEADER_BYTES) throw new RangeError('secretstream header length');
  return engine === 'native'
    ? new NativeStream(sodium, key, streamHeader)
    : new LibsodiumStream(sodium, key, streamHeader);
}

/** A fresh random stream header, as crypto_secretstream_xchacha20poly1305_init_push draws it. */
export function newStreamHeader(sodium: Sodium): Uint8Array {
  return sodium.randombytes_buf(STREAM_HEADER_BYTES);
}

/** Whether RFC 8439's padding after the ciphertext equals libsodium's (see the top comment). */
export function aeadCompatible(messageLength: number): boolean {
  return (messageLength & 7) === 0;
}

const TAG_REKEY_BIT = 0x02;
const STATE_BYTES = 52;
type SodiumState = Parameters<Sodium['crypto_secretstream_xchacha20poly1305_pull']>[0];
const ZERO_BLOCK = Buffer.alloc(64);

class LibsodiumStream implements StreamCipher {
  readonly #sodium: Sodium;
  #state: SodiumState | undefined;

  constructor(sodium: Sodium, key: Uint8Array, streamHeader: Uint8Array) {
    this.#sodium = sodium;
    // init_pull builds the same state as init_push (which would draw its own random header).
    this.#state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(streamHeader, key);
  }

  #live(): SodiumState {
    if (this.#state === undefined) throw new Error('secretstream used after wipe');
    return this.#state;
  }

  push(message: Uint8Array, tag: number, ad?: Uint8Array | null): Uint8Array {
    return this.#sodium.crypto_secretstream_xchacha20poly1305_push(this.#live(), message, ad ?? null, tag);
  }

  pushInto(
    message: Uint8Array,
    tag: number,
    target: Uint8Array,
    offset: number,
    ad?: Uint8Array | null,
  ): number {
    const sealed = this.push(message, tag, ad);
    target.set(sealed, offset);
    return sealed.length;
  }

  pushParts(message: Uint8Array, tag: number, ad?: Uint8Array | null): Uint8Array[] {
    return [this.push(message, tag, ad)];
  }

  pull(sealed: Uint8Array, ad?: Uint8Array | null): OpenedChunk | undefined {
    if (sealed.length < STREAM_ABYTES) return undefined;
    const opened = this.#sodium.crypto_secretstream_xchacha20poly1305_pull(this.#live(), sealed, ad ?? null);
    return opened ? { message: opened.message, tag: opened.tag } : undefined;
  }

  /** libsodium-wrappers mallocs the 52-byte state (which holds the stream key) and never frees it. */
  wipe(): void {
    if (this.#state === undefined) return;
    const raw = (this.#sodium as unknown as { libsodium: { HEAPU8: Uint8Array; _free(p: number): void } })
      .libsodium;
    const at = this.#state as unknown as number;
    raw.HEAPU8.fill(0, at, at + STATE_BYTES);
    raw._free(at);
    this.#state = undefined;
  }
}

class NativeStream implements StreamCipher {
  readonly #sodium: Sodium;
  /** k, kept to rekey and to wipe. */
  #raw: Buffer;
  /**
   * k imported once as a KeyObject (importing the raw key per chunk cost ~10% of evidence intake).
   * Its copy inside OpenSSL cannot be wiped from JavaScript; it is dropped with the stream.
   */
  #key: KeyObject | undefined;
  /** counter (u32 LE) ‖ inonce (8 bytes): the IETF nonce of the current chunk. */
  #nonce = Buffer.alloc(12);
  #iv = Buffer.alloc(16);
  #block = Buffer.alloc(64);
  #lengths = Buffer.alloc(16);

  constructor(sodium: Sodium, key: Uint8Array, streamHeader: Uint8Array) {
    this.#sodium = sodium;
    const subkey = sodium.crypto_core_hchacha20(streamHeader.subarray(0, 16), key, null);
    this.#raw = Buffer.from(subkey);
    sodium.memzero(subkey);
    this.#key = createSecretKey(this.#raw);
    this.#nonce.writeUInt32LE(1, 0);
    this.#nonce.set(streamHeader.subarray(16, 24), 4);
  }

  #live(): KeyObject {
    if (!this.#key) throw new Error('secretstream used after wipe');
    return this.#key;
  }

  push(message: Uint8Array, tag: number, ad?: Uint8Array | null): Uint8Array {
    // Every byte is written below, so the unzeroed allocation leaks nothing (and saves a memset).
    const out = Buffer.allocUnsafeSlow(message.length + STREAM_ABYTES);
    this.pushInto(message, tag, out, 0, ad);
    return out;
  }

  pushInto(
    message: Uint8Array,
    tag: number,
    target: Uint8Array,
    offset: number,
    ad?: Uint8Array | null,
  ): number {
    if (!aeadCompatible(message.length)) return this.#pushKeystream(message, tag, ad, target, offset);
    let at = offset;
    for (const part of this.#pushAead(message, tag, ad)) {
      target.set(part, at);
      at += part.length;
    }
    return at - offset;
  }

  pushParts(message: Uint8Array, tag: number, ad?: Uint8Array | null): Uint8Array[] {
    if (aeadCompatible(message.length)) return this.#pushAead(message, tag, ad);
    const out = new Uint8Array(message.length + STREAM_ABYTES);
    this.#pushKeystream(message, tag, ad, out, 0);
    return [out];
  }

  pull(sealed: Uint8Array, ad?: Uint8Array | null): OpenedChunk | undefined {
    if (sealed.length < STREAM_ABYTES) return undefined;
    return aeadCompatible(sealed.length - STREAM_ABYTES)
      ? this.#pullAead(sealed, ad)
      : this.#pullKeystream(sealed, ad);
  }

  wipe(): void {
    this.#raw.fill(0);
    this.#nonce.fill(0);
    this.#iv.fill(0);
    this.#block.fill(0);
    this.#key = undefined;
  }

  // ── fast path: OpenSSL's RFC 8439 AEAD over (block ‖ m), |m| ≡ 0 or 8 (mod 16) ──

  #pushAead(message: Uint8Array, tag: number, ad: Uint8Array | null | undefined): Uint8Array[] {
    const cipher = createCipheriv('chacha20-poly1305', this.#live(), this.#nonce, { authTagLength: 16 });
    if (ad && ad.length > 0) cipher.setAAD(ad, { plaintextLength: 64 + message.length });
    this.#block.fill(0);
    this.#block[0] = tag;
    const encryptedBlock = cipher.update(this.#block);
    const first = Uint8Array.of(encryptedBlock[0]!);
    encryptedBlock.fill(0);
    const c = cipher.update(message);
    const rest = cipher.final();
    const mac = cipher.getAuthTag();
    this.#advance(mac, tag);
    return rest.length > 0 ? [first, c, rest, mac] : [first, c, mac];
  }

  /**
   * The 64-byte block the MAC covers is rebuilt as libsodium does (the received first byte, then
   * bytes 1..63 of the keystream at counter 1); the AEAD is checked with the received MAC, and the
   * message (already decrypted by OpenSSL's update) is wiped and dropped if it fails.
   */
  #pullAead(sealed: Uint8Array, ad: Uint8Array | null | undefined): OpenedChunk | undefined {
    const key = this.#live();
    const length = sealed.length - STREAM_ABYTES;
    this.#iv.writeUInt32LE(1, 0);
    this.#iv.set(this.#nonce, 4);
    const keystream = createCipheriv('chacha20', key, this.#iv).update(ZERO_BLOCK);
    const tag = sealed[0]! ^ keystream[0]!;
    keystream[0] = sealed[0]!;
    const mac = sealed.subarray(1 + length);
    const decipher = createDecipheriv('chacha20-poly1305', key, this.#nonce, { authTagLength: 16 });
    if (ad && ad.length > 0) decipher.setAAD(ad, { plaintextLength: 64 + length });
    decipher.setAuthTag(mac);
    decipher.update(keystream).fill(0);
    keystream.fill(0);
    const message = decipher.update(sealed.subarray(1, 1 + length));
    try {
      decipher.final();
    } catch {
      message.fill(0);
      return undefined;
    }
    this.#advance(mac, tag);
    return { message, tag };
  }

  // ── any length: OpenSSL's ChaCha20 keystream, libsodium's Poly1305 with libsodium's padding ──

  /** ChaCha20 for this chunk's nonce positioned after block 0, and block 0 (the caller wipes it). */
  #keystream() {
    this.#iv.writeUInt32LE(0, 0);
    this.#iv.set(this.#nonce, 4);
    const cipher = createCipheriv('chacha20', this.#live(), this.#iv);
    const polyKey = cipher.update(ZERO_BLOCK);
    return { cipher, polyKey };
  }

  #mac(polyKey: Uint8Array, ad: Uint8Array | null | undefined, block: Uint8Array, c: Uint8Array): Uint8Array {
    const sodium = this.#sodium;
    const adLength = ad?.length ?? 0;
    const state = sodium.crypto_onetimeauth_init(polyKey.subarray(0, 32));
    if (ad && adLength > 0) {
      sodium.crypto_onetimeauth_update(state, ad);
      const adPad = (16 - adLength) & 0xf;
      if (adPad > 0) sodium.crypto_onetimeauth_update(state, ZERO_BLOCK.subarray(0, adPad));
    }
    sodium.crypto_onetimeauth_update(state, block);
    if (c.length > 0) sodium.crypto_onetimeauth_update(state, c);
    const pad = c.length & 0xf;
    if (pad > 0) sodium.crypto_onetimeauth_update(state, ZERO_BLOCK.subarray(0, pad));
    this.#lengths.writeUInt32LE(adLength, 0);
    this.#lengths.writeUInt32LE(Math.floor(adLength / 2 ** 32), 4);
    this.#lengths.writeUInt32LE((64 + c.length) >>> 0, 8);
    this.#lengths.writeUInt32LE(Math.floor((64 + c.length) / 2 ** 32), 12);
    sodium.crypto_onetimeauth_update(state, this.#lengths);
    return sodium.crypto_onetimeauth_final(state);
  }

  #pushKeystream(
    message: Uint8Array,
    tag: number,
    ad: Uint8Array | null | undefined,
    target: Uint8Array,
    offset: number,
  ): number {
    const { cipher, polyKey } = this.#keystream();
    this.#block.fill(0);
    this.#block[0] = tag;
    const block = cipher.update(this.#block);
    const c = cipher.update(message);
    const mac = this.#mac(polyKey, ad, block, c);
    polyKey.fill(0);
    target[offset] = block[0]!;
    block.fill(0);
    target.set(c, offset + 1);
    target.set(mac, offset + 1 + c.length);
    this.#advance(mac, tag);
    return c.length + STREAM_ABYTES;
  }

  #pullKeystream(sealed: Uint8Array, ad: Uint8Array | null | undefined): OpenedChunk | undefined {
    const length = sealed.length - STREAM_ABYTES;
    const { cipher, polyKey } = this.#keystream();
    this.#block.fill(0);
    this.#block[0] = sealed[0]!;
    const block = cipher.update(this.#block);
    const tag = block[0]!;
    block[0] = sealed[0]!;
    const c = sealed.subarray(1, 1 + length);
    const mac = sealed.subarray(1 + length);
    const expected = this.#mac(polyKey, ad, block, c);
    polyKey.fill(0);
    block.fill(0);
    if (!timingSafeEqual(expected, mac)) return undefined;
    const message = cipher.update(c);
    this.#advance(mac, tag);
    return { message, tag };
  }

  /** libsodium's state update after a chunk: inonce ^= mac[0..8], counter++, rekey if due. */
  #advance(mac: Uint8Array, tag: number): void {
    for (let i = 0; i < 8; i++) this.#nonce[4 + i]! ^= mac[i]!;
    const counter = (this.#nonce.readUInt32LE(0) + 1) >>> 0;
    this.#nonce.writeUInt32LE(counter, 0);
    if ((tag & TAG_REKEY_BIT) !== 0 || counter === 0) this.#rekey();
  }

  /** crypto_secretstream_xchacha20poly1305_rekey: (k ‖ inonce) ^= ChaCha20-IETF(k, nonce, 0); counter = 1. */
  #rekey(): void {
    this.#iv.writeUInt32LE(0, 0);
    this.#iv.set(this.#nonce, 4);
    const both = Buffer.alloc(40);
    this.#raw.copy(both, 0);
    this.#nonce.copy(both, 32, 4, 12);
    const next = createCipheriv('chacha20', this.#live(), this.#iv).update(both);
    both.fill(0);
    next.copy(this.#raw, 0, 0, 32);
    next.copy(this.#nonce, 4, 32, 40);
    next.fill(0);
    this.#nonce.writeUInt32LE(1, 0);
    this.#key = createSecretKey(this.#raw);
  }
}
