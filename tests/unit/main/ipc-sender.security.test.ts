/**
 * Threat: an iframe, a second window, or a page that is not ours (after a navigation that slipped
 * through) calls the vault's IPC channels. Only the main window's main frame showing
 * casevault://app/ is served.
 */
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract.ts';

vi.mock('electron', () => ({}));

const { installIpc, REFUSED_SENDER } = await import('../../../electron/main/ipc/install.ts');
const { isTrustedSender } = await import('../../../electron/main/security-policy.ts');

const PREFIXES = ['casevault://app/'];

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  return {
    handlers,
    handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => {
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

describe('IPC sender check', () => {
  const mainFrame = { url: 'casevault://app/index.html' };

  it('trusts only the main frame showing the app', () => {
    expect(isTrustedSender(mainFrame, mainFrame, PREFIXES)).toBe(true);
    expect(isTrustedSender({ url: 'casevault://app/index.html' }, mainFrame, PREFIXES)).toBe(false);
    expect(isTrustedSender(null, mainFrame, PREFIXES)).toBe(false);
    expect(isTrustedSender(mainFrame, undefined, PREFIXES)).toBe(false);
    const navigated = { url: 'https://evil.example/casevault://app/' };
    expect(isTrustedSender(navigated, navigated, PREFIXES)).toBe(false);
    const lookalike = { url: 'casevault://app.evil/' };
    expect(isTrustedSender(lookalike, lookalike, PREFIXES)).toBe(false);
  });

  it('registers every contract channel, refuses foreign frames without calling the registry', async () => {
    const ipcMain = fakeIpcMain();
    const registry = { channels: CHANNELS, invoke: vi.fn(async () => ({ ok: true as const, value: {} })) };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const uninstall = installIpc(ipcMain as never, registry, {
      mainFrame: () => mainFrame as never,
      trustedPrefixes: PREFIXES,
    });
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());

    const unlock = ipcMain.handlers.get('vault:unlock')!;
    const iframe = { url: 'casevault://app/index.html' };
    expect(await unlock({ senderFrame: iframe }, { passphrase: 'secret-in-iframe' })).toEqual(REFUSED_SENDER);
    expect(await unlock({ senderFrame: { url: 'https://evil.example/' } }, {})).toEqual(REFUSED_SENDER);
    expect(await unlock({ senderFrame: null }, {})).toEqual(REFUSED_SENDER);
    expect(registry.invoke).not.toHaveBeenCalled();
    expect(JSON.stringify(warn.mock.calls)).not.toContain('secret-in-iframe');

    expect(await unlock({ senderFrame: mainFrame }, { passphrase: 'p' })).toEqual({ ok: true, value: {} });
    expect(registry.invoke).toHaveBeenCalledExactlyOnceWith('vault:unlock', { passphrase: 'p' });

    uninstall();
    expect(ipcMain.handlers.size).toBe(0);
    warn.mockRestore();
  });

  it('refuses everything when there is no window', async () => {
    const ipcMain = fakeIpcMain();
    const registry = { channels: CHANNELS, invoke: vi.fn() };
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    installIpc(ipcMain as never, registry as never, {
      mainFrame: () => undefined,
      trustedPrefixes: PREFIXES,
    });
    expect(await ipcMain.handlers.get('vault:status')!({ senderFrame: mainFrame }, {})).toEqual(
      REFUSED_SENDER,
    );
    expect(registry.invoke).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
