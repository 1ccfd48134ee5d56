/**
 * Unlock cost with the default (moderate) preset, split the way the core reports it: Argon2id
 * (`timings.kdfMs`) and everything else (`timings.openMs`: header parse and MAC, keying and opening
 * the database, vault-id and schema checks, migrations). The baseline is a bare crypto_pwhash with
 * the same parameters, measured in the same run, so the ratio shows what our KDF path adds.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KDF_PRESETS } from '../electron/core/crypto/kdf.ts';
import { loadSodium } from '../electron/core/crypto/sodium.ts';
import { createVault, unlockWithPassphrase } from '../electron/core/vault/vault.ts';
import { median } from './stats.ts';

export interface UnlockFigures {
  runs: number;
  opslimit: number;
  memlimit: number;
  kdfMs: number;
  restMs: number;
  totalMs: number;
  rawArgon2idMs: number;
}

export async function benchUnlock(runs: number): Promise<UnlockFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'casevault-bench-unlock-'));
  const passphrase = 'benchmark passphrase, not a secret';
  try {
    const { session } = await createVault(path.join(dir, 'vault'), passphrase);
    session.lock();

    const sodium = await loadSodium();
    const { opslimit, memlimit } = KDF_PRESETS.moderate;
    const kdf: number[] = [];
    const rest: number[] = [];
    const total: number[] = [];
    const raw: number[] = [];
    // Unlocks and bare hashes alternate so that a busy moment on the machine hurts both alike.
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const unlocked = await unlockWithPassphrase(path.join(dir, 'vault'), passphrase);
      total.push(performance.now() - started);
      kdf.push(unlocked.timings.kdfMs);
      rest.push(unlocked.timings.openMs);
      unlocked.lock();

      const salt = randomBytes(sodium.crypto_pwhash_SALTBYTES);
      const hashStarted = performance.now();
      const key = sodium.crypto_pwhash(
        32,
        passphrase,
        salt,
        opslimit,
        memlimit,
        sodium.crypto_pwhash_ALG_ARGON2ID13,
      );
      raw.push(performance.now() - hashStarted);
      sodium.memzero(key);
    }

    return {
      runs,
      opslimit,
      memlimit,
      kdfMs: median(kdf),
      restMs: median(rest),
      totalMs: median(total),
      rawArgon2idMs: median(raw),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
