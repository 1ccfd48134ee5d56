/**
 * Known-answer vectors for the primitives the export format wraps beyond those in
 * known-answers.test.ts: X25519 (RFC 7748 §6.1), Ed25519 (RFC 8032 §7.1 test 1), HChaCha20
 * (draft-irtf-cfrg-xchacha §2.2.1), Poly1305 (RFC 8439 §2.5.2) and the ChaCha20 keystream of Node's
 * OpenSSL (RFC 8439 §2.4.2), which the native secretstream engine uses.
 */
import { createCipheriv } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/[\s:]+/g, ''), 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const seq = (n: number) => Uint8Array.from({ length: n }, (_, i) => i);

describe('X25519 (crypto_scalarmult: recipient stanzas)', () => {
  const alicePrivate = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
  const bobPrivate = hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
  it('matches RFC 7748 §6.1 public keys and shared secret', () => {
    const alicePublic = sodium.crypto_scalarmult_base(alicePrivate);
    const bobPublic = sodium.crypto_scalarmult_base(bobPrivate);
    expect(toHex(alicePublic)).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(toHex(bobPublic)).toBe('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
    expect(toHex(sodium.crypto_scalarmult(alicePrivate, bobPublic))).toBe(shared);
    expect(toHex(sodium.crypto_scalarmult(bobPrivate, alicePublic))).toBe(shared);
  });

  it('refuses a low-order point (all-zero result)', () => {
    expect(() => sodium.crypto_scalarmult(alicePrivate, new Uint8Array(32))).toThrow();
  });
});

describe('Ed25519 (crypto_sign_detached: manifest signature)', () => {
  it('matches RFC 8032 §7.1 test 1', () => {
    const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(
      hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'),
    );
    expect(toHex(publicKey)).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const signature = sodium.crypto_sign_detached(new Uint8Array(0), privateKey);
    expect(toHex(signature)).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(sodium.crypto_sign_verify_detached(signature, new Uint8Array(0), publicKey)).toBe(true);
    expect(sodium.crypto_sign_verify_detached(signature, new Uint8Array(1), publicKey)).toBe(false);
  });
});

describe('HChaCha20 (crypto_core_hchacha20: secretstream key)', () => {
  it('matches draft-irtf-cfrg-xchacha §2.2.1', () => {
    const out = sodium.crypto_core_hchacha20(hex('000000090000004a0000000031415927'), seq(32), null);
    expect(toHex(out)).toBe('82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc');
  });
});

describe('Poly1305 (crypto_onetimeauth: native secretstream engine)', () => {
  it('matches RFC 8439 §2.5.2, in one call and incrementally', () => {
    const key = hex('85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b');
    const message = new TextEncoder().encode('Cryptographic Forum Research Group');
    expect(toHex(sodium.crypto_onetimeauth(message, key))).toBe('a8061dc1305136c6c22b8baf0c0127a9');
    const state = sodium.crypto_onetimeauth_init(key);
    sodium.crypto_onetimeauth_update(state, message.subarray(0, 5));
    sodium.crypto_onetimeauth_update(state, message.subarray(5));
    expect(toHex(sodium.crypto_onetimeauth_final(state))).toBe('a8061dc1305136c6c22b8baf0c0127a9');
  });
});

describe('ChaCha20 (Node/OpenSSL `chacha20`: native secretstream engine)', () => {
  it('matches RFC 8439 §2.4.2 (counter 1), also when fed in pieces', () => {
    const plaintext = new TextEncoder().encode(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const iv = hex('01000000000000000000004a00000000');
    const expected =
      '6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d807ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab77937365af90bbf74a35be6b40b8eedf2785e42874d';
    expect(toHex(createCipheriv('chacha20', seq(32), iv).update(plaintext))).toBe(expected);
    const cipher = createCipheriv('chacha20', seq(32), iv);
    const pieces = [cipher.update(plaintext.subarray(0, 64)), cipher.update(plaintext.subarray(64))];
    expect(toHex(Buffer.concat(pieces))).toBe(expected);
  });
});
