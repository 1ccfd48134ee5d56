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
import {
  type ChosenFiles,
  MAX_FILES_PER_BATCH,
  PRELOAD_ONLY_CHANNELS,
  type PreloadOnlyChannel,
} from '../../shared/ipc/files-contract.ts';

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
/** Channels page scripts can call by name: all but the ones the preload keeps for itself. */
type PageChannel = Exclude<Channel, PreloadOnlyChannel>;

export type CaseVaultApi = {
  readonly [A in Area]: {
    readonly [C in PageChannel as MethodName<C, A>]: ChannelFunction<C>;
  };
} & {
  readonly files: {
    /**
     * Files dropped on the page: only real `File` objects from a drop (or a file input) get through,
     * resolved to paths by the preload; strings or made-up Files are ignored. Main checks each path.
     */
    readonly drop: (files: readonly File[]) => Promise<IpcResult<ChosenFiles>>;
  };
} & {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  readonly on: <E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

export type Invoke = (channel: Channel, input: unknown) => Promise<IpcResult<unknown>>;
export type Subscribe = (event: EventChannel, listener: (payload: unknown) => void) => () => void;
/**
 * A dropped File's path on disk: Electron's `webUtils.getPathForFile` in the preload (empty for a
 * File made by page script), a test stand-in in the e2e harness.
 */
export type PathForFile = (file: File) => string;

/** `vault:change-passphrase` → `['vault', 'changePassphrase']`. */
export function methodPath(channel: string): [area: string, method: string] {
  const [area, action] = channel.split(':') as [string, string];
  return [area, action.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase())];
}

export function buildApi(invoke: Invoke, subscribe: Subscribe, pathForFile?: PathForFile): CaseVaultApi {
  const areas: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNELS) {
    if ((PRELOAD_ONLY_CHANNELS as readonly string[]).includes(channel)) continue;
    const [area, method] = methodPath(channel);
    areas[area] ??= {};
    areas[area][method] = (input?: unknown) => invoke(channel, input ?? {});
  }
  areas.files ??= {};
  areas.files.drop = (files: unknown) => dropFiles(invoke, pathForFile, files);
  for (const group of Object.values(areas)) Object.freeze(group);

  const on = (event: EventChannel, listener: (payload: unknown) => void): (() => void) => {
    // The renderer is not trusted to name channels: only contract events can be listened to.
    if (!(EVENT_CHANNELS as readonly string[]).includes(event)) throw new TypeError('Unknown event');
    if (typeof listener !== 'function') throw new TypeError('Listener must be a function');
    return subscribe(event, listener);
  };
  return Object.freeze({ ...areas, on }) as unknown as CaseVaultApi;
}

const NO_FILES: IpcResult<ChosenFiles> = { ok: true, value: { files: [], refused: [] } };

/** The page hands File objects; only paths the preload itself resolved go to main. */
async function dropFiles(
  invoke: Invoke,
  pathForFile: PathForFile | undefined,
  files: unknown,
): Promise<IpcResult<ChosenFiles>> {
  if (!pathForFile || files === null || typeof files !== 'object') return NO_FILES;
  const list = Array.from(files as ArrayLike<unknown>).slice(0, MAX_FILES_PER_BATCH);
  const paths: string[] = [];
  for (const file of list) {
    let path = '';
    try {
      // Throws for anything that is not a File; '' for a File that has no file behind it.
      path = pathForFile(file as File);
    } catch {
      continue;
    }
    if (typeof path === 'string' && path.length > 0) paths.push(path);
  }
  if (paths.length === 0) return NO_FILES;
  return invoke('files:dropped', { paths }) as Promise<IpcResult<ChosenFiles>>;
}
