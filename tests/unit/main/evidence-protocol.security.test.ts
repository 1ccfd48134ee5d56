/**
 * Threat: previews leak or over-serve decrypted evidence. The protocol answers only our origin's
 * `/__evidence__/<uuid>` URLs, only while unlocked, only for existing items; it serves exactly the
 * asked range (206) or refuses (416), never caches, never lets an item be rendered as an active
 * document (HTML/SVG served as opaque bytes, sandbox CSP), and reads in bounded chunks.
 */
import { describe, expect, it } from 'vitest';
import {
  createEvidenceProtocol,
  type EvidenceReader,
  evidenceIdFromUrl,
  previewContentType,
  withEvidenceRoute,
} from '../../../electron/main/evidence-protocol.ts';
import { CaseVaultError } from '../../../shared/errors.ts';

const ID = '0b7e4a52-3c1d-4f7a-9e2b-5d6c7a8b9c0d';
const URL_OF = (id = ID) => `casevault://app/__evidence__/${id}`;

function fakeReader(content: Uint8Array, mime = 'image/jpeg') {
  const state = { locked: false, views: 0, reads: [] as Array<[number, number]> };
  const reader: EvidenceReader = {
    async viewStart(id) {
      if (state.locked) throw new CaseVaultError('VAULT_LOCKED');
      if (id !== ID) throw new CaseVaultError('RECORD_NOT_FOUND');
      state.views += 1;
      return { size: content.byteLength, mime };
    },
    async readRange(id, start, end) {
      if (state.locked) throw new CaseVaultError('VAULT_LOCKED');
      if (id !== ID) throw new CaseVaultError('RECORD_NOT_FOUND');
      state.reads.push([start, end]);
      return content.slice(start, end);
    },
  };
  return { reader, state };
}

const BYTES = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Request(url, { method, headers });
}

