/** The e2e harness relies on this: createAppServices, run from source, finds and starts the real worker. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createAppServices } from '../../../electron/main/app-services.ts';

it('starts the default worker-backed service from the source tree', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'casevault-services-'));
  const services = createAppServices({
    vaultDir: join(dir, 'vault'),
    preferencesFile: join(dir, 'preferences.json'),
    hideWindow: () => {},
    sendEvent: () => {},
    appInfo: () => ({ version: '0.1.0', platform: 'linux', systemLanguage: 'en' }),
  });
  try {
    expect(await services.registry.invoke('vault:status', {})).toEqual({
      ok: true,
      value: { state: 'none' },
    });
  } finally {
    await services.dispose();
  }
});
