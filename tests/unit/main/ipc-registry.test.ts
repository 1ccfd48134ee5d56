import { describe, expect, it } from 'vitest';
import { HandlerTable } from '../../../electron/main/ipc/handler-table.ts';
import { createIpcRegistry, registryFromTable } from '../../../electron/main/ipc/registry.ts';
import { CaseVaultError } from '../../../shared/errors.ts';
import { CHANNELS } from '../../../shared/ipc/contract.ts';
import { makeDeps } from './helpers/deps.ts';

describe('IPC registry', () => {
  it('has a handler for every contract channel and no other', () => {
    const { deps } = makeDeps();
    const registry = createIpcRegistry(deps);
    expect([...registry.channels].sort()).toEqual([...CHANNELS].sort());
  });

  it('throws when a channel is registered twice', () => {
    const table = new HandlerTable();
    table.register('app:info', () => ({ version: '1', platform: 'linux', systemLanguage: 'en' }));
    expect(() =>
      table.register('app:info', () => ({ version: '2', platform: 'linux', systemLanguage: 'en' })),
    ).toThrow(/registered twice: app:info/);
  });

  it('throws when a channel outside the contract is registered', () => {
    const table = new HandlerTable();
    // @ts-expect-error: not a contract channel
    expect(() => table.register('vault:sql', () => ({}))).toThrow(/not in the contract/);
  });

  it('refuses to start when a contract channel has no handler', () => {
    const table = new HandlerTable();
    table.register('app:info', () => ({ version: '1', platform: 'linux', systemLanguage: 'en' }));
    expect(() => registryFromTable(table)).toThrow(/without a handler/);
  });

  it.each(['vault:sql', 'constructor', '__proto__', 'toString', '', 'app:info '])(
    'refuses the unknown channel %j',
    async (channel) => {
      const { deps } = makeDeps();
      const result = await createIpcRegistry(deps).invoke(channel, {});
      expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: 'channel' } });
    },
  );

  it('dispatches a valid call and returns the parsed output', async () => {
    const { deps, service } = makeDeps();
    const registry = createIpcRegistry(deps);
    const created = await registry.invoke('vault:create', {
      passphrase: 'correct horse battery',
      kdf: 'moderate',
    });
    expect(created).toEqual({ ok: true, value: { recoveryKey: 'AAAA-BBBB-CCCC' } });
    expect(await registry.invoke('vault:status', {})).toEqual({ ok: true, value: { state: 'unlocked' } });
    expect(await registry.invoke('vault:lock', {})).toEqual({ ok: true, value: { ok: true } });
    expect(service.calls).toContain('lock:user');
    expect(deps.activity).toHaveBeenCalledTimes(1);
  });

  it('returns a CaseVaultError as its code', async () => {
    const { deps, service } = makeDeps();
    service.state = 'locked';
    service.passphrase = 'right one';
    const result = await createIpcRegistry(deps).invoke('vault:unlock', { passphrase: 'wrong one' });
    expect(result).toEqual({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(deps.activity).not.toHaveBeenCalled();
  });

  it('stores settings and returns the merged result', async () => {
    const { deps } = makeDeps();
    const registry = createIpcRegistry(deps);
    expect(await registry.invoke('settings:set', { language: 'fr' })).toEqual({
      ok: true,
      value: { language: 'fr', autoLockMinutes: 5 },
    });
    expect(await registry.invoke('settings:get', {})).toEqual({
      ok: true,
      value: { language: 'fr', autoLockMinutes: 5 },
    });
  });

  it('routes panic and activity to their dependencies', async () => {
    const { deps } = makeDeps();
    const registry = createIpcRegistry(deps);
    expect(await registry.invoke('app:panic', {})).toEqual({ ok: true, value: { ok: true } });
    expect(await registry.invoke('session:activity', {})).toEqual({ ok: true, value: { ok: true } });
    expect(deps.panic).toHaveBeenCalledTimes(1);
    expect(deps.activity).toHaveBeenCalledTimes(1);
  });

  it('refuses an output that breaks the contract with INTERNAL', async () => {
    const { deps } = makeDeps({
      appInfo: () => ({ version: '1', platform: 'linux', systemLanguage: 'de' }) as never,
    });
    expect(await createIpcRegistry(deps).invoke('app:info', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('keeps the detail of a CaseVaultError', async () => {
    const { deps, service } = makeDeps();
    service.status = async () => {
      throw new CaseVaultError('IO_ERROR', 'vault.header');
    };
    expect(await createIpcRegistry(deps).invoke('vault:status', {})).toEqual({
      ok: false,
      error: { code: 'IO_ERROR', detail: 'vault.header' },
    });
  });
});
