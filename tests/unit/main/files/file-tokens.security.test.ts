/**
 * Threat: a compromised renderer makes main read a file the user never chose, by guessing, reusing
 * or keeping a token. Tokens are random, single use, short lived, forgotten on lock, and an
 * invalid one spends nothing and never echoes a path.
 */
import { describe, expect, it } from 'vitest';
import {
  FILE_TOKEN_PATTERN,
  FILE_TOKEN_TTL_MS,
  FileTokenRegistry,
} from '../../../../electron/main/files/file-tokens.ts';
import { CaseVaultError } from '../../../../shared/errors.ts';

const FILE = { path: '/home/awa/Photos/IMG_0042.jpg', name: 'IMG_0042.jpg', size: 1234 };

function registry(now = { t: 1_000_000 }) {
  return { reg: new FileTokenRegistry({ now: () => now.t }), now };
}

function refusal(fn: () => unknown): CaseVaultError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CaseVaultError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('file tokens', () => {
  it('issues 256-bit random hex tokens that map back to the file once', () => {
    const { reg } = registry();
    const a = reg.issue(FILE);
    const b = reg.issue(FILE);
    expect(a).toMatch(FILE_TOKEN_PATTERN);
    expect(a).not.toBe(b);
    expect(reg.take([a])).toEqual([FILE]);
  });

  it('refuses an unknown token without saying more than its position', () => {
    const { reg } = registry();
    const error = refusal(() => reg.take(['f'.repeat(64)]));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.detail).toBe('file-selection:1');
  });

  it('refuses a reused token', () => {
    const { reg } = registry();
    const token = reg.issue(FILE);
    reg.take([token]);
    expect(refusal(() => reg.take([token])).detail).toBe('file-selection:1');
  });

  it('refuses an expired token', () => {
    const { reg, now } = registry();
    const token = reg.issue(FILE);
    now.t += FILE_TOKEN_TTL_MS;
    expect(refusal(() => reg.take([token])).code).toBe('INVALID_INPUT');
  });

  it('accepts a token just before it expires', () => {
    const { reg, now } = registry();
    const token = reg.issue(FILE);
    now.t += FILE_TOKEN_TTL_MS - 1;
    expect(reg.take([token])).toHaveLength(1);
  });

  it('is all or nothing: one bad token in a batch spends none of the good ones', () => {
    const { reg } = registry();
    const good = reg.issue(FILE);
    const error = refusal(() => reg.take([good, 'a'.repeat(64)]));
    expect(error.detail).toBe('file-selection:2');
    expect(reg.take([good])).toEqual([FILE]);
  });

  it('refuses the same token twice in one batch', () => {
    const { reg } = registry();
    const token = reg.issue(FILE);
    expect(refusal(() => reg.take([token, token])).detail).toBe('file-selection:2');
    expect(reg.take([token])).toHaveLength(1);
  });

  it('forgets everything on clear (the vault locked)', () => {
    const { reg } = registry();
    const token = reg.issue(FILE);
    reg.clear();
    expect(refusal(() => reg.take([token])).code).toBe('INVALID_INPUT');
  });

  it('bounds outstanding tokens, dropping the oldest', () => {
    const reg = new FileTokenRegistry({ maxTokens: 3 });
    const tokens = [1, 2, 3, 4].map(() => reg.issue(FILE));
    expect(reg.size).toBe(3);
    expect(() => reg.take([tokens[0]!])).toThrow(CaseVaultError);
    expect(reg.take(tokens.slice(1))).toHaveLength(3);
  });

  it('never puts a path in an error', () => {
    const { reg } = registry();
    const error = refusal(() => reg.take(['0'.repeat(64)]));
    expect(JSON.stringify({ message: error.message, detail: error.detail })).not.toContain('/home');
  });
});
