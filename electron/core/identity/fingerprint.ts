/**
 * A vault identity's fingerprint: BLAKE2b-512 over a domain-separated encoding of BOTH public keys
 * (docs/key-card-format.md §Fingerprint). Two renderings of the same hash:
 * - 12 groups of 5 digits (bytes 0–59, five bytes per group, big-endian, mod 100000) for people to
 *   read aloud, as Signal's safety numbers do;
 * - hex of bytes 0–31 (`id`), the key under which the core looks contacts up.
 * Names are not in the fingerprint: they are bound to the keys by the card's signature instead, so a
 * contact who renames keeps the same fingerprint.
 */
import { FINGERPRINT_GROUPS } from '../../../shared/identity/constants.ts';
import { concatBytes, type Sodium } from '../crypto/sodium.ts';

export const FINGERPRINT_DOMAIN = 'casevault-fingerprint-v1';

export interface PublicKeys {
  /** X25519, 32 bytes: what exports are sealed to. */
  boxPublicKey: Uint8Array;
  /** Ed25519, 32 bytes: what exports and cards are signed with. */
  signPublicKey: Uint8Array;
}

export interface Fingerprint {
  /** 12 strings of exactly 5 digits. */
  digits: string[];
  /** 64 hex characters: lookups and logs that need a short stable id. */
  id: string;
}

export function fingerprintHash(sodium: Sodium, keys: PublicKeys): Uint8Array {
  if (keys.boxPublicKey.length !== 32 || keys.signPublicKey.length !== 32) {
    throw new Error('public keys must be 32 bytes each');
  }
  const domain = new TextEncoder().encode(FINGERPRINT_DOMAIN);
  const input = concatBytes(domain, new Uint8Array([0]), keys.boxPublicKey, keys.signPublicKey);
  return sodium.crypto_generichash(64, input, null);
}

export function fingerprintOf(sodium: Sodium, keys: PublicKeys): Fingerprint {
  const hash = fingerprintHash(sodium, keys);
  const digits: string[] = [];
  for (let g = 0; g < FINGERPRINT_GROUPS; g++) {
    let value = 0;
    // 40 bits fit exactly in a double; no BigInt needed.
    for (let i = 0; i < 5; i++) value = value * 256 + hash[g * 5 + i]!;
    digits.push(String(value % 100000).padStart(5, '0'));
  }
  return { digits, id: Buffer.from(hash.subarray(0, 32)).toString('hex') };
}

/** The digits as one line, groups separated by spaces. */
export function formatFingerprint(fingerprint: Fingerprint): string {
  return fingerprint.digits.join(' ');
}

/**
 * Compares digits someone typed or read out with a fingerprint: spaces, dashes and dots are
 * ignored; every one of the 60 digits must match.
 */
export function fingerprintMatches(fingerprint: Fingerprint, typed: string): boolean {
  const cleaned = typed.replace(/[\s.\-–—]/gu, '');
  if (!/^\d{60}$/.test(cleaned)) return false;
  return cleaned === fingerprint.digits.join('');
}

/** What the QR code carries: the fingerprint digits with a prefix that says what they are. */
export function fingerprintQrText(fingerprint: Fingerprint): string {
  return `casevault-fingerprint:1:${fingerprint.digits.join('')}`;
}
