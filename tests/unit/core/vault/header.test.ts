import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import {
  type HeaderBody,
  parseHeader,
  serializeHeader,
  verifyHeaderMac,
} from '../../../../electron/core/vault/header.ts';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const slot = (id: 'passphrase' | 'recovery') => ({
  id,
  kdf: {
    alg: 'argon2id13' as const,
    opslimit: 3,
    memlimit: 268435456,
    salt: Buffer.alloc(16, 1).toString('base64'),
  },
  aead: 'xchacha20poly1305-ietf' as const,
  nonce: Buffer.alloc(24, 2).toString('base64'),
  wrappedKey: Buffer.alloc(48, 3).toString('base64'),
});

const body: HeaderBody = {
  format: 'casevault.vault-header',
  version: 1,
  vaultId: 'ab'.repeat(16),
  createdAt: '2026-11-22T08:00:00.000Z',
  updatedAt: '2026-11-22T08:00:00.000Z',
  database: { file: 'vault.db', cipher: 'sqlcipher-4', keying: 'raw-256' },
  keyslots: [slot('passphrase'), slot('recovery')],
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('vault header', () => {
  const macKey = new Uint8Array(32).fill(7);

  it('round-trips and verifies with the right key only', () => {
    const bytes = serializeHeader(sodium, macKey, body);
    const parsed = parseHeader(bytes);
    expect(parsed.body).toEqual(body);
    expect(codeOf(() => verifyHeaderMac(sodium, macKey, parsed))).toBe('ok');
    expect(codeOf(() => verifyHeaderMac(sodium, new Uint8Array(32).fill(8), parsed))).toBe('HEADER_ALTERED');
  });

  it('has exactly the documented three-line layout', () => {
    const text = new TextDecoder().decode(serializeHeader(sodium, macKey, body));
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('CASEVAULT-HEADER/1');
    expect(lines[2]).toMatch(/^MAC:[0-9a-f]{64}$/);
    expect(lines[3]).toBe('');
  });

  const mutate = (edit: (text: string) => string) => {
    const text = new TextDecoder().decode(serializeHeader(sodium, macKey, body));
    return new TextEncoder().encode(edit(text));
  };

  it.each([
    ['an unknown field', (t: string) => t.replace('"version":1,', '"version":1,"extra":true,')],
    [
      'reordered fields',
      (t: string) =>
        t.replace(
          '"format":"casevault.vault-header","version":1',
          '"version":1,"format":"casevault.vault-header"',
        ),
    ],
    ['extra whitespace', (t: string) => t.replace('"version":1', '"version": 1')],
    ['a future version', (t: string) => t.replace('"version":1', '"version":2')],
    [
      'a salt of the wrong length',
      (t: string) => t.replace(Buffer.alloc(16, 1).toString('base64'), Buffer.alloc(8, 1).toString('base64')),
    ],
    ['a missing MAC line', (t: string) => `${t.split('\n').slice(0, 2).join('\n')}\n`],
    ['CRLF line endings', (t: string) => t.replace(/\n/g, '\r\n')],
    ['a trailing byte', (t: string) => `${t} `],
    ['another magic', (t: string) => t.replace('CASEVAULT-HEADER/1', 'CASEVAULT-HEADER/2')],
    ['invalid UTF-8', () => '\u0000'],
  ])('refuses %s as HEADER_DAMAGED', (_name, edit) => {
    expect(codeOf(() => parseHeader(mutate(edit)))).toBe('HEADER_DAMAGED');
  });

  it('refuses planted KDF parameters before any key derivation', () => {
    const bytes = mutate((t) => t.replace('"opslimit":3', '"opslimit":4000000000'));
    expect(codeOf(() => parseHeader(bytes))).toBe('KDF_PARAMS_OUT_OF_BOUNDS');
    const weak = mutate((t) => t.replace('"memlimit":268435456', '"memlimit":8192'));
    expect(codeOf(() => parseHeader(weak))).toBe('KDF_PARAMS_OUT_OF_BOUNDS');
  });

  it('refuses an oversized file', () => {
    expect(codeOf(() => parseHeader(new Uint8Array(17 * 1024)))).toBe('HEADER_DAMAGED');
  });
});
