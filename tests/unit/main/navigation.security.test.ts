/**
 * Threat: content in the renderer (a crafted file name, an injected link, a compromised dependency)
 * navigates the window to a remote page, opens a new window, or embeds a webview — any of which
 * would put remote code next to the preload's API.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { guardWebContents } = await import('../../../electron/main/security.ts');
const { FakeWebContents, emitPreventable } = await import('./helpers/fake-electron.ts');

describe('navigation guards', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'casevault://app/other.html',
    'javascript:alert(1)',
  ])('blocks will-navigate to %s', (url) => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    expect(emitPreventable(contents, 'will-navigate', url)).toBe(true);
  });

  it('blocks redirects', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    expect(emitPreventable(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('denies every new window', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'casevault://app/' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    expect(emitPreventable(contents, 'will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });
});
