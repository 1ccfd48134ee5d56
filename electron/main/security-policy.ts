/**
 * The decisions behind the session and window guards, as pure functions (no electron import) so
 * they are tested directly: which URLs a request may go to, which frames may call IPC.
 */
import { APP_URL } from './csp.ts';

export interface OriginPolicy {
  /** The Vite dev server origin (`http://localhost:5173`), only when not packaged and in dev. */
  devOrigin?: string | undefined;
}

/**
 * No remote content, ever: the session lets through only our own scheme, DevTools' own pages and
 * inline data: images. In development the Vite dev server (and its websocket) is allowed too.
 */
export function isAllowedRequestUrl(rawUrl: string, policy: OriginPolicy = {}): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'casevault:' || url.protocol === 'devtools:' || url.protocol === 'data:') return true;
  if (policy.devOrigin) {
    const dev = new URL(policy.devOrigin);
    if (url.host === dev.host && (url.protocol === dev.protocol || url.protocol === 'ws:')) return true;
  }
  return false;
}

/** The URL prefixes a page must have for its IPC to be served. */
export function trustedPagePrefixes(policy: OriginPolicy = {}): string[] {
  const prefixes = [APP_URL];
  if (policy.devOrigin) prefixes.push(`${new URL(policy.devOrigin).origin}/`);
  return prefixes;
}

export interface FrameLike {
  readonly url: string;
}

/**
 * An IPC call is served only if it comes from the main window's main frame (not an iframe, not
 * another window) and that frame shows our app. Anything else is refused.
 */
export function isTrustedSender(
  senderFrame: FrameLike | null | undefined,
  mainFrame: FrameLike | null | undefined,
  prefixes: readonly string[],
): boolean {
  if (!senderFrame || !mainFrame || senderFrame !== mainFrame) return false;
  const url = senderFrame.url;
  return typeof url === 'string' && prefixes.some((prefix) => url.startsWith(prefix));
}

/** Ctrl+Shift+L (Cmd+Shift+L on macOS): lock now and hide the window. */
export function isPanicShortcut(
  input: { type: string; key: string; control: boolean; meta: boolean; shift: boolean; alt: boolean },
  platform: NodeJS.Platform,
): boolean {
  if (input.type !== 'keyDown' || input.alt || !input.shift) return false;
  if (input.key.toLowerCase() !== 'l') return false;
  return platform === 'darwin' ? input.meta && !input.control : input.control && !input.meta;
}
