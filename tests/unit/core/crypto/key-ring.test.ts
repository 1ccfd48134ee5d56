import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { KeyRing, SUBKEY_IDS } from '../../../../electron/core/crypto/subkeys.ts';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

describe('key ring', () => {
  it('derives distinct subkeys per purpose and zeroes every one of them on wipe', () => {
    const master = sodium.crypto_kdf_keygen();
    const ring = new KeyRing(sodium, master);
    const keys = [...Object.keys(SUBKEY_IDS), 'master'].map((name) => ring.get(name as 'master'));
    expect(new Set(keys.map((k) => Buffer.from(k).toString('hex'))).size).toBe(keys.length);
    expect(ring.get('master')).toEqual(master);
    ring.wipe();
    for (const key of keys) expect(key.every((b) => b === 0)).toBe(true);
    expect(() => ring.get('database')).toThrow();
    expect(ring.wiped).toBe(true);
  });

  it('never shows a key when inspected or serialised', () => {
    const ring = new KeyRing(sodium, sodium.crypto_kdf_keygen());
    expect(inspect(ring, { showHidden: true })).toBe('[KeyRing]');
    expect(JSON.stringify({ ring })).toBe('{"ring":"[KeyRing]"}');
    ring.wipe();
  });
});
