/**
 * A fake main process for DOM tests: `window.casevault` is built by the preload's real `buildApi`,
 * with handlers per channel that a test overrides. Calls are recorded (channel + input) so a test
 * can assert what did, or did not, cross the bridge.
 */
import { buildApi } from '../../electron/preload/api.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Channel, EventChannel, EventPayload, IpcResult, Settings } from '../../shared/ipc/contract.ts';

type Handler = (input: unknown) => unknown;

export interface FakeCaseVault {
  calls: Array<{ channel: Channel; input: unknown }>;
  handlers: Partial<Record<Channel, Handler>>;
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  callsTo(channel: Channel): unknown[];
}

export class FakeError {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  constructor(code: ErrorCode, detail?: string) {
    this.code = code;
    this.detail = detail;
  }
}

export function installFakeCaseVault(options: {
  state?: 'none' | 'locked' | 'unlocked';
  settings?: Partial<Settings>;
  handlers?: Partial<Record<Channel, Handler>>;
}): FakeCaseVault {
  let settings: Settings = { language: 'fr', autoLockMinutes: 5, ...options.settings };
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const fake: FakeCaseVault = {
    calls: [],
    handlers: {
      'app:info': () => ({ version: '0.1.0', platform: 'linux', systemLanguage: 'fr' }),
      'settings:get': () => settings,
      'settings:set': (input) => {
        settings = { ...settings, ...(input as Partial<Settings>) };
        return settings;
      },
      'session:activity': () => ({ ok: true }),
      'vault:status': () => ({ state: options.state ?? 'none' }),
      'vault:lock': () => ({ ok: true }),
      'app:panic': () => ({ ok: true }),
      ...options.handlers,
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    callsTo(channel) {
      return fake.calls.filter((call) => call.channel === channel).map((call) => call.input);
    },
  };
  const invoke = async (channel: Channel, input: unknown): Promise<IpcResult<unknown>> => {
    fake.calls.push({ channel, input });
    const handler = fake.handlers[channel];
    if (!handler) return { ok: false, error: { code: 'INTERNAL', detail: `no fake for ${channel}` } };
    try {
      return { ok: true, value: await handler(input) };
    } catch (error) {
      if (error instanceof FakeError) {
        return {
          ok: false,
          error: error.detail ? { code: error.code, detail: error.detail } : { code: error.code },
        };
      }
      throw error;
    }
  };
  const subscribe = (event: EventChannel, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  (window as { casevault?: unknown }).casevault = buildApi(invoke, subscribe);
  return fake;
}
