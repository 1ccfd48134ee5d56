/**
 * The identity area through the async VaultService the app uses (the worker runs this same class):
 * op names dispatch to the identity op table, outputs match the IPC contract's schemas, and every
 * op refuses with VAULT_LOCKED once the vault is locked.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalVaultService } from '../../../../electron/core/service/local-vault-service.ts';
import { contract } from '../../../../shared/ipc/contract.ts';
import { PASSPHRASE, tempDir } from '../../../helpers/vault.ts';

let dir: string;
let cleanup: () => void;
let a: LocalVaultService;
let b: LocalVaultService;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  a = new LocalVaultService({ dir: path.join(dir, 'a') });
  b = new LocalVaultService({ dir: path.join(dir, 'b') });
});
afterEach(async () => {
  await a.dispose();
  await b.dispose();
  cleanup();
});

describe('VaultService.identity', () => {
  it('answers the identity and contacts operations with contract-shaped views, and refuses when locked', async () => {
    await a.create(PASSPHRASE, 'moderate');
    await b.create(PASSPHRASE, 'moderate');
    const view = contract['identity:get'].output.parse(
      await a.identity('update', { name: 'Awa', organisation: 'Réseau', role: 'Juriste' }),
    );
    expect(view.cardText).toMatch(/^casevault-card:1:/);
    const imported = contract['contacts:import-text'].output.parse(
      await b.identity('contacts-import', { card: view.cardText, role: 'legal' }),
    );
    expect(imported.contact.fingerprint.digits).toEqual(view.fingerprint.digits);
    contract['contacts:list'].output.parse(await b.identity('contacts-list', {}));
    contract['contacts:get'].output.parse(await b.identity('contacts-get', { id: imported.contact.id }));
    const report = contract['contacts:check-sendable'].output.parse(
      await b.identity('contacts-check-sendable', { ids: [imported.contact.id] }),
    );
    expect(report).toMatchObject({ ok: true, allVerified: false });
    await expect(b.identity('no-such-op', {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    await b.lock('user');
    await expect(b.identity('contacts-list', {})).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await b.unlock(PASSPHRASE);
    expect(await b.identity('contacts-list', {})).toHaveLength(1);
  });
});
