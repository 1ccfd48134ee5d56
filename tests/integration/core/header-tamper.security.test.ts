/**
 * Threat: someone with access to the folder edits the vault header (to weaken or slow the KDF,
 * swap a keyslot, or just corrupt it). Every single changed byte must be refused, and a refused
 * unlock must write nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault, unlockWithPassphrase } from '../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE, snapshotFolder, tempDir } from '../../helpers/vault.ts';

const REFUSALS = new Set([
  'HEADER_DAMAGED',
  'HEADER_ALTERED',
  'KDF_PARAMS_OUT_OF_BOUNDS',
  'WRONG_PASSPHRASE',
]);

let dir: string;
let cleanup: () => void;
let original: Buffer;
beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  dir = path.join(temp.dir, 'vault');
  (await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF })).session.lock();
  original = readFileSync(path.join(dir, 'casevault.header'));
});
afterAll(() => cleanup());

describe('header tamper', () => {
  it('refuses every single flipped byte of the header, writing nothing', { timeout: 600_000 }, async () => {
    const file = path.join(dir, 'casevault.header');
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < original.length; i++) {
      const tampered = Buffer.from(original);
      tampered[i]! ^= 0x01;
      writeFileSync(file, tampered);
      const before = snapshotFolder(dir);
      let code = 'OPENED';
      try {
        (await unlockWithPassphrase(dir, PASSPHRASE)).lock();
      } catch (error) {
        code = (error as { code?: string }).code ?? 'THREW';
      }
      if (!REFUSALS.has(code)) throw new Error(`byte ${i} flipped: ${code}`);
      expect(snapshotFolder(dir)).toEqual(before);
      outcomes[code] = (outcomes[code] ?? 0) + 1;
    }
    writeFileSync(file, original);
    (await unlockWithPassphrase(dir, PASSPHRASE)).lock();
    // The MAC, not only the parser, does the work: some flips parse fine and are caught by it.
    expect(outcomes.HEADER_ALTERED).toBeGreaterThan(0);
    expect(outcomes.HEADER_DAMAGED).toBeGreaterThan(0);
  });

  it('refuses a keyslot swapped in from another vault', async () => {
    const other = tempDir();
    try {
      const otherDir = path.join(other.dir, 'v');
      (await createVault(otherDir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF })).session.lock();
      const mine = JSON.parse(original.toString('utf8').split('\n')[1]!);
      const theirs = JSON.parse(
        readFileSync(path.join(otherDir, 'casevault.header'), 'utf8').split('\n')[1]!,
      );
      mine.keyslots[0] = theirs.keyslots[0];
      const lines = original.toString('utf8').split('\n');
      lines[1] = JSON.stringify(mine);
      writeFileSync(path.join(dir, 'casevault.header'), lines.join('\n'));
      // Same passphrase, but the slot's associated data names the other vault's id.
      await expect(unlockWithPassphrase(dir, PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    } finally {
      writeFileSync(path.join(dir, 'casevault.header'), original);
      other.cleanup();
    }
  });
});
