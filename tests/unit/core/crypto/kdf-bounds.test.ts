import { describe, expect, it } from 'vitest';
import {
  assertKdfBounds,
  assertPassphraseAcceptable,
  KDF_BOUNDS,
  KDF_PRESETS,
  RECOVERY_KDF,
  resolveKdf,
} from '../../../../electron/core/crypto/kdf.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('KDF bounds', () => {
  it('accepts every preset and the recovery parameters', () => {
    for (const params of [...Object.values(KDF_PRESETS), RECOVERY_KDF])
      expect(codeOf(() => assertKdfBounds(params))).toBe('ok');
  });

  it('moderate is the default: 256 MiB and 3 passes', () => {
    expect(resolveKdf(undefined)).toEqual({ opslimit: 3, memlimit: 256 * 1024 * 1024 });
  });

  it.each([
    ['too weak in memory', { opslimit: 3, memlimit: KDF_BOUNDS.memlimit.min - 1024 }],
    ['too few passes', { opslimit: 1, memlimit: 256 * 1024 * 1024 }],
    ['memory that would exhaust the machine', { opslimit: 3, memlimit: 64 * 1024 * 1024 * 1024 }],
    ['passes that would take hours', { opslimit: 1_000_000, memlimit: 256 * 1024 * 1024 }],
    ['a fractional value', { opslimit: 2.5, memlimit: 256 * 1024 * 1024 }],
    ['a negative value', { opslimit: -3, memlimit: 256 * 1024 * 1024 }],
    ['memory not a multiple of 1 KiB', { opslimit: 3, memlimit: 256 * 1024 * 1024 + 1 }],
    ['NaN', { opslimit: Number.NaN, memlimit: 256 * 1024 * 1024 }],
  ])('refuses %s', (_name, params) => {
    expect(codeOf(() => assertKdfBounds(params))).toBe('KDF_PARAMS_OUT_OF_BOUNDS');
  });
});

describe('passphrase policy', () => {
  it('refuses fewer than 12 characters, counting accented letters once', () => {
    expect(codeOf(() => assertPassphraseAcceptable('short'))).toBe('PASSPHRASE_TOO_WEAK');
    expect(codeOf(() => assertPassphraseAcceptable(' '.repeat(20)))).toBe('PASSPHRASE_TOO_WEAK');
    // 11 characters in NFD would be 12+ code units; NFC counts them as 11.
    expect(codeOf(() => assertPassphraseAcceptable('éééééééééée'.normalize('NFD')))).toBe(
      'PASSPHRASE_TOO_WEAK',
    );
    expect(codeOf(() => assertPassphraseAcceptable('défenseuse du droit'))).toBe('ok');
  });
});
