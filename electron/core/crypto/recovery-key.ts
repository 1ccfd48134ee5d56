/**
 * Recovery keys: 160 random bits written as 32 Crockford base32 characters plus a 4-character
 * check group, in nine groups of four ("7K2M-…-Q4ZD"). Crockford's alphabet has no I, L, O or U,
 * and reading forgives the usual confusions (O→0, I/L→1, lower case, spaces), so a key written by
 * hand on paper can be typed back. The check group catches a mistyped character before the slow
 * Argon2id run is spent on it. Format: docs/vault-format.md §3.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { concatBytes, type Sodium } from './sodium.ts';

export const RECOVERY_KEY_BYTES = 20;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_PREFIX = new TextEncoder().encode('casevault-recovery-check-v1');
const DATA_CHARS = 32;
const CHECK_CHARS = 4;

function encodeBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function decodeBase32(text: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new CaseVaultError('RECOVERY_KEY_MALFORMED');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

function checkGroup(sodium: Sodium, key: Uint8Array): string {
  const digest = sodium.crypto_generichash(32, concatBytes(CHECK_PREFIX, key), null);
  // 20 bits = 4 characters.
  return encodeBase32(digest.subarray(0, 3)).slice(0, CHECK_CHARS);
}

export function generateRecoveryKey(sodium: Sodium): Uint8Array {
  return sodium.randombytes_buf(RECOVERY_KEY_BYTES);
}

export function formatRecoveryKey(sodium: Sodium, key: Uint8Array): string {
  if (key.length !== RECOVERY_KEY_BYTES) throw new Error('recovery key must be 20 bytes');
  const text = encodeBase32(key) + checkGroup(sodium, key);
  return text.match(/.{4}/g)!.join('-');
}

/** Normalises what a person typed; throws RECOVERY_KEY_MALFORMED (never echoing the input). */
export function parseRecoveryKey(sodium: Sodium, typed: string): Uint8Array {
  const text = typed
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (text.length !== DATA_CHARS + CHECK_CHARS) throw new CaseVaultError('RECOVERY_KEY_MALFORMED');
  const key = decodeBase32(text.slice(0, DATA_CHARS));
  if (key.length !== RECOVERY_KEY_BYTES || checkGroup(sodium, key) !== text.slice(DATA_CHARS)) {
    sodium.memzero(key);
    throw new CaseVaultError('RECOVERY_KEY_MALFORMED');
  }
  return key;
}
