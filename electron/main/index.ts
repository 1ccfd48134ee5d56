/**
 * Electron main: hardening, the casevault:// protocol, the window, and the wiring of the
 * electron-free services (app-services.ts). Kept thin on purpose; every decision worth testing
 * lives in a module that is tested with electron mocked or without it at all.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, type BrowserWindow, ipcMain, powerMonitor, protocol, session } from 'electron';
import type { AppInfo } from '../../shared/ipc/contract.ts';
import { type AppServices, createAppServices } from './app-services.ts';
import { APP_SCHEME, APP_URL } from './csp.ts';
import { electronDialogs } from './electron-dialogs.ts';
import { installIpc } from './ipc/install.ts';
import { installMinimalMenu } from './menu.ts';
import { resolveAppPaths } from './paths.ts';
import { systemLanguageFrom } from './preferences.ts';
import { withPreviewRoutes } from './preview-protocol.ts';
import { createAppProtocolHandler } from './protocol.ts';
import { guardWebContents, hardenSession } from './security.ts';
import { type OriginPolicy, trustedPagePrefixes } from './security-policy.ts';
import { createMainWindow } from './window.ts';

// Must happen before 'ready': a standard, secure scheme gives the page a real origin for the CSP.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: true,
      codeCache: true,
      // <video>/<audio> previews are answered by range from this scheme (preview-protocol.ts).
      stream: true,
    },
  },
]);
// Every renderer sandboxed, whatever a future window forgets to say.
app.enableSandbox();

const paths = resolveAppPaths({
  userData: app.getPath('userData'),
  isPackaged: app.isPackaged,
  env: process.env,
});
// Crash dumps can hold memory, hence keys: keep them inside the user's data folder, never upload
// them (the crash reporter is never started), see docs/architecture.md.
app.setPath('crashDumps', paths.crashDumps);

const policy: OriginPolicy = { devOrigin: devServerOrigin() };
const devTools = !app.isPackaged && process.env.CASEVAULT_DEVTOOLS === '1';

let mainWindow: BrowserWindow | undefined;
let services: AppServices | undefined;

if (!app.requestSingleInstanceLock()) {
  // Two instances on one vault folder would fight over the database: the first one wins.
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.whenReady().then(start, (error: unknown) => {
    console.error(`[main] start-up failed: ${error instanceof Error ? error.name : 'unknown'}`);
    app.exit(1);
  });
}

function start(): void {
  hardenSession(session.defaultSession, policy);
  installMinimalMenu(process.platform);

  const appServices = createAppServices({
    vaultDir: paths.vaultDir,
    preferencesFile: paths.preferencesFile,
    workerUrl: pathToFileURL(join(import.meta.dirname, 'vault-worker.js')),
    hideWindow: () => mainWindow?.hide(),
    sendEvent: (channel, payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
    },
    appInfo,
    ...electronDialogs(() => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined)),
  });
  services = appServices;
  // The built renderer, plus previews from decrypted bytes in memory: evidence (/__evidence__/<id>)
  // and received files (/__received__/<id>).
  protocol.handle(
    APP_SCHEME,
    withPreviewRoutes(createAppProtocolHandler(join(import.meta.dirname, '../renderer')), [
      appServices.evidenceProtocol,
      appServices.receivedProtocol,
    ]),
  );

  installIpc(ipcMain, appServices.registry, {
    mainFrame: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : undefined),
    trustedPrefixes: trustedPagePrefixes(policy),
  });

  const lockFor = (reason: 'sleep' | 'screen-lock') => () => {
    appServices.service.lock(reason).catch(() => console.error(`[vault] lock (${reason}) failed`));
  };
  powerMonitor.on('suspend', lockFor('sleep'));
  powerMonitor.on('lock-screen', lockFor('screen-lock'));

  openWindow();
  app.on('activate', showWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', onBeforeQuit);
}

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    devTools,
    url: policy.devOrigin ? `${policy.devOrigin}/` : APP_URL,
    onPanic: () => void services?.panic(),
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

function showWindow(): void {
  if (!app.isReady()) return;
  if (!mainWindow || mainWindow.isDestroyed()) {
    openWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

let quitting = false;
function onBeforeQuit(event: Electron.Event): void {
  if (quitting || !services) return;
  // Lock (truncating checkpoint, keys wiped) and stop the worker before the process goes.
  event.preventDefault();
  quitting = true;
  services
    .dispose()
    .catch(() => console.error('[main] clean shutdown failed'))
    .finally(() => app.quit());
}

function appInfo(): AppInfo {
  return {
    version: app.getVersion(),
    platform: process.platform,
    systemLanguage: systemLanguageFrom([...app.getPreferredSystemLanguages(), app.getLocale()]),
  };
}

/** electron-vite dev sets ELECTRON_RENDERER_URL; honoured only unpackaged and only on loopback. */
function devServerOrigin(): string | undefined {
  const raw = process.env.ELECTRON_RENDERER_URL;
  if (app.isPackaged || !raw) return undefined;
  try {
    const url = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return loopback && url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
