/**
 * Connects the registry to ipcMain: one `handle` per contract channel, each behind a sender check.
 * A call from any frame but the main window's main frame showing casevault://app/ is refused and
 * logged by channel name only, never with its content.
 */
import type { IpcMain, WebFrameMain } from 'electron';
import { CHANNELS, type IpcResult } from '../../../shared/ipc/contract.ts';
import { isTrustedSender } from '../security-policy.ts';
import type { IpcRegistry } from './registry.ts';

export interface InstallIpcOptions {
  /** The main window's main frame, or undefined when there is no window. */
  mainFrame(): WebFrameMain | undefined;
  /** URL prefixes a trusted page starts with (casevault://app/, plus the dev server in development). */
  trustedPrefixes: readonly string[];
}

export const REFUSED_SENDER: IpcResult<never> = {
  ok: false,
  error: { code: 'INVALID_INPUT', detail: 'sender' },
};

export function installIpc(ipcMain: IpcMain, registry: IpcRegistry, opts: InstallIpcOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, opts.mainFrame(), opts.trustedPrefixes)) {
        console.warn(`[ipc] refused ${channel} from an untrusted sender`);
        return REFUSED_SENDER;
      }
      return registry.invoke(channel, input);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
