/**
 * The renderer's only way to main: `window.casevault` (built by the preload), with every
 * `IpcResult` unwrapped into a value or a thrown `UiError` carrying the stable error code.
 * Screens catch `UiError` and show `messageFor(code, lang)`; nothing here logs inputs, because
 * inputs are passphrases and recovery keys.
 */

import type { CaseVaultApi } from '../../../electron/preload/api.ts';
import { type ErrorCode, isErrorCode } from '../../../shared/errors.ts';
import type {
  AppInfo,
  EventChannel,
  EventPayload,
  IpcResult,
  KdfPreset,
  Settings,
  VaultStatus,
} from '../../../shared/ipc/contract.ts';

export class UiError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string) {
    super(code);
    this.name = 'UiError';
    this.code = code;
    this.detail = detail;
  }
}

/** Any thrown value as a UiError: foreign errors become INTERNAL and lose their message. */
export function toUiError(error: unknown): UiError {
  if (error instanceof UiError) return error;
  return new UiError('INTERNAL');
}

/** The preload's API. Every area's api.ts goes through this and `callIpc`, nothing else. */
export function bridge(): CaseVaultApi {
  // Typed by the preload (electron/preload/global.d.ts); absent only when loaded outside the app.
  const api = (window as { casevault?: CaseVaultApi }).casevault;
  if (!api) throw new UiError('INTERNAL', 'preload bridge missing');
  return api;
}

async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await pending;
  } catch {
    throw new UiError('INTERNAL');
  }
  if (result.ok) return result.value;
  const code = isErrorCode(result.error.code) ? result.error.code : 'INTERNAL';
  throw new UiError(code, result.error.detail);
}

/**
 * One IPC call, started inside (so a missing bridge is its UiError too): the value, or a UiError
 * with the stable code; anything foreign becomes INTERNAL and loses its message.
 */
export async function callIpc<T>(pending: () => Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await pending();
  } catch (caught) {
    if (caught instanceof UiError) throw caught;
    throw new UiError('INTERNAL');
  }
  if (result.ok) return result.value;
  const code = isErrorCode(result.error.code) ? result.error.code : 'INTERNAL';
  throw new UiError(code, result.error.detail);
}

export const client = {
  appInfo: (): Promise<AppInfo> => unwrap(bridge().app.info({})),
  panic: async (): Promise<void> => {
    await unwrap(bridge().app.panic({}));
  },
  getSettings: (): Promise<Settings> => unwrap(bridge().settings.get({})),
  setSettings: (patch: Partial<Settings>): Promise<Settings> => unwrap(bridge().settings.set(patch)),
  activity: async (): Promise<void> => {
    await unwrap(bridge().session.activity({}));
  },
  status: (): Promise<VaultStatus> => unwrap(bridge().vault.status({})),
  create: (passphrase: string, kdf: KdfPreset): Promise<{ recoveryKey: string }> =>
    unwrap(bridge().vault.create({ passphrase, kdf })),
  unlock: async (passphrase: string): Promise<void> => {
    await unwrap(bridge().vault.unlock({ passphrase }));
  },
  lock: async (): Promise<void> => {
    await unwrap(bridge().vault.lock({}));
  },
  changePassphrase: async (current: string, next: string): Promise<void> => {
    await unwrap(bridge().vault.changePassphrase({ current, next }));
  },
  recover: async (recoveryKey: string, newPassphrase: string): Promise<void> => {
    await unwrap(bridge().vault.recover({ recoveryKey, newPassphrase }));
  },
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
    return bridge().on(channel, listener);
  },
};
