/**
 * The worker host end to end: the real vault worker (electron/host/vault-worker.ts, run from source
 * by Node 24's type stripping) with the real LocalVaultService, SQLCipher and Argon2id in a temp
 * folder; and a misbehaving worker to show that no foreign error message crosses back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerVaultService } from '../../../electron/host/worker-vault-service.ts';
import { CaseVaultError } from '../../../shared/errors.ts';

const REAL_WORKER = new URL('../../../electron/host/vault-worker.ts', import.meta.url);
const MISBEHAVING_WORKER = new URL('./fixtures/misbehaving-worker.ts', import.meta.url);

const open: WorkerVaultService[] = [];
function service(workerUrl: URL, dir = mkdtempSync(join(tmpdir(), 'casevault-worker-'))) {
  const created = new WorkerVaultService({ dir, workerUrl });
  open.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CaseVaultError);
    return (error as CaseVaultError).code;
  }
  throw new Error('expected a rejection');
}

describe('WorkerVaultService with the real vault worker', () => {
  it('creates, locks, refuses a wrong passphrase, unlocks, all off the main thread', async () => {
    const vault = service(REAL_WORKER);
    const locked = vi.fn();
    vault.onLocked(locked);

    expect(await vault.status()).toEqual({ state: 'none' });
    const { recoveryKey } = await vault.create('correct horse battery staple', 'moderate');
    expect(typeof recoveryKey).toBe('string');
    expect((await vault.status()).state).toBe('unlocked');

    await vault.lock('user');
    expect(locked).toHaveBeenCalledExactlyOnceWith('user');
    expect((await vault.status()).state).toBe('locked');

    // While Argon2id runs in the worker, main's event loop keeps turning.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const wrong = await codeOf(vault.unlock('not the passphrase'));
    clearInterval(ticker);
    expect(wrong).toBe('WRONG_PASSPHRASE');
    expect(ticks).toBeGreaterThan(3);

    await vault.unlock('correct horse battery staple');
    expect((await vault.status()).state).toBe('unlocked');
    expect(await codeOf(vault.create('another passphrase here', 'moderate'))).toBe('VAULT_ALREADY_UNLOCKED');

    await vault.dispose();
    expect(locked).toHaveBeenLastCalledWith('user');
    expect(await codeOf(vault.status())).toBe('INTERNAL');
  });
});

describe('WorkerVaultService error boundary', () => {
  it('turns a foreign error into INTERNAL without its message', async () => {
    const vault = service(MISBEHAVING_WORKER, '/secret/dir');
    const error = await vault.create('secret passphrase', 'moderate').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseVaultError);
    expect((error as CaseVaultError).code).toBe('INTERNAL');
    expect(String((error as Error).message)).not.toMatch(/SqliteError|secret passphrase|\/secret\/dir/);
    expect(await codeOf(vault.changePassphrase('a', 'b'))).toBe('INTERNAL');
  });

  it('keeps the code and detail of a CaseVaultError', async () => {
    const vault = service(MISBEHAVING_WORKER);
    const error = (await vault.unlock('x').catch((e: unknown) => e)) as CaseVaultError;
    expect(error.code).toBe('WRONG_PASSPHRASE');
    expect(error.detail).toBe('keyslot passphrase');
  });

  it('forwards lock events', async () => {
    const vault = service(MISBEHAVING_WORKER);
    const locked = vi.fn();
    const off = vault.onLocked(locked);
    await vault.lock('panic');
    expect(locked).toHaveBeenCalledExactlyOnceWith('panic');
    off();
    await vault.lock('idle');
    expect(locked).toHaveBeenCalledTimes(1);
  });

  it('fails pending calls when the worker dies, then starts a fresh one', async () => {
    const vault = service(MISBEHAVING_WORKER);
    expect(await codeOf(vault.unlock('crash'))).toBe('INTERNAL');
    expect(await vault.status()).toEqual({ state: 'locked' });
  });
});
