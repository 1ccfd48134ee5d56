/**
 * Previews from decrypted bytes held in memory, never a plaintext file on disk: the one HTTP layer
 * behind every preview route of the app origin — `/__evidence__/<item id>` (evidence-protocol.ts)
 * and `/__received__/<received file id>` (received-protocol.ts).
 *
 * The page loads these URLs on its OWN origin (casevault://app/ in the app; the e2e harness routes
 * its origin to the same handlers), so `<img>`, `<video>` and `<audio>` can show a file with only
 * `media-src 'self'` in the CSP, and nothing else can: there is no other origin in the app and
 * `connect-src` stays 'none' (page scripts cannot fetch the bytes).
 *
 * Each request is answered from bounded ranges read through the vault service (the vault worker
 * decrypts only the segments covering the range), as HTTP range responses (206, Content-Range,
 * Accept-Ranges) so a long video streams by range; no response is cached (`no-store`). The vault
 * must be unlocked (403 otherwise) and the id must be a UUID (404 otherwise, before the vault is
 * asked) naming an existing file (404 otherwise).
 *
 * Logging: the first request for an id starts a "view" (one custody/audit entry, written by the
 * vault core); later range requests of the same view reuse its size and type for `viewTtlMs` (a
 * video makes dozens of range requests; one viewing is one entry). Locking forgets every view.
 * MUST NOT import electron.
 */
import { APP_HOST, APP_SCHEME } from './csp.ts';
import { parseRange } from './http-range.ts';

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Policy for a preview response if it is ever rendered as a document: no script, opaque origin. */
export const PREVIEW_RESPONSE_CSP =
  "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

/** What a preview route needs from the vault service (adapted in app-services.ts). */
export interface PreviewReader {
  /** Starts a viewing (custody or audit entry); VAULT_LOCKED or a not-found code otherwise. */
  viewStart(id: string): Promise<{ size: number; mime: string }>;
  /** Plaintext bytes [start, endExclusive); at most `chunkBytes` per call. */
  readRange(id: string, start: number, endExclusive: number): Promise<Uint8Array>;
}

export interface PreviewProtocolOptions {
  now?: () => number;
  viewTtlMs?: number;
  /** Bytes per read; one read is one bounded decryption in the worker. */
  chunkBytes?: number;
}

export interface PreviewProtocol {
  /** The route's path on the app origin, e.g. `/__evidence__/`; ids follow it. */
  readonly pathPrefix: string;
  handle(request: Request): Promise<Response>;
  /** Forgets every running view (called when the vault locks). */
  forget(): void;
}

/** Only types a browser renders inertly; anything else (SVG, HTML, …) is served as opaque bytes. */
export function previewContentType(mime: string): string {
  const type = mime.toLowerCase();
  if (/^image\/(jpeg|png|gif|webp|avif|bmp)$/.test(type)) return type;
  if (/^video\/(mp4|webm|ogg|quicktime)$/.test(type)) return type;
  if (/^audio\/(mpeg|mp4|ogg|wav|x-wav|webm|flac|x-flac|aac)$/.test(type)) return type;
  if (type === 'text/plain') return 'text/plain; charset=utf-8';
  if (type === 'application/pdf') return type;
  return 'application/octet-stream';
}

/** The id a URL asks for under `pathPrefix`, or undefined if it is not such a URL of our origin. */
export function previewIdFromUrl(rawUrl: string, pathPrefix: string): string | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') return undefined;
  if (url.username !== '' || url.password !== '' || url.search !== '') return undefined;
  if (!url.pathname.startsWith(pathPrefix)) return undefined;
  const id = url.pathname.slice(pathPrefix.length);
  return ID_PATTERN.test(id) ? id : undefined;
}

export function isPreviewUrl(rawUrl: string, pathPrefix: string): boolean {
  try {
    return new URL(rawUrl).pathname.startsWith(pathPrefix);
  } catch {
    return false;
  }
}

const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PREVIEW_RESPONSE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Accept-Ranges': 'bytes',
};

