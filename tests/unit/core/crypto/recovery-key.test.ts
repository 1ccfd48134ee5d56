import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
  RECOVERY_KEY_BYTES,
} from '../../../../electron/core/crypto/recovery-key.ts';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('recovery key', () => {
  it('is nine groups of four Crockford base32 characters', () => {
    const text = formatRecoveryKey(sodium, generateRecoveryKey(sodium));
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('round-trips any 20 bytes, forgiving case, spaces and O/I/L confusions', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: RECOVERY_KEY_BYTES, maxLength: RECOVERY_KEY_BYTES }),
        (bytes) => {
          const text = formatRecoveryKey(sodium, bytes);
          expect(parseRecoveryKey(sodium, text)).toEqual(bytes);
          const sloppy = ` ${text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
          expect(parseRecoveryKey(sodium, sloppy)).toEqual(bytes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('catches any single mistyped character with the check group', () => {
    const bytes = generateRecoveryKey(sodium);
    const text = formatRecoveryKey(sodium, bytes).replace(/-/g, '');
    let caught = 0;
    for (let i = 0; i < text.length; i++) {
      const other = text[i] === '7' ? '8' : '7';
      const typo = text.slice(0, i) + other + text.slice(i + 1);
      if (code(() => parseRecoveryKey(sodium, typo)) === 'RECOVERY_KEY_MALFORMED') caught++;
    }
    // 20 check bits: a collision is possible in principle (about 1 in a million per typo).
    expect(caught).toBeGreaterThanOrEqual(text.length - 1);
  });

  it('refuses wrong lengths and foreign characters without echoing them', () => {
    for (const typed of ['', 'ABCD', 'U'.repeat(36), `${'A'.repeat(36)}A`]) {
      let message = '';
      try {
        parseRecoveryKey(sodium, typed);
      } catch (error) {
        message = (error as Error).message;
        expect((error as { code?: string }).code).toBe('RECOVERY_KEY_MALFORMED');
      }
      if (typed.length > 4) expect(message).not.toContain(typed);
    }
  });
});
