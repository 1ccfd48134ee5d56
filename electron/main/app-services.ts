/**
 * Everything main needs that does not touch Electron: the vault service, preferences, auto-lock and
 * the IPC registry, wired together. `index.ts` calls this with Electron's paths and window; the e2e
 * harness calls it in plain Node with a temp folder and bridges `registry.invoke` to the page.
 * MUST NOT import electron.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AppInfo, EventChannel, EventPayload } from '../../shared/ipc/contract.ts';
import type { ReceivedFileInfo } from '../../shared/sharing/received-files.ts';
import type { VaultService } from '../core/service/types.ts';
import { WorkerVaultService } from '../host/worker-vault-service.ts';
import { AutoLock, type Clock, systemClock } from './auto-lock.ts';
import { createEvidenceProtocol, type EvidenceProtocol } from './evidence-protocol.ts';
import { EvidenceTasks } from './evidence-tasks.ts';
import { FileTokenRegistry } from './files/file-tokens.ts';
import type { FileDialogs } from './ipc/dialogs.ts';
import { createIpcRegistry, type IpcRegistry } from './ipc/registry.ts';
import { DEFAULT_AUTO_LOCK_MINUTES, PreferencesStore } from './preferences.ts';
import type { PreviewProtocol } from './preview-protocol.ts';
import { createReceivedProtocol } from './received-protocol.ts';

export interface AppServicesOptions {
  vaultDir: string;
  preferencesFile: string;
  /** Defaults to a WorkerVaultService on `vaultDir`. */
  service?: VaultService;
  hideWindow(): void;
  sendEvent<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
  appInfo(): AppInfo;
  /**
   * The OS open/save dialogs (Electron's in the app, the test's in the e2e harness). Without them
   * (tests that do not need files) every dialog behaves as if the user cancelled.
   */
  saveDialog?: FileDialogs['saveDialog'];
  openDialog?: FileDialogs['openDialog'];
  now?: () => number;
  /** The worker script; defaults to the one next to this module (built or source). */
  workerUrl?: URL | string;
}

export interface AppServices {
  registry: IpcRegistry;
  service: VaultService;
  preferences: PreferencesStore;
  autoLock: AutoLock;
  fileTokens: FileTokenRegistry;
  /** Serves `/__evidence__/<id>` previews; main routes its app scheme to it (withEvidenceRoute). */
  evidenceProtocol: EvidenceProtocol;
  /** Serves `/__received__/<id>` previews of received files (received-protocol.ts). */
  receivedProtocol: PreviewProtocol;
  /** Locks at once and hides the window (shortcut, button, or the tray in a later version). */
  panic(): Promise<void>;
  dispose(): Promise<void>;
}

export function createAppServices(opts: AppServicesOptions): AppServices {
  const service =
    opts.service ??
    new WorkerVaultService({ dir: opts.vaultDir, workerUrl: opts.workerUrl ?? defaultWorkerUrl() });
  const preferences = new PreferencesStore({
    file: opts.preferencesFile,
    defaults: { language: opts.appInfo().systemLanguage, autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES },
  });
  const clock: Clock = opts.now ? { ...systemClock, now: opts.now } : systemClock;
  const lockQuietly = (reason: 'idle' | 'panic') =>
    service.lock(reason).catch(() => console.error(`[vault] lock (${reason}) failed`));

  const autoLock = new AutoLock({
    minutes: () => preferences.get().autoLockMinutes,
    onIdle: () => void lockQuietly('idle'),
    clock,
  });
  const unsubscribePrefs = preferences.onChange(() => autoLock.reschedule());
  const fileTokens = new FileTokenRegistry({ now: () => clock.now() });
  const tasks = new EvidenceTasks(service, (progress) => opts.sendEvent('task:progress', progress), {
    now: () => clock.now(),
  });
  const evidenceProtocol = createEvidenceProtocol(
    {
      viewStart: async (id) =>
        (await service.evidence('view-start', { id })) as { size: number; mime: string },
      readRange: async (id, start, end) =>
        ((await service.evidence('read-range', { id, start, end })) as { bytes: Uint8Array }).bytes,
    },
    { now: () => clock.now() },
  );
  const receivedProtocol = createReceivedProtocol(
    {
      viewStart: async (id) => {
        const info = (await service.sharing('received-file-view', { id })) as ReceivedFileInfo;
        return { size: info.size, mime: info.detectedType.mime };
      },
      readRange: async (id, start, end) =>
        ((await service.sharing('received-file-read-range', { id, start, end })) as { bytes: Uint8Array })
          .bytes,
    },
    { now: () => clock.now() },
  );
  const unsubscribeLocked = service.onLocked((reason) => {
    // Whatever was chosen or opened before the lock must be chosen or opened again after it.
    fileTokens.clear();
    evidenceProtocol.forget();
    receivedProtocol.forget();
    opts.sendEvent('vault:locked', { reason });
  });

  const panic = async () => {
    // Hide first: the screen must clear at once even if the database takes a moment to close.
    opts.hideWindow();
    await lockQuietly('panic');
  };

  const registry = createIpcRegistry({
    service,
    preferences,
    appInfo: opts.appInfo,
    panic,
    activity: () => autoLock.activity(),
    saveDialog: opts.saveDialog ?? (async () => undefined),
    openDialog: opts.openDialog ?? (async () => []),
    fileTokens,
    tasks,
  });

  let disposed = false;
  return {
    registry,
    service,
    preferences,
    autoLock,
    fileTokens,
    evidenceProtocol,
    receivedProtocol,
    panic,
    async dispose() {
      if (disposed) return;
      disposed = true;
      autoLock.dispose();
      unsubscribePrefs();
      tasks.dispose();
      await service.dispose();
      unsubscribeLocked();
    },
  };
}

/**
 * Built: this module is bundled into out/main/index.js and the worker is out/main/vault-worker.js.
 * From source (tests, e2e harness on Node 24): electron/host/vault-worker.ts. Paths are computed,
 * not written as `new URL('literal', import.meta.url)`, so no bundler rewrites them.
 */
function defaultWorkerUrl(): URL {
  const here = fileURLToPath(import.meta.url);
  const relative = here.endsWith('.ts') ? '../host/vault-worker.ts' : './vault-worker.js';
  return new URL(relative, pathToFileURL(here));
}
