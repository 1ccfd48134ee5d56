/**
 * Where CaseVault keeps its files. Main decides; the renderer never sends a path.
 * No electron import: `index.ts` passes in what `app` knows.
 */
import { isAbsolute, join, resolve } from 'node:path';

export interface AppPaths {
  userData: string;
  vaultDir: string;
  preferencesFile: string;
  crashDumps: string;
}

export function resolveAppPaths(opts: {
  userData: string;
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}): AppPaths {
  const override = opts.env.CASEVAULT_VAULT_DIR;
  // The override exists for development only: a packaged app must not be pointed at another
  // folder by whoever can set its environment.
  const vaultDir =
    !opts.isPackaged && override && isAbsolute(override) ? resolve(override) : join(opts.userData, 'vault');
  return {
    userData: opts.userData,
    vaultDir,
    preferencesFile: join(opts.userData, 'preferences.json'),
    crashDumps: join(opts.userData, 'crash-dumps'),
  };
}
