/**
 * The e2e stand-in for electron/preload/index.ts, bundled for the page by the harness: the SAME
 * `buildApi` the real preload uses, with ipcRenderer replaced by a Playwright binding (requests go
 * to the real main-process registry in the test process) and a subscriber list the harness feeds
 * with main's events. Runs before any page script (addInitScript).
 *
 * Dropped files: Chromium without Electron has no webUtils.getPathForFile, so the stand-in maps a
 * dropped File to a path by its NAME, from a table the test fills (`__casevaultE2eDropPaths`) with
 * files it created. Only this lookup is test-specific: the File objects, the drop event, the preload
 * API's `files.drop` and main's `files:dropped` handler are the real ones. The Electron path
 * (webUtils) is covered by tests/unit/preload/preload-drop.security.test.ts with electron mocked.
 */
import { buildApi } from '../../electron/preload/api.ts';
import type { Channel, EventChannel, IpcResult } from '../../shared/ipc/contract.ts';

interface PageGlobals {
  __casevaultInvoke(channel: Channel, input: unknown): Promise<IpcResult<unknown>>;
  __casevaultEmit?: (event: EventChannel, payload: unknown) => void;
  casevault?: unknown;
  __casevaultE2eDropPaths?: Record<string, string>;
}

const page = globalThis as unknown as PageGlobals;
const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

page.__casevaultEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

page.casevault = buildApi(
  (channel, input) => page.__casevaultInvoke(channel, input),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
  (file) => {
    if (!(file instanceof File)) throw new TypeError('not a File');
    return page.__casevaultE2eDropPaths?.[file.name] ?? '';
  },
);
