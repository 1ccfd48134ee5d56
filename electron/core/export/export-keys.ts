/**
 * Key derivations of the export format (docs/export-format.md §4). Every derived key depends on the
 * file key and a fixed ASCII context string, so a key made for one purpose never serves another.
 * BLAKE2b-256 (crypto_generichash) is used keyed as a PRF and unkeyed as a hash, as libsodium's
 * crypto_kx does; an independent implementation needs only BLAKE2b, X25519, XChaCha20-Poly1305,
 * Argon2id, Ed25519 and libsodium's secretstream.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { concatBytes, type Sodium, wipe } from '../crypto/sodium.ts';
import { ASCII, CONTEXT, FILE_KEY_BYTES, WRAPPED_KEY_BYTES } from './format-constants.ts';

const ZERO_NONCE = new Uint8Array(24);

/** wrapKey = BLAKE2b-256(ctx ‖ X25519(e, R) ‖ E ‖ R): bound to both public keys, as in age. */
export function x25519WrapKey(
  sodium: Sodium,
  sharedSecret: Uint8Array,
  ephemeralPublic: Uint8Array,
  recipientPublic: Uint8Array,
): Uint8Array {
  const input = concatBytes(ASCII.encode(CONTEXT.x25519Wrap), sharedSecret, ephemeralPublic, recipientPublic);
  try {
    return sodium.crypto_generichash(32, input, null);
  } finally {
    wipe(sodium, input);
  }
}

/**
 * X25519(secret, public), or undefined when the result is all zeros (a low-order point: libsodium
 * refuses it, and a stanza built on it would be readable by anyone).
 */
export function x25519Shared(
  sodium: Sodium,
  secret: Uint8Array,
  publicKey: Uint8Array,
): Uint8Array | undefined {
  try {
    return sodium.crypto_scalarmult(secret, publicKey);
  } catch {
    return undefined;
  }
}

/** Argon2id over the NFC-normalised UTF-8 passphrase. Bounds are checked by the caller. */
export function passphraseWrapKey(
  sodium: Sodium,
  passphrase: string,
  salt: Uint8Array,
  opslimit: number,
  memlimitKiB: number,
): Uint8Array {
  const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
  try {
    return sodium.crypto_pwhash(
      32,
      secret,
      salt,
      opslimit,
      memlimitKiB * 1024,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
  } finally {
    wipe(sodium, secret);
  }
}

/** Each wrap key is used once (fresh ephemeral key or fresh salt), so the nonce is all zeros. */
export function wrapFileKey(sodium: Sodium, fileKey: Uint8Array, wrapKey: Uint8Array): Uint8Array {
  const out = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(fileKey, null, null, ZERO_NONCE, wrapKey);
  if (out.length !== WRAPPED_KEY_BYTES) throw new CaseVaultError('INTERNAL', 'wrapped key length');
  return out;
}

/** The file key, or undefined when this wrap key does not open the stanza. */
export function unwrapFileKey(
  sodium: Sodium,
  wrapped: Uint8Array,
  wrapKey: Uint8Array,
): Uint8Array | undefined {
  try {
    const key = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, wrapped, null, ZERO_NONCE, wrapKey);
    return key.length === FILE_KEY_BYTES ? key : undefined;
  } catch {
    return undefined;
  }
}

export function headerMacKey(sodium: Sodium, fileKey: Uint8Array): Uint8Array {
  return sodium.crypto_generichash(32, ASCII.encode(CONTEXT.headerMac), fileKey);
}

/** MAC = BLAKE2b-256 keyed with the header MAC key, over every header byte before the MAC. */
export function headerMac(sodium: Sodium, fileKey: Uint8Array, headerBody: Uint8Array): Uint8Array {
  const key = headerMacKey(sodium, fileKey);
  try {
    return sodium.crypto_generichash(32, headerBody, key);
  } finally {
    wipe(sodium, key);
  }
}

/** payloadKey = BLAKE2b-256(key = file key, ctx ‖ header MAC): the payload is bound to its header. */
export function payloadKey(sodium: Sodium, fileKey: Uint8Array, mac: Uint8Array): Uint8Array {
  return sodium.crypto_generichash(32, concatBytes(ASCII.encode(CONTEXT.payload), mac), fileKey);
}

/** What the sender signs: ctx ‖ header MAC ‖ manifest bytes (re-sealing changes the MAC). */
export function signatureInput(mac: Uint8Array, manifestBytes: Uint8Array): Uint8Array {
  return concatBytes(ASCII.encode(CONTEXT.signature), mac, manifestBytes);
}
