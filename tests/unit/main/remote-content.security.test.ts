/**
 * Threat: the renderer (or anything running in it) fetches remote content or beacons data out.
 * The session cancels every request that is not our own scheme; the dev server is allowed only
 * when main was given its origin (never when packaged).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { hardenSession } = await import('../../../electron/main/security.ts');
const { isAllowedRequestUrl, trustedPagePrefixes } = await import(
  '../../../electron/main/security-policy.ts'
);
const { FakeSession, emitPreventable } = await import('./helpers/fake-electron.ts');

describe('remote content', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it.each([
    ['casevault://app/index.html', true],
    ['casevault://app/assets/index.js', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['data:image/png;base64,AAAA', true],
    ['https://example.org/beacon', false],
    ['http://localhost:5173/', false],
    ['ws://localhost:5173/', false],
    ['file:///etc/passwd', false],
    ['ftp://example.org/', false],
    ['not a url', false],
  ])('without a dev server, %s allowed: %s', (url, allowed) => {
    expect(isAllowedRequestUrl(url)).toBe(allowed);
  });

  it('allows the dev server and its websocket only when given, and only that host', () => {
    const policy = { devOrigin: 'http://localhost:5173' };
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', policy)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', policy)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:8080/', policy)).toBe(false);
    expect(isAllowedRequestUrl('https://example.org/', policy)).toBe(false);
    expect(trustedPagePrefixes(policy)).toEqual(['casevault://app/', 'http://localhost:5173/']);
    expect(trustedPagePrefixes({})).toEqual(['casevault://app/']);
  });

  it('cancels remote requests in the session and refuses downloads', () => {
    const session = new FakeSession();
    hardenSession(session as never, {});
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest?.({ url }, (response) => {
        cancel = response.cancel;
      });
      return cancel;
    };
    expect(decide('https://example.org/')).toBe(true);
    expect(decide('casevault://app/index.html')).toBe(false);
    expect(emitPreventable(session, 'will-download', {}, {})).toBe(true);
  });
});
