/**
 * Keyslots wrap the 32-byte master key under a key-encryption key (KEK) stretched from a
 * passphrase or a recovery key with Argon2id. Wrapping is XChaCha20-Poly1305 (IETF) with a random
 * 24-byte nonce; the associated data binds the wrapped key to this vault and to the slot's own KDF
 * parameters, so a slot cannot be moved to another vault or given other parameters unnoticed.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { deriveKek, KDF_ALG, type KdfParams, SALT_BYTES } from '../crypto/kdf.ts';
import { type Sodium, wipe } from '../crypto/sodium.ts';
import type { Keyslot, KeyslotId } from './header.ts';

export const MASTER_KEY_BYTES = 32;

export function keyslotAssociatedData(vaultId: string, slot: Pick<Keyslot, 'id' | 'kdf'>): Uint8Array {
  const { alg, opslimit, memlimit, salt } = slot.kdf;
  return new TextEncoder().encode(
    `casevault-keyslot/1|${vaultId}|${slot.id}|${alg}|${opslimit}|${memlimit}|${salt}`,
  );
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => Uint8Array.from(Buffer.from(text, 'base64'));

export interface KeyslotTiming {
  kdfMs: number;
}

export function createKeyslot(
  sodium: Sodium,
  id: KeyslotId,
  secret: Uint8Array,
  master: Uint8Array,
  params: KdfParams,
  vaultId: string,
): Keyslot {
  const salt = sodium.randombytes_buf(SALT_BYTES);
  const kdf = {
    alg: KDF_ALG,
    opslimit: params.opslimit,
    memlimit: params.memlimit,
    salt: b64(salt),
  } as const;
  const kek = deriveKek(sodium, secret, salt, params);
  try {
    const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const ad = keyslotAssociatedData(vaultId, { id, kdf });
    const wrapped = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(master, ad, null, nonce, kek);
    return { id, kdf, aead: 'xchacha20poly1305-ietf', nonce: b64(nonce), wrappedKey: b64(wrapped) };
  } finally {
    wipe(sodium, kek);
  }
}

/**
 * Returns the master key, or throws `failure` (WRONG_PASSPHRASE / WRONG_RECOVERY_KEY) when the
 * AEAD tag does not verify. A damaged slot and a wrong secret cannot be told apart here; the header
 * MAC, checked next with the recovered key, catches every other change.
 */
export function openKeyslot(
  sodium: Sodium,
  slot: Keyslot,
  secret: Uint8Array,
  vaultId: string,
  failure: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY',
  timing?: KeyslotTiming,
): Uint8Array {
  const started = performance.now();
  const kek = deriveKek(sodium, secret, unb64(slot.kdf.salt), slot.kdf);
  if (timing) timing.kdfMs = performance.now() - started;
  try {
    const master = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      unb64(slot.wrappedKey),
      keyslotAssociatedData(vaultId, slot),
      unb64(slot.nonce),
      kek,
    );
    if (master.length !== MASTER_KEY_BYTES) {
      wipe(sodium, master);
      throw new CaseVaultError(failure);
    }
    return master;
  } catch (error) {
    if (error instanceof CaseVaultError) throw error;
    throw new CaseVaultError(failure);
  } finally {
    wipe(sodium, kek);
  }
}
