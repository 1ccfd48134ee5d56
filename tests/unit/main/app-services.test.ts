import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppServices } from '../../../electron/main/app-services.ts';
import { FakeVaultService } from './helpers/fake-vault-service.ts';

function setup(now?: () => number) {
  const dir = mkdtempSync(join(tmpdir(), 'casevault-services-'));
  const service = new FakeVaultService();
  const hideWindow = vi.fn();
  const sendEvent = vi.fn();
  const services = createAppServices({
    vaultDir: join(dir, 'vault'),
    preferencesFile: join(dir, 'preferences.json'),
    service,
    hideWindow,
    sendEvent,
    appInfo: () => ({ version: '0.1.0', platform: 'linux', systemLanguage: 'fr' }),
    ...(now ? { now } : {}),
  });
  return { services, service, hideWindow, sendEvent };
}

describe('createAppServices', () => {
  it('defaults the language to the system one and auto-lock to 5 minutes', async () => {
    const { services } = setup();
    expect(await services.registry.invoke('settings:get', {})).toEqual({
      ok: true,
      value: { language: 'fr', autoLockMinutes: 5 },
    });
    await services.dispose();
  });

  it('panic hides the window, locks, and tells the renderer why', async () => {
    const { services, hideWindow, sendEvent } = setup();
    await services.registry.invoke('vault:create', { passphrase: 'long enough phrase', kdf: 'moderate' });
    expect(await services.registry.invoke('app:panic', {})).toEqual({ ok: true, value: { ok: true } });
    expect(hideWindow).toHaveBeenCalledTimes(1);
    expect(sendEvent).toHaveBeenCalledExactlyOnceWith('vault:locked', { reason: 'panic' });
    expect(await services.registry.invoke('vault:status', {})).toEqual({
      ok: true,
      value: { state: 'locked' },
    });
    await services.dispose();
  });

  it('locks after the idle delay, measured from the unlock', async () => {
    let now = 0;
    const { services, sendEvent } = setup(() => now);
    await services.registry.invoke('vault:create', { passphrase: 'long enough phrase', kdf: 'moderate' });
    now = 4 * 60_000;
    services.autoLock.check();
    expect(sendEvent).not.toHaveBeenCalled();
    await services.registry.invoke('session:activity', {});
    now = 8 * 60_000;
    services.autoLock.check();
    expect(sendEvent).not.toHaveBeenCalled();
    now = 9 * 60_000;
    services.autoLock.check();
    await vi.waitFor(() =>
      expect(sendEvent).toHaveBeenCalledExactlyOnceWith('vault:locked', { reason: 'idle' }),
    );
    await services.dispose();
  });

  it('dispose locks and releases the service', async () => {
    const { services, service } = setup();
    await services.dispose();
    await services.dispose();
    expect(service.calls.filter((call) => call === 'dispose')).toHaveLength(1);
  });
});
