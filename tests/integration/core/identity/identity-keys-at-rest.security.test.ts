/**
 * Threat: a seized laptop. The vault's identity secret keys (which can read every export sealed to
 * this vault and sign as it) must appear in no file of the vault folder — database, WAL, shared
 * memory, header — neither while the vault is unlocked nor after lock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allFileBytes } from '../../../helpers/vault.ts';
import { type IdentityFixture, openIdentityFixture } from './fixture.ts';

let fx: IdentityFixture;
beforeEach(async () => {
  fx = await openIdentityFixture('Awa Ndiaye');
});
afterEach(() => fx.cleanup());

function secrets(f: IdentityFixture): Buffer[] {
  return f.identity.withOwnSecretKeys((keys) => [
    Buffer.from(keys.boxSecretKey),
    Buffer.from(keys.signSecretKey.subarray(0, 32)), // the Ed25519 seed
  ]);
}

function leaks(dir: string, needles: Buffer[]): string[] {
  const found: string[] = [];
  for (const { name, bytes } of allFileBytes(dir)) {
    for (const needle of needles) {
      if (bytes.includes(needle) || bytes.includes(Buffer.from(needle.toString('hex')))) found.push(name);
      if (bytes.includes(Buffer.from(needle.toString('base64url')))) found.push(name);
    }
  }
  return found;
}

describe('identity keys at rest', () => {
  it('are in no file of the vault folder, unlocked or locked', () => {
    const needles = secrets(fx);
    expect(needles.every((n) => n.length === 32)).toBe(true);
    expect(leaks(fx.dir, needles)).toEqual([]);
    fx.session.lock();
    expect(leaks(fx.dir, needles)).toEqual([]);
  });

  it('the scan itself finds bytes that are there (so an empty result means something)', () => {
    const [first] = allFileBytes(fx.dir);
    expect(first).toBeDefined();
    const sample = first!.bytes.subarray(100, 132);
    expect(leaks(fx.dir, [Buffer.from(sample)])).not.toEqual([]);
  });
});
