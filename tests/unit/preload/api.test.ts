import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { buildApi, type CaseVaultApi, methodPath } from '../../../electron/preload/api.ts';
import { CHANNELS, type IpcResult } from '../../../shared/ipc/contract.ts';
import { PRELOAD_ONLY_CHANNELS } from '../../../shared/ipc/files-contract.ts';

function setup() {
  const invoke = vi.fn(
    async (_channel: string, _input: unknown): Promise<IpcResult<unknown>> => ({
      ok: true,
      value: { ok: true },
    }),
  );
  const unsubscribe = vi.fn();
  const subscribe = vi.fn((_event: string, _listener: (payload: unknown) => void) => unsubscribe);
  return { api: buildApi(invoke, subscribe), invoke, subscribe, unsubscribe };
}

describe('preload API', () => {
  it('has exactly one function per contract channel (but the preload-only ones), `files.drop` and `on`', () => {
    const { api } = setup();
    const exposed = Object.entries(api).flatMap(([area, group]) =>
      area === 'on' ? [] : Object.keys(group as object).map((method) => `${area}.${method}`),
    );
    const expected = CHANNELS.filter(
      (channel) => !(PRELOAD_ONLY_CHANNELS as readonly string[]).includes(channel),
    )
      .map((channel) => methodPath(channel).join('.'))
      .concat('files.drop');
    expect(exposed.sort()).toEqual(expected.sort());
    expect(typeof api.on).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.vault)).toBe(true);
  });

  it('maps kebab-case actions to camelCase methods', () => {
    expect(methodPath('vault:change-passphrase')).toEqual(['vault', 'changePassphrase']);
    expect(methodPath('app:info')).toEqual(['app', 'info']);
  });

  it('sends each call on its own channel, with {} when no input is given', async () => {
    const { api, invoke } = setup();
    await api.vault.unlock({ passphrase: 'p' });
    await api.vault.changePassphrase({ current: 'a', next: 'b' });
    await api.vault.lock();
    expect(invoke.mock.calls).toEqual([
      ['vault:unlock', { passphrase: 'p' }],
      ['vault:change-passphrase', { current: 'a', next: 'b' }],
      ['vault:lock', {}],
    ]);
  });

  it('subscribes to contract events only and returns the unsubscribe', () => {
    const { api, subscribe, unsubscribe } = setup();
    const listener = vi.fn();
    const off = api.on('vault:locked', listener);
    expect(subscribe).toHaveBeenCalledWith('vault:locked', listener);
    off();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(() => api.on('vault:secret-internal' as never, listener)).toThrow(TypeError);
    expect(() => api.on('vault:locked', 'not a function' as never)).toThrow(TypeError);
  });

  it('types each method from the contract', () => {
    expectTypeOf<CaseVaultApi['vault']['unlock']>().parameter(0).toEqualTypeOf<{ passphrase: string }>();
    expectTypeOf<CaseVaultApi['vault']['create']>().returns.resolves.toEqualTypeOf<
      IpcResult<{ recoveryKey: string }>
    >();
    expectTypeOf<CaseVaultApi>().toHaveProperty('settings');
    // @ts-expect-error: there is no generic invoke
    expectTypeOf<CaseVaultApi>().toHaveProperty('invoke');
  });
});

describe('preload API arguments', () => {
  it('requires an input only where the contract has required fields', () => {
    expectTypeOf<Parameters<CaseVaultApi['vault']['lock']>>().toEqualTypeOf<
      [input?: Record<string, never>]
    >();
    expectTypeOf<Parameters<CaseVaultApi['vault']['unlock']>>().toEqualTypeOf<
      [input: { passphrase: string }]
    >();
  });
});
