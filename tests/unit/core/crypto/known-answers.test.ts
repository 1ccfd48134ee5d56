/**
 * Known-answer vectors for every libsodium primitive the vault wraps, from sources independent of
 * our code: the Argon2 reference CLI, Node's own (OpenSSL) Argon2id, draft-irtf-cfrg-xchacha §A.3.1,
 * libsodium's test/default/kdf.exp and RFC 7693 / the BLAKE2 reference KAT.
 */
import { argon2Sync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('Argon2id (crypto_pwhash, ALG_ARGON2ID13)', () => {
  // `echo -n "123" | ./argon2 ABCDEFGHIJKLMNOP -id -v 13 -k 1024 -t 5` (reference implementation).
  it('matches the reference CLI', () => {
    const out = sodium.crypto_pwhash(
      32,
      utf8('123'),
      utf8('ABCDEFGHIJKLMNOP'),
      5,
      1024 * 1024,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
    expect(sodium.to_hex(out)).toBe('3c5d010180ba0cf5b6b858cba23b318e42d33088983c404598599c3b029ecac6');
  });

  it('matches Node’s OpenSSL Argon2id for the parameters the vault uses (64 MiB, 2 passes, p=1)', () => {
    const password = utf8('rivière-sous-la-pluie 2026'.normalize('NFC'));
    const salt = hex('000102030405060708090a0b0c0d0e0f');
    const ours = sodium.crypto_pwhash(
      32,
      password,
      salt,
      2,
      64 * 1024 * 1024,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
    const openssl = argon2Sync('argon2id', {
      message: password,
      nonce: salt,
      parallelism: 1,
      tagLength: 32,
      memory: 64 * 1024,
      passes: 2,
    });
    expect(sodium.to_hex(ours)).toBe(openssl.toString('hex'));
  });
});

describe('XChaCha20-Poly1305-IETF (keyslot wrapping)', () => {
  const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
  const nonce = hex('404142434445464748494a4b4c4d4e4f5051525354555657');
  const ad = hex('50515253c0c1c2c3c4c5c6c7');
  const plaintext = utf8(
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
  );
  const expected = `bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb
    731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452
    2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9
    21f9664c97637da9768812f615c68b13b52ec0875924c1c7987947deafd8780acf49`.replace(/\s+/g, '');

  it('produces the draft-irtf-cfrg-xchacha A.3.1 ciphertext and tag', () => {
    const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
    expect(sodium.to_hex(sealed)).toBe(expected);
  });

  it('opens it, and refuses any flipped bit or other associated data', () => {
    const sealed = hex(expected);
    expect(sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, sealed, ad, nonce, key)).toEqual(
      plaintext,
    );
    for (const index of [0, 57, sealed.length - 1]) {
      const bad = Uint8Array.from(sealed);
      bad[index]! ^= 0x01;
      expect(() => sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, bad, ad, nonce, key)).toThrow();
    }
    expect(() =>
      sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, sealed, utf8('x'), nonce, key),
    ).toThrow();
  });
});

describe('crypto_kdf (BLAKE2b subkeys)', () => {
  // libsodium test/default/kdf.c: master key 00..1f, context "KDF test", 64-byte subkeys.
  it('matches libsodium’s kdf.exp for ids 0 and 1', () => {
    const master = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(sodium.to_hex(sodium.crypto_kdf_derive_from_key(64, 0, 'KDF test', master))).toBe(
      'a0c724404728c8bb95e5433eb6a9716171144d61efb23e74b873fcbeda51d8071b5d70aae12066dfc94ce943f145aa176c055040c3dd73b0a15e36254d450614',
    );
    expect(sodium.to_hex(sodium.crypto_kdf_derive_from_key(64, 1, 'KDF test', master))).toBe(
      '02507f144fa9bf19010bf7c70b235b4c2663cc00e074f929602a5e2c10a780757d2a3993d06debc378a90efdac196dd841817b977d67b786804f6d3cd585bab5',
    );
  });
});

describe('BLAKE2b (crypto_generichash: header MAC, recovery-key check group)', () => {
  it('matches RFC 7693 Appendix A for "abc"', () => {
    expect(sodium.to_hex(sodium.crypto_generichash(64, utf8('abc'), null))).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
  });

  it('matches the BLAKE2 reference keyed KAT (key 00..3f, empty input)', () => {
    const key = Uint8Array.from({ length: 64 }, (_, i) => i);
    expect(sodium.to_hex(sodium.crypto_generichash(64, new Uint8Array(0), key))).toBe(
      '10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568',
    );
  });
});
