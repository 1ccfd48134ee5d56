import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalVaultService } from '../../../electron/core/service/local-vault-service.ts';
import { PASSPHRASE, tempDir } from '../../helpers/vault.ts';

let dir: string;
let cleanup: () => void;
let service: LocalVaultService;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  service = new LocalVaultService({ dir: path.join(dir, 'vault') });
});
afterEach(async () => {
  await service.dispose();
  cleanup();
});

describe('LocalVaultService', () => {
  it('walks none → unlocked → locked → unlocked, announcing each lock with its reason', async () => {
    const reasons: string[] = [];
    service.onLocked((reason) => reasons.push(reason));
    expect(await service.status()).toEqual({ state: 'none' });
    const { recoveryKey } = await service.create(PASSPHRASE, 'moderate');
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    const status = await service.status();
    expect(status.state).toBe('unlocked');
    expect(status.info?.kdf).toEqual({ alg: 'argon2id13', opslimit: 3, memlimit: 256 * 1024 * 1024 });
    await service.lock('idle');
    await service.lock('idle'); // already locked: no second event
    expect(reasons).toEqual(['idle']);
    expect((await service.status()).state).toBe('locked');
    await expect(service.unlock('pas la bonne phrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await service.unlock(PASSPHRASE);
    await expect(service.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'VAULT_ALREADY_UNLOCKED' });
    await expect(service.create(PASSPHRASE, 'moderate')).rejects.toMatchObject({
      code: 'VAULT_ALREADY_UNLOCKED',
    });
  });

  it('changes the passphrase only with the current one, and recovers from the locked state', async () => {
    const { recoveryKey } = await service.create(PASSPHRASE, 'moderate');
    await expect(
      service.changePassphrase('pas la bonne phrase', 'une nouvelle phrase longue'),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await service.changePassphrase(PASSPHRASE, 'une nouvelle phrase longue');
    await service.lock();
    await expect(
      service.changePassphrase('une nouvelle phrase longue', 'x'.repeat(20)),
    ).rejects.toMatchObject({
      code: 'VAULT_LOCKED',
    });
    await expect(service.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await service.recover(recoveryKey, 'phrase après récupération');
    expect((await service.status()).state).toBe('unlocked');
    await service.lock();
    await service.unlock('phrase après récupération');
  });
});
