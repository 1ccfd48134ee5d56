/**
 * crypto_secretstream_xchacha20poly1305 `push`, computed with Node's native ChaCha20-Poly1305
 * (OpenSSL) instead of libsodium's WebAssembly build, for speed. Same bytes, not a new format:
 * libsodium's push of a message m with tag t under state (k, nonce = counter ‖ inonce) is
 *
 *   block = ChaCha20-IETF(k, nonce, counter 1) XOR (t ‖ 0^63)
 *   c     = ChaCha20-IETF(k, nonce, counter 2…) XOR m
 *   mac   = Poly1305(key from counter 0; ad ‖ pad16 ‖ block ‖ c ‖ pad ‖ le64(|ad|) ‖ le64(64 + |m|))
 *   out   = block[0] ‖ c ‖ mac;  then inonce ^= mac[0..8], counter += 1
 *
 * which is RFC 8439's AEAD of (t ‖ 0^63 ‖ m) with associated data ad, EXCEPT the padding after c:
 * libsodium pads (16 − 64 + |m|) mod 16 bytes where RFC 8439 pads (−(64 + |m|)) mod 16. The two agree
 * when |m| is a multiple of 16, so only such messages go through here (every full 64 KiB chunk);
 * the others (a blob's last, short chunk) go through libsodium with the state copied into it.
 * tests/unit/core/evidence/secretstream-native.test.ts compares both byte for byte.
 */
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';

export const NATIVE_ALIGNMENT = 16;

/** The 44 meaningful bytes of libsodium's 52-byte state: k (32) ‖ nonce (12: counter LE ‖ inonce). */
export interface StreamKeys {
  k: Uint8Array;
  nonce: Uint8Array;
  /** `k` imported once as a KeyObject (importing a raw key per chunk cost ~10% of the intake). */
  keyObject?: KeyObject;
}

export function canPushNatively(length: number): boolean {
  return length % NATIVE_ALIGNMENT === 0;
}

/**
 * One `push`; updates `keys.nonce` in place as libsodium updates its state. Never for TAG_REKEY.
 * Returns the output as pieces (tag byte, ciphertext, MAC) to be written in order: no copy of the
 * 64 KiB ciphertext into a joined buffer.
 */
export function pushNative(
  keys: StreamKeys,
  message: Uint8Array,
  ad: Uint8Array | null,
  tag: number,
): Uint8Array[] {
  keys.keyObject ??= createSecretKey(keys.k);
  const cipher = createCipheriv('chacha20-poly1305', keys.keyObject, keys.nonce, { authTagLength: 16 });
  if (ad && ad.length > 0) cipher.setAAD(ad, { plaintextLength: 64 + message.length });
  const block = new Uint8Array(64);
  block[0] = tag;
  const encryptedBlock = cipher.update(block);
  const first = Uint8Array.of(encryptedBlock[0]!);
  encryptedBlock.fill(0);
  const c = cipher.update(message);
  const rest = cipher.final();
  const mac = cipher.getAuthTag();
  for (let i = 0; i < 8; i++) keys.nonce[4 + i]! ^= mac[i]!;
  for (let i = 0; i < 4; i++) {
    keys.nonce[i] = (keys.nonce[i]! + 1) & 0xff;
    if (keys.nonce[i] !== 0) break;
  }
  return rest.length > 0 ? [first, c, rest, mac] : [first, c, mac];
}

/**
 * One `pull` for a chunk whose message length is a multiple of 16 (see above), the inverse of
 * `pushNative`: the 64-byte block the MAC covers is rebuilt as libsodium does (the received tag
 * byte followed by bytes 1..63 of the ChaCha20 keystream at counter 1), the AEAD is checked with
 * the received MAC, and only then is the message returned. Null when the chunk does not
 * authenticate (the state is then left unchanged and must not be used again).
 */
export function pullNative(
  keys: StreamKeys,
  chunk: Uint8Array,
  ad: Uint8Array | null,
): { message: Uint8Array; tag: number } | null {
  const length = chunk.length - 17;
  if (length < 0 || !canPushNatively(length)) return null;
  keys.keyObject ??= createSecretKey(keys.k);
  const iv = new Uint8Array(16);
  iv[0] = 1; // block counter 1, little-endian, then the 12-byte nonce (OpenSSL's ChaCha20 IV)
  iv.set(keys.nonce, 4);
  const keystream = createCipheriv('chacha20', keys.keyObject, iv).update(new Uint8Array(64));
  const tag = chunk[0]! ^ keystream[0]!;
  keystream[0] = chunk[0]!;
  const mac = chunk.subarray(1 + length);
  const decipher = createDecipheriv('chacha20-poly1305', keys.keyObject, keys.nonce, { authTagLength: 16 });
  if (ad && ad.length > 0) decipher.setAAD(ad, { plaintextLength: 64 + length });
  decipher.setAuthTag(mac);
  decipher.update(keystream).fill(0);
  keystream.fill(0);
  const message = decipher.update(chunk.subarray(1, 1 + length));
  try {
    decipher.final();
  } catch {
    message.fill(0);
    return null;
  }
  for (let i = 0; i < 8; i++) keys.nonce[4 + i]! ^= mac[i]!;
  for (let i = 0; i < 4; i++) {
    keys.nonce[i] = (keys.nonce[i]! + 1) & 0xff;
    if (keys.nonce[i] !== 0) break;
  }
  return { message, tag };
}
