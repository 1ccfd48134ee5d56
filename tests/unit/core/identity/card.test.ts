import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import {
  CARD_SIGNATURE_DOMAIN,
  cardSigningBytes,
  cardToFile,
  cardToText,
  encodeCardBody,
  parseCard,
} from '../../../../electron/core/identity/card.ts';
import { keysFromSeed, makeCard } from './card-helpers.ts';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? 'foreign';
  }
};

describe('key card: encoding and round trip', () => {
  it('round-trips through the text form and the file form, giving the same card', () => {
    const card = makeCard(sodium, 1);
    const text = cardToText(card);
    expect(text).toMatch(/^casevault-card:1:[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(400);
    for (const form of [text, cardToFile(card), `  ${text}\n`]) {
      const parsed = parseCard(sodium, form);
      expect(parsed.name).toBe(card.name);
      expect(parsed.organisation).toBe(card.organisation);
      expect(parsed.role).toBe(card.role);
      expect(parsed.issuedAt).toBe(card.issuedAt);
      expect(parsed.boxPublicKey).toEqual(card.boxPublicKey);
      expect(parsed.signPublicKey).toEqual(card.signPublicKey);
      expect(cardToText(parsed)).toBe(text);
    }
  });

  it('lays the body out as documented (docs/key-card-format.md §Body)', () => {
    const card = makeCard(sodium, 2, { name: 'Ana', organisation: '', role: 'x' });
    const body = encodeCardBody(card);
    expect(body[0]).toBe(1);
    expect(body.subarray(1, 33)).toEqual(card.boxPublicKey);
    expect(body.subarray(33, 65)).toEqual(card.signPublicKey);
    expect(Buffer.from(body.subarray(65, 73)).readBigUInt64BE()).toBe(BigInt(Date.parse(card.issuedAt)));
    expect([...body.subarray(73)]).toEqual([0, 3, 65, 110, 97, 0, 0, 0, 1, 120]);
    const signing = cardSigningBytes(body);
    expect(Buffer.from(signing.subarray(0, CARD_SIGNATURE_DOMAIN.length)).toString()).toBe(
      'casevault-card-v1',
    );
    expect(signing[CARD_SIGNATURE_DOMAIN.length]).toBe(0);
    expect(sodium.crypto_sign_verify_detached(card.signature, signing, card.signPublicKey)).toBe(true);
  });

  it('pins the text form of a fixed card (a golden vector for other implementations)', () => {
    const card = makeCard(sodium, 7, { name: 'Test', organisation: 'Org', role: 'Role' });
    expect(cardToText(card)).toMatchInlineSnapshot(
      `"casevault-card:1:ARkBDgqnE8xOznbknApatLgX1dbS5AQstdyi7PR3SENV6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iwAAAGh-GYNAAAEVGVzdAADT3JnAARSb2xlARvyx7yh-3DZhk7qqO2lGoUoCvDIoIXZXqxA-uaVBfca_gnJ-QPFzMvRPLT17dqnAGUaCX2eL7NF776Vr70ZCg"`,
    );
  });
});

describe('key card: refusals', () => {
  it('refuses a card whose name was moved onto other keys (signature)', () => {
    const card = makeCard(sodium, 3);
    const other = keysFromSeed(sodium, 4);
    const file = JSON.parse(cardToFile(card));
    file.signPublicKey = Buffer.from(other.sign.publicKey).toString('base64url');
    expect(codeOf(() => parseCard(sodium, JSON.stringify(file)))).toBe('CARD_SIGNATURE_INVALID');
    const renamed = { ...JSON.parse(cardToFile(card)), name: 'Quelqu’un d’autre' };
    expect(codeOf(() => parseCard(sodium, JSON.stringify(renamed)))).toBe('CARD_SIGNATURE_INVALID');
  });

  it('refuses unknown versions with their own code', () => {
    const text = cardToText(makeCard(sodium, 5));
    expect(codeOf(() => parseCard(sodium, text.replace(':1:', ':2:')))).toBe('CARD_VERSION_UNSUPPORTED');
    const body = Buffer.from(text.slice('casevault-card:1:'.length), 'base64url');
    body[0] = 2;
    expect(codeOf(() => parseCard(sodium, `casevault-card:1:${body.toString('base64url')}`))).toBe(
      'CARD_VERSION_UNSUPPORTED',
    );
    const file = { ...JSON.parse(cardToFile(makeCard(sodium, 5))), version: 9 };
    expect(codeOf(() => parseCard(sodium, JSON.stringify(file)))).toBe('CARD_VERSION_UNSUPPORTED');
  });

  it('refuses malformed input: other text, extra fields, non-canonical base64, oversize, bad names', () => {
    const card = makeCard(sodium, 6);
    const file = JSON.parse(cardToFile(card));
    const cases: string[] = [
      '',
      'hello',
      'casevault-card:',
      'casevault-card:1:',
      'casevault-card:x:AAAA',
      `${cardToText(card)}A`,
      `${cardToText(card)}==`,
      JSON.stringify({ ...file, extra: 1 }),
      JSON.stringify({ ...file, type: 'other' }),
      JSON.stringify({ ...file, version: '1' }),
      JSON.stringify({ ...file, issuedAt: '2026-11-20T10:00:00Z' }),
      JSON.stringify({ ...file, boxPublicKey: `${file.boxPublicKey}=` }),
      JSON.stringify({ ...file, name: '' }),
      JSON.stringify({ ...file, name: 'a\u202eb' }),
      JSON.stringify({ ...file, name: ' padded' }),
      JSON.stringify({ ...file, name: 'x'.repeat(101) }),
      JSON.stringify([file]),
      'x'.repeat(20_000),
      `casevault-card:1:${'A'.repeat(5000)}`,
    ];
    for (const input of cases)
      expect(
        codeOf(() => parseCard(sodium, input)),
        input.slice(0, 60),
      ).toBe('CARD_MALFORMED');
  });

  it('refuses a small-order X25519 key even with a valid signature', () => {
    const { sign } = keysFromSeed(sodium, 8);
    const lowOrder = new Uint8Array(32); // the identity point: every shared secret would be zero
    lowOrder[0] = 1;
    const text = cardToText(makeCard(sodium, 8, { boxPublicKey: lowOrder, signPublicKey: sign.publicKey }));
    expect(codeOf(() => parseCard(sodium, text))).toBe('CARD_MALFORMED');
  });
});
