/**
 * The API the renderer sees as `window.casevault`, derived mechanically from the IPC contract: one
 * function per channel, grouped by area (`vault:change-passphrase` → `api.vault.changePassphrase`),
 * plus `on(event, listener)` for the contract's events. There is no generic `invoke`: a compromised
 * renderer can call exactly the contract and nothing else.
 *
 * No electron import and nothing but shared/: the preload wires ipcRenderer into `buildApi`, and
 * the e2e harness bundles this same file into the page with its own bridge.
 */
import {
  CHANNELS,
  type Channel,
  EVENT_CHANNELS,
  type EventChannel,
  type EventPayload,
  type InputOf,
  type IpcResult,
  type OutputOf,
} from '../../shared/ipc/contract.ts';

type AreaOf<C extends string> = C extends `${infer A}:${string}` ? A : never;
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
type MethodName<C extends string, A extends string> = C extends `${A}:${infer Action}`
  ? CamelCase<Action>
  : never;

/** Channels whose input has no required field can be called without an argument. */
type ArgsOf<C extends Channel> =
  Record<string, never> extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>];

export type ChannelFunction<C extends Channel> = (...args: ArgsOf<C>) => Promise<IpcResult<OutputOf<C>>>;

export type Area = AreaOf<Channel>;

export type CaseVaultApi = {
  readonly [A in Area]: {
    readonly [C in Channel as MethodName<C, A>]: ChannelFunction<C>;
  };
} & {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  readonly on: <E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

export type Invoke = (channel: Channel, input: unknown) => Promise<IpcResult<unknown>>;
export type Subscribe = (event: EventChannel, listener: (payload: unknown) => void) => () => void;

/** `vault:change-passphrase` → `['vault', 'changePassphrase']`. */
export function methodPath(channel: string): [area: string, method: string] {
  const [area, action] = channel.split(':') as [string, string];
  return [area, action.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase())];
}

export function buildApi(invoke: Invoke, subscribe: Subscribe): CaseVaultApi {
  const areas: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNELS) {
    const [area, method] = methodPath(channel);
    areas[area] ??= {};
    areas[area][method] = (input?: unknown) => invoke(channel, input ?? {});
  }
  for (const group of Object.values(areas)) Object.freeze(group);

  const on = (event: EventChannel, listener: (payload: unknown) => void): (() => void) => {
    // The renderer is not trusted to name channels: only contract events can be listened to.
    if (!(EVENT_CHANNELS as readonly string[]).includes(event)) throw new TypeError('Unknown event');
    if (typeof listener !== 'function') throw new TypeError('Listener must be a function');
    return subscribe(event, listener);
  };
  return Object.freeze({ ...areas, on }) as unknown as CaseVaultApi;
}
