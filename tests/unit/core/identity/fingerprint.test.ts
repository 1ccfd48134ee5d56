import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import {
  fingerprintMatches,
  fingerprintOf,
  fingerprintQrText,
  formatFingerprint,
} from '../../../../electron/core/identity/fingerprint.ts';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const keys = (a: number, b: number) => ({
  boxPublicKey: new Uint8Array(32).fill(a),
  signPublicKey: new Uint8Array(32).fill(b),
});

describe('fingerprint', () => {
  it('matches the golden vector (docs/key-card-format.md §Test vectors)', () => {
    const fp = fingerprintOf(sodium, keys(1, 2));
    expect(formatFingerprint(fp)).toMatchInlineSnapshot(
      `"43076 22233 79900 29791 58219 45877 48743 61616 20650 46194 35778 46924"`,
    );
    expect(fp.id).toMatchInlineSnapshot(`"8199b7d5e476b87516d9b59ab8c11c62d317883f54755ca32bd2517c7ff50944"`);
  });

  it('is 12 groups of 5 digits and depends on both keys, and on which key is which', () => {
    const fp = fingerprintOf(sodium, keys(1, 2));
    expect(fp.digits).toHaveLength(12);
    for (const group of fp.digits) expect(group).toMatch(/^\d{5}$/);
    expect(fingerprintOf(sodium, keys(1, 3)).id).not.toBe(fp.id);
    expect(fingerprintOf(sodium, keys(3, 2)).id).not.toBe(fp.id);
    expect(fingerprintOf(sodium, keys(2, 1)).id).not.toBe(fp.id);
  });

  it('compares typed digits, ignoring spaces and dashes, refusing any wrong digit', () => {
    const fp = fingerprintOf(sodium, keys(4, 5));
    const all = fp.digits.join('');
    expect(fingerprintMatches(fp, formatFingerprint(fp))).toBe(true);
    expect(fingerprintMatches(fp, fp.digits.join('-'))).toBe(true);
    expect(fingerprintMatches(fp, all)).toBe(true);
    for (let i = 0; i < 60; i += 7) {
      const wrong = all.slice(0, i) + ((Number(all[i]) + 1) % 10) + all.slice(i + 1);
      expect(fingerprintMatches(fp, wrong)).toBe(false);
    }
    expect(fingerprintMatches(fp, all.slice(0, 59))).toBe(false);
    expect(fingerprintQrText(fp)).toBe(`casevault-fingerprint:1:${all}`);
  });
});
