/**
 * Vault handlers only translate between the contract and the VaultService. Successful opens count
 * as activity so the idle timer starts from the moment the vault became readable.
 */
import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

const OK = { ok: true } as const;

export function registerVaultHandlers(register: Register, deps: IpcDeps): void {
  const { service } = deps;
  register('vault:status', () => service.status());
  register('vault:create', async ({ passphrase, kdf }) => {
    const result = await service.create(passphrase, kdf);
    deps.activity();
    return result;
  });
  register('vault:unlock', async ({ passphrase }) => {
    await service.unlock(passphrase);
    deps.activity();
    return OK;
  });
  register('vault:lock', async () => {
    await service.lock('user');
    return OK;
  });
  register('vault:change-passphrase', async ({ current, next }) => {
    await service.changePassphrase(current, next);
    deps.activity();
    return OK;
  });
  register('vault:recover', async ({ recoveryKey, newPassphrase }) => {
    await service.recover(recoveryKey, newPassphrase);
    deps.activity();
    return OK;
  });
}
