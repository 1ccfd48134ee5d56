/**
 * Serves the built renderer at casevault://app/ instead of file://. A custom standard scheme gives
 * the page a real origin (so 'self' in the CSP means exactly these files), lets us set security
 * headers on every response, and confines reads to one folder: any path that resolves outside it,
 * any other host, and any method but GET/HEAD are refused.
 * The handler uses only web-standard Request/Response and node:fs, so it is tested without Electron.
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './csp.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
  'Cache-Control': 'no-store',
};

/**
 * Maps a casevault://app/… URL to a file inside `rootDir`, or `undefined` if it must be refused.
 * Lexical check only; `createAppProtocolHandler` also checks the real path (symlinks).
 */
export function resolveAppFile(rootDir: string, rawUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  // Backslashes and NUL have no business in our asset names; refusing them closes Windows tricks.
  if (pathname.includes('\\') || pathname.includes('\0')) return undefined;
  if (pathname.split('/').some((segment) => segment === '..')) return undefined;
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, wanted);
  return isInside(root, file) ? file : undefined;
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return refuse(404);
    try {
      const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
      if (!isInside(realRoot, realFile)) return refuse(404);
      const body = await readFile(realFile);
      const headers = {
        ...SECURITY_HEADERS,
        'Content-Type': CONTENT_TYPES[extname(realFile).toLowerCase()] ?? 'application/octet-stream',
      };
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
    } catch {
      return refuse(404);
    }
  };
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: { ...SECURITY_HEADERS } });
}
