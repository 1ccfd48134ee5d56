import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../../electron/main/paths.ts';

describe('resolveAppPaths', () => {
  const userData = '/home/ana/.config/CaseVault';

  it('puts everything inside userData', () => {
    expect(resolveAppPaths({ userData, isPackaged: true, env: {} })).toEqual({
      userData,
      vaultDir: '/home/ana/.config/CaseVault/vault',
      preferencesFile: '/home/ana/.config/CaseVault/preferences.json',
      crashDumps: '/home/ana/.config/CaseVault/crash-dumps',
    });
  });

  it('honours CASEVAULT_VAULT_DIR only when not packaged', () => {
    const env = { CASEVAULT_VAULT_DIR: '/tmp/dev-vault' };
    expect(resolveAppPaths({ userData, isPackaged: false, env }).vaultDir).toBe('/tmp/dev-vault');
    expect(resolveAppPaths({ userData, isPackaged: true, env }).vaultDir).toBe(`${userData}/vault`);
  });

  it('ignores a relative override', () => {
    const env = { CASEVAULT_VAULT_DIR: 'vault-here' };
    expect(resolveAppPaths({ userData, isPackaged: false, env }).vaultDir).toBe(`${userData}/vault`);
  });
});