export function createPreviewProtocol(
  reader: PreviewReader,
  pathPrefix: string,
  opts: PreviewProtocolOptions = {},
): PreviewProtocol {
  const now = opts.now ?? Date.now;
  const ttl = opts.viewTtlMs ?? 10 * 60 * 1000;
  const chunkBytes = opts.chunkBytes ?? 1024 * 1024;
  // A pending view is shared: the thumbnail and the preview asking at once make one custody entry.
  const views = new Map<string, { info: Promise<{ size: number; mime: string }>; startedAt: number }>();

  const view = (id: string) => {
    const known = views.get(id);
    if (known && now() - known.startedAt < ttl) return known.info;
    const info = reader.viewStart(id).then(({ size, mime }) => ({ size, mime }));
    views.set(id, { info, startedAt: now() });
    return info;
  };

  const handle = async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const id = previewIdFromUrl(request.url, pathPrefix);
    if (!id) return refuse(404);
    let info: { size: number; mime: string };
    try {
      info = await view(id);
    } catch (error) {
      views.delete(id);
      return refuse(statusForError(error));
    }
    const { size } = info;
    const range = parseRange(request.headers.get('range'), size);
    if (range.kind === 'unsatisfiable') {
      return new Response(null, {
        status: 416,
        headers: { ...BASE_HEADERS, 'Content-Range': `bytes */${size}` },
      });
    }
    const start = range.kind === 'range' ? range.start : 0;
    const endExclusive = range.kind === 'range' ? range.end + 1 : size;
    const headers: Record<string, string> = {
      ...BASE_HEADERS,
      'Content-Type': previewContentType(info.mime),
      'Content-Length': String(endExclusive - start),
    };
    if (range.kind === 'range') headers['Content-Range'] = `bytes ${start}-${range.end}/${size}`;
    const status = range.kind === 'range' ? 206 : 200;
    if (request.method === 'HEAD' || endExclusive === start) return new Response(null, { status, headers });

    // The first chunk is read before answering, so a lock or a damaged item becomes a status code
    // rather than a stream that breaks; the rest is pulled as the page consumes it.
    let first: Uint8Array;
    try {
      first = await reader.readRange(id, start, Math.min(endExclusive, start + chunkBytes));
    } catch (error) {
      views.delete(id);
      return refuse(statusForError(error));
    }
    let position = start + first.byteLength;
    let pending: Uint8Array | undefined = first;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (pending) {
          controller.enqueue(pending);
          pending = undefined;
        } else if (position < endExclusive) {
          try {
            const bytes = await reader.readRange(id, position, Math.min(endExclusive, position + chunkBytes));
            if (bytes.byteLength === 0) throw new Error('short read');
            position += bytes.byteLength;
            controller.enqueue(bytes);
          } catch {
            controller.error(new Error('preview read failed'));
            return;
          }
        }
        if (!pending && position >= endExclusive) controller.close();
      },
    });
    return new Response(body, { status, headers });
  };

  return { pathPrefix, handle, forget: () => views.clear() };
}

/** Routes each preview path to its handler and everything else to the app's files. */
export function withPreviewRoutes(
  app: (request: Request) => Promise<Response>,
  previews: ReadonlyArray<Pick<PreviewProtocol, 'pathPrefix' | 'handle'>>,
): (request: Request) => Promise<Response> {
  return (request) => {
    const route = previews.find((p) => isPreviewUrl(request.url, p.pathPrefix));
    return route ? route.handle(request) : app(request);
  };
}

function statusForError(error: unknown): number {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'VAULT_LOCKED' || code === 'VAULT_NOT_FOUND') return 403;
  if (typeof code === 'string' && code.endsWith('NOT_FOUND')) return 404;
  if (code === 'INVALID_INPUT') return 400;
  return 500;
}

function refuse(status: number): Response {
  const { 'Accept-Ranges': _ranges, ...headers } = BASE_HEADERS;
  return new Response(null, { status, headers });
}
