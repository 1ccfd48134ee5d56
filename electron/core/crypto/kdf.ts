/**
 * Passphrase stretching with Argon2id (crypto_pwhash, ALG_ARGON2ID13).
 *
 * Parameters read from a header are bounded before use: a planted header can neither make unlock
 * run for minutes (or exhaust memory) nor make it run weak. Presets are tuned on the project's
 * reference machine (2 cores): moderate ≈ 0.8 s, sensitive ≈ 6 s.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { Sodium } from './sodium.ts';

export const KDF_ALG = 'argon2id13';
export const SALT_BYTES = 16;
const MIB = 1024 * 1024;

export interface KdfParams {
  opslimit: number;
  memlimit: number;
}

export const KDF_PRESETS = {
  /** Default: 256 MiB, 3 passes. */
  moderate: { opslimit: 3, memlimit: 256 * MIB },
  /** Stronger, for vaults that may be seized: 1 GiB, 4 passes (slow on old laptops). */
  sensitive: { opslimit: 4, memlimit: 1024 * MIB },
} as const satisfies Record<string, KdfParams>;

/**
 * The recovery key carries 160 random bits, so it needs no stretching to resist guessing; it still
 * goes through Argon2id (at the minimum bounds) so both slots share one code path.
 */
export const RECOVERY_KDF: KdfParams = { opslimit: 2, memlimit: 64 * MIB };

export const KDF_BOUNDS = {
  opslimit: { min: 2, max: 10 },
  memlimit: { min: 64 * MIB, max: 1024 * MIB },
} as const;

export type KdfPresetName = keyof typeof KDF_PRESETS;

export function resolveKdf(kdf: KdfPresetName | KdfParams | undefined): KdfParams {
  const params = typeof kdf === 'string' ? KDF_PRESETS[kdf] : (kdf ?? KDF_PRESETS.moderate);
  assertKdfBounds(params);
  return { opslimit: params.opslimit, memlimit: params.memlimit };
}

export function assertKdfBounds(params: KdfParams): void {
  const { opslimit, memlimit } = params;
  const ok =
    Number.isSafeInteger(opslimit) &&
    Number.isSafeInteger(memlimit) &&
    opslimit >= KDF_BOUNDS.opslimit.min &&
    opslimit <= KDF_BOUNDS.opslimit.max &&
    memlimit >= KDF_BOUNDS.memlimit.min &&
    memlimit <= KDF_BOUNDS.memlimit.max &&
    memlimit % 1024 === 0;
  if (!ok) throw new CaseVaultError('KDF_PARAMS_OUT_OF_BOUNDS', `opslimit=${opslimit} memlimit=${memlimit}`);
}

/** Derives a 32-byte key-encryption key. The caller wipes `secret` and the result. */
export function deriveKek(
  sodium: Sodium,
  secret: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
): Uint8Array {
  assertKdfBounds(params);
  if (salt.length !== SALT_BYTES) throw new CaseVaultError('HEADER_DAMAGED', 'salt length');
  return sodium.crypto_pwhash(
    32,
    secret,
    salt,
    params.opslimit,
    params.memlimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}

/**
 * Passphrases are NFC-normalised before hashing so that "é" typed as one code point on one system
 * and as e + combining accent on another opens the same vault.
 */
export function passphraseBytes(passphrase: string): Uint8Array {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

export const MIN_PASSPHRASE_LENGTH = 12;

export function assertPassphraseAcceptable(passphrase: string): void {
  const normalized = passphrase.normalize('NFC');
  if ([...normalized].length < MIN_PASSPHRASE_LENGTH || normalized.trim().length === 0) {
    throw new CaseVaultError('PASSPHRASE_TOO_WEAK');
  }
}
