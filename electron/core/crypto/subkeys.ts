/**
 * Subkeys derived from the master key with crypto_kdf (BLAKE2b): one per purpose, so a key used to
 * authenticate the header can never decrypt the database, and so on. The context and ids are part
 * of the vault format (docs/vault-format.md §4); never reuse an id for another purpose.
 */
import type { Sodium } from './sodium.ts';
import { wipe } from './sodium.ts';

export const SUBKEY_CONTEXT = 'CaseVlt1';

export const SUBKEY_IDS = {
  headerMac: 1,
  database: 2,
  evidence: 3,
  audit: 4,
} as const;

export type SubkeyName = keyof typeof SUBKEY_IDS;
type KeyName = SubkeyName | 'master';

export function deriveSubkey(sodium: Sodium, master: Uint8Array, name: SubkeyName): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, SUBKEY_IDS[name], SUBKEY_CONTEXT, master);
}

/** Holds the master key and subkeys of one unlocked vault; `wipe()` zeroes all of them (on lock). */
export class KeyRing {
  #sodium: Sodium;
  #keys = new Map<KeyName, Uint8Array>();
  #wiped = false;

  /** Copies `master` (kept to wrap new keyslots); the caller wipes its own copy. */
  constructor(sodium: Sodium, master: Uint8Array) {
    this.#sodium = sodium;
    this.#keys.set('master', Uint8Array.from(master));
    for (const name of Object.keys(SUBKEY_IDS) as SubkeyName[]) {
      this.#keys.set(name, deriveSubkey(sodium, master, name));
    }
  }

  get(name: KeyName): Uint8Array {
    const key = this.#keys.get(name);
    if (this.#wiped || !key) throw new Error('key ring wiped');
    return key;
  }

  get wiped(): boolean {
    return this.#wiped;
  }

  wipe(): void {
    for (const key of this.#keys.values()) wipe(this.#sodium, key);
    this.#keys.clear();
    this.#wiped = true;
  }

  /** Never let a key reach a log or a snapshot through util.inspect or JSON. */
  toJSON(): string {
    return '[KeyRing]';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[KeyRing]';
  }
}
