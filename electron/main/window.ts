/**
 * The one application window. Every webPreferences value is spelled out, even where it equals
 * Electron's default, so a future default change or a careless edit shows up in review and in the
 * test that pins them (tests/unit/main/window.security.test.ts).
 */
import { BrowserWindow, type WebPreferences } from 'electron';
import { guardWebContents } from './security.ts';
import { isPanicShortcut } from './security-policy.ts';

export function mainWindowWebPreferences(opts: { preloadPath: string; devTools: boolean }): WebPreferences {
  return {
    preload: opts.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    enableWebSQL: false,
    devTools: opts.devTools,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  devTools: boolean;
  url: string;
  onPanic(): void;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'CaseVault',
    backgroundColor: '#1a1b1e',
    webPreferences: mainWindowWebPreferences(opts),
  });
  // Keeps the vault's content out of screenshots, screen sharing and recording (Windows, macOS;
  // Linux has no such API and ignores it — documented in docs/architecture.md).
  window.setContentProtection(true);
  guardWebContents(window.webContents);
  window.webContents.on('before-input-event', (event, input) => {
    if (isPanicShortcut(input, process.platform)) {
      event.preventDefault();
      opts.onPanic();
    }
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(opts.url);
  return window;
}
