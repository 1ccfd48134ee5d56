/**
 * Threat: a weakened window — Node in the renderer, no context isolation, no sandbox, webviews —
 * turns any script injection into full code execution on the defender's machine. Every setting is
 * pinned here; so are content protection (screen capture) and the panic shortcut.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './helpers/fake-electron.ts';

const created: FakeWindow[] = [];

class FakeWindow {
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  contentProtection: boolean | undefined;
  loadedUrl: string | undefined;
  readonly onceHandlers = new Map<string, () => void>();
  constructor(options: Record<string, unknown>) {
    this.options = options;
    created.push(this);
  }
  setContentProtection(on: boolean) {
    this.contentProtection = on;
  }
  once(name: string, handler: () => void) {
    this.onceHandlers.set(name, handler);
  }
  show() {}
  async loadURL(url: string) {
    this.loadedUrl = url;
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { createMainWindow, mainWindowWebPreferences } = await import('../../../electron/main/window.ts');

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('isolates and sandboxes the renderer, without Node, webviews or spellcheck', () => {
    const prefs = mainWindowWebPreferences({ preloadPath: '/app/out/preload/index.cjs', devTools: false });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('creates the window with those preferences, content protection and the guards', () => {
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      devTools: false,
      url: 'casevault://app/',
      onPanic: () => {},
    }) as unknown as FakeWindow;
    expect(window.options.webPreferences).toEqual(
      mainWindowWebPreferences({ preloadPath: '/p.cjs', devTools: false }),
    );
    expect(window.options.show).toBe(false);
    expect(window.contentProtection).toBe(true);
    expect(window.loadedUrl).toBe('casevault://app/');
    expect(window.webContents.windowOpenHandler?.({ url: 'https://x.example/' })).toEqual({ action: 'deny' });
    expect(window.webContents.listenerCount('will-navigate')).toBeGreaterThan(0);
    expect(window.webContents.listenerCount('will-attach-webview')).toBeGreaterThan(0);
  });

  it('locks and hides on the panic shortcut, and only on it', () => {
    const onPanic = vi.fn();
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      devTools: false,
      url: 'casevault://app/',
      onPanic,
    });
    const contents = (window as unknown as FakeWindow).webContents;
    const press = (input: Record<string, unknown>) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('before-input-event', event, {
        type: 'keyDown',
        key: 'L',
        control: false,
        meta: false,
        shift: false,
        alt: false,
        ...input,
      });
      return event.preventDefault.mock.calls.length > 0;
    };
    const mod = process.platform === 'darwin' ? { meta: true } : { control: true };
    expect(press({ ...mod, shift: true })).toBe(true);
    expect(onPanic).toHaveBeenCalledTimes(1);
    expect(press({ ...mod })).toBe(false);
    expect(press({ ...mod, shift: true, type: 'keyUp' })).toBe(false);
    expect(press({ ...mod, shift: true, key: 'k' })).toBe(false);
    expect(onPanic).toHaveBeenCalledTimes(1);
  });
});