describe('evidence preview protocol', () => {
  it('serves the whole item with no Range, in bounded chunks, uncached', async () => {
    const { reader, state } = fakeReader(BYTES);
    const protocol = createEvidenceProtocol(reader, { chunkBytes: 300 });
    const response = await protocol.handle(get(URL_OF()));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES);
    expect(state.reads).toEqual([
      [0, 300],
      [300, 600],
      [600, 900],
      [900, 1000],
    ]);
  });

  it('answers a range with 206 and Content-Range, reading only that range', async () => {
    const { reader, state } = fakeReader(BYTES);
    const protocol = createEvidenceProtocol(reader);
    const response = await protocol.handle(get(URL_OF(), { Range: 'bytes=100-199' }));
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(response.headers.get('content-length')).toBe('100');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES.slice(100, 200));
    expect(state.reads).toEqual([[100, 200]]);
  });

  it('answers a suffix range', async () => {
    const { reader } = fakeReader(BYTES);
    const response = await createEvidenceProtocol(reader).handle(get(URL_OF(), { Range: 'bytes=-10' }));
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES.slice(990));
  });

  it.each(['bytes=1000-', 'bytes=5-1', 'bytes=0-1,4-5', 'bytes=abc', 'bytes=-0'])(
    'refuses %s with 416 and the size, reading nothing',
    async (range) => {
      const { reader, state } = fakeReader(BYTES);
      const response = await createEvidenceProtocol(reader).handle(get(URL_OF(), { Range: range }));
      expect(response.status).toBe(416);
      expect(response.headers.get('content-range')).toBe('bytes */1000');
      expect(state.reads).toEqual([]);
    },
  );

  it('refuses while locked (403), even for an item viewed before the lock', async () => {
    const { reader, state } = fakeReader(BYTES);
    const protocol = createEvidenceProtocol(reader);
    expect((await protocol.handle(get(URL_OF(), { Range: 'bytes=0-9' }))).status).toBe(206);
    state.locked = true;
    const response = await protocol.handle(get(URL_OF(), { Range: 'bytes=0-9' }));
    expect(response.status).toBe(403);
    expect(response.body).toBeNull();
    protocol.forget();
    expect((await protocol.handle(get(URL_OF()))).status).toBe(403);
  });

  it('answers 404 for an unknown id and for anything that is not an item URL', async () => {
    const { reader, state } = fakeReader(BYTES);
    const protocol = createEvidenceProtocol(reader);
    expect((await protocol.handle(get(URL_OF('1b7e4a52-3c1d-4f7a-9e2b-5d6c7a8b9c0d')))).status).toBe(404);
    for (const url of [
      'casevault://app/__evidence__/not-an-id',
      'casevault://app/__evidence__/../index.html',
      `casevault://app/__evidence__/${ID}/x`,
      `casevault://app/__evidence__/${ID}?download=1`,
      `casevault://other/__evidence__/${ID}`,
      `https://casevault.invalid/__evidence__/${ID}`,
    ]) {
      expect((await protocol.handle(get(url))).status, url).toBe(404);
    }
    expect(state.views).toBe(0);
  });

  it('refuses methods other than GET and HEAD; HEAD has headers and no body', async () => {
    const { reader, state } = fakeReader(BYTES);
    const protocol = createEvidenceProtocol(reader);
    expect((await protocol.handle(get(URL_OF(), {}, 'POST'))).status).toBe(405);
    const head = await protocol.handle(get(URL_OF(), {}, 'HEAD'));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1000');
    expect(head.body).toBeNull();
    expect(state.reads).toEqual([]);
  });

  it('starts one view (one custody entry) for the many range requests of one viewing', async () => {
    const now = { t: 0 };
    const { reader, state } = fakeReader(BYTES, 'video/mp4');
    const protocol = createEvidenceProtocol(reader, { now: () => now.t, viewTtlMs: 1000 });
    for (const range of ['bytes=0-', 'bytes=500-', 'bytes=900-999']) {
      await (await protocol.handle(get(URL_OF(), { Range: range }))).arrayBuffer();
    }
    expect(state.views).toBe(1);
    now.t = 1000;
    await protocol.handle(get(URL_OF(), { Range: 'bytes=0-0' }));
    expect(state.views).toBe(2);
    protocol.forget();
    await protocol.handle(get(URL_OF(), { Range: 'bytes=0-0' }));
    expect(state.views).toBe(3);
  });

  it('shares one view between requests that arrive together', async () => {
    const { reader, state } = fakeReader(BYTES);
    const protocol = createEvidenceProtocol(reader);
    const responses = await Promise.all([protocol.handle(get(URL_OF())), protocol.handle(get(URL_OF()))]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(state.views).toBe(1);
  });

  it('maps a damaged item to 500 before any byte is sent', async () => {
    const { reader } = fakeReader(BYTES);
    reader.readRange = async () => {
      throw new CaseVaultError('INTERNAL');
    };
    expect((await createEvidenceProtocol(reader).handle(get(URL_OF()))).status).toBe(500);
  });

  it('never serves active content types: HTML, SVG, XML become opaque bytes; the CSP sandboxes', async () => {
    for (const mime of [
      'text/html',
      'image/svg+xml',
      'application/xhtml+xml',
      'text/xml',
      'application/javascript',
    ]) {
      expect(previewContentType(mime)).toBe('application/octet-stream');
    }
    expect(previewContentType('text/plain')).toBe('text/plain; charset=utf-8');
    expect(previewContentType('IMAGE/PNG')).toBe('image/png');
    const { reader } = fakeReader(BYTES, 'text/html');
    const response = await createEvidenceProtocol(reader).handle(get(URL_OF()));
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-security-policy')).toMatch(/(^|; )sandbox($|;)/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('parses only our own origin and exact item paths', () => {
    expect(evidenceIdFromUrl(URL_OF())).toBe(ID);
    expect(evidenceIdFromUrl(`casevault://app:8080/__evidence__/${ID}`)).toBeUndefined();
    expect(evidenceIdFromUrl(`casevault://app/__evidence__/${ID.toUpperCase()}`)).toBeUndefined();
    expect(evidenceIdFromUrl('not a url')).toBeUndefined();
    expect(evidenceIdFromUrl(`casevault://user:pw@app/__evidence__/${ID}`)).toBeUndefined();
  });

  it('routes /__evidence__/ to the evidence handler and the rest to the app files', async () => {
    const route = withEvidenceRoute(
      async () => new Response('app'),
      async () => new Response('evidence'),
    );
    expect(await (await route(get(URL_OF()))).text()).toBe('evidence');
    expect(await (await route(get('casevault://app/index.html'))).text()).toBe('app');
    expect(await (await route(get('casevault://app/assets/__evidence__/x'))).text()).toBe('app');
  });
});
