/**
 * Threat: a compromised page uses the Received previews to read more than it should — another
 * route's files, paths or ids it invented, bytes while the vault is locked, an HTML/SVG file run as
 * a document, or a decrypted copy left somewhere. The `/__received__/` route answers only our
 * origin's `/__received__/<uuid>` URLs, through the same range layer as evidence (206/416, no-store,
 * sandbox CSP, inert content types, bounded reads); the IPC channels take a UUID and nothing else,
 * refused in main before the vault is asked.
 */
import { describe, expect, it } from 'vitest';
import { createEvidenceProtocol } from '../../../electron/main/evidence-protocol.ts';
import { createIpcRegistry } from '../../../electron/main/ipc/registry.ts';
import { type PreviewReader, withPreviewRoutes } from '../../../electron/main/preview-protocol.ts';
import { createReceivedProtocol, receivedIdFromUrl } from '../../../electron/main/received-protocol.ts';
import { CaseVaultError } from '../../../shared/errors.ts';
import { makeDeps } from './helpers/deps.ts';

const ID = '4d2c1b0a-9f8e-4d76-8a54-3b2a1f0e9d8c';
const URL_OF = (id = ID) => `casevault://app/__received__/${id}`;
const BYTES = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) % 256);

function fakeReader(mime = 'image/png') {
  const state = { locked: false, views: [] as string[], reads: [] as Array<[number, number]> };
  const reader: PreviewReader = {
    async viewStart(id) {
      if (state.locked) throw new CaseVaultError('VAULT_LOCKED');
      if (id !== ID) throw new CaseVaultError('RECEIVED_NOT_FOUND');
      state.views.push(id);
      return { size: BYTES.byteLength, mime };
    },
    async readRange(id, start, end) {
      if (state.locked) throw new CaseVaultError('VAULT_LOCKED');
      if (id !== ID) throw new CaseVaultError('RECEIVED_NOT_FOUND');
      state.reads.push([start, end]);
      return BYTES.slice(start, end);
    },
  };
  return { reader, state };
}

const get = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe('received preview route', () => {
  it('serves a range of a received file from memory, uncached, with the preview CSP', async () => {
    const { reader, state } = fakeReader();
    const protocol = createReceivedProtocol(reader, { chunkBytes: 1000 });
    const response = await protocol.handle(get(URL_OF(), { Range: 'bytes=900-2100' }));
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 900-2100/3000');
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES.slice(900, 2101));
    // Bounded reads, one viewing for the whole response.
    expect(state.reads).toEqual([
      [900, 1900],
      [1900, 2101],
    ]);
    expect(state.views).toEqual([ID]);
  });

  it('answers only /__received__/<uuid> of our origin, before the vault is asked', async () => {
    const { reader, state } = fakeReader();
    const protocol = createReceivedProtocol(reader);
    for (const url of [
      'casevault://app/__received__/../evidence/x',
      'casevault://app/__received__/not-a-uuid',
      `casevault://app/__received__/${ID}/extra`,
      `casevault://app/__received__/${ID}?path=/etc/passwd`,
      `casevault://other/__received__/${ID}`,
      `https://app/__received__/${ID}`,
      `casevault://app/__evidence__/${ID}`,
    ]) {
      expect((await protocol.handle(get(url))).status, url).toBe(404);
    }
    expect(state.views).toEqual([]);
    expect(receivedIdFromUrl(URL_OF())).toBe(ID);
    expect(receivedIdFromUrl(URL_OF(ID.toUpperCase()))).toBeUndefined();
  });

  it('refuses while locked and for unknown files, and refuses bad ranges', async () => {
    const { reader, state } = fakeReader();
    const protocol = createReceivedProtocol(reader);
    expect((await protocol.handle(get(URL_OF('00000000-0000-4000-8000-000000000000')))).status).toBe(404);
    expect((await protocol.handle(get(URL_OF(), { Range: 'bytes=0-1,5-9' }))).status).toBe(416);
    state.locked = true;
    protocol.forget();
    expect((await protocol.handle(get(URL_OF(), { Range: 'bytes=0-9' }))).status).toBe(403);
  });

  it('serves a received HTML or SVG file as opaque bytes, never as a document', async () => {
    for (const mime of ['text/html', 'image/svg+xml', 'application/javascript']) {
      const { reader } = fakeReader(mime);
      const response = await createReceivedProtocol(reader).handle(get(URL_OF()));
      expect(response.headers.get('content-type'), mime).toBe('application/octet-stream');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('routes each preview path to its own handler and everything else to the app', async () => {
    const evidence = fakeReader();
    const received = fakeReader();
    const app = async () => new Response('app');
    const route = withPreviewRoutes(app, [
      createEvidenceProtocol(evidence.reader),
      createReceivedProtocol(received.reader),
    ]);
    await route(get(`casevault://app/__evidence__/${ID}`));
    await route(get(URL_OF()));
    expect(evidence.state.views).toEqual([ID]);
    expect(received.state.views).toEqual([ID]);
    expect(await (await route(get('casevault://app/index.html'))).text()).toBe('app');
  });
});

describe('received preview IPC', () => {
  function setup(answers: Record<string, (input: Record<string, unknown>) => unknown>) {
    const made = makeDeps();
    const calls: Array<{ op: string; input: Record<string, unknown> }> = [];
    Object.assign(made.service, {
      sharing: async (op: string, input: Record<string, unknown>) => {
        calls.push({ op, input });
        const answer = answers[op];
        if (!answer) throw new CaseVaultError('INTERNAL', op);
        return answer(input);
      },
    });
    return { registry: createIpcRegistry(made.deps), calls };
  }
  const info = (mime: string, size: number) => ({
    id: ID,
    receivedId: ID,
    name: 'note.txt',
    size,
    sha256: 'a'.repeat(64),
    detectedType: { mime, ext: 'txt', category: mime === 'text/plain' ? 'text' : 'other' },
    metadata: {},
  });

  it.each([
    ['sharing:received-file-info', { id: 'x' }, 'input.id'],
    ['sharing:received-file-info', { id: ID, path: '/etc/passwd' }, 'input'],
    ['sharing:received-file-text', { id: '../../secret' }, 'input.id'],
    ['sharing:received-file-text', {}, 'input.id'],
    ['sharing:received-file-verify', { id: ID, outPath: '/tmp/x' }, 'input'],
  ])('%s refuses %j in main', async (channel, input, detail) => {
    const { registry, calls } = setup({});
    expect(await registry.invoke(channel, input)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', detail },
    });
    expect(calls).toEqual([]);
  });

  it('verifies a received file by its id only', async () => {
    const { registry, calls } = setup({
      'received-file-verify': (i) => ({ id: i.id, ok: false, reason: 'hash' }),
    });
    expect(await registry.invoke('sharing:received-file-verify', { id: ID })).toEqual({
      ok: true,
      value: { id: ID, ok: false, reason: 'hash' },
    });
    expect(calls).toEqual([{ op: 'received-file-verify', input: { id: ID } }]);
  });

  it('gives what a file is without logging a viewing', async () => {
    const { registry, calls } = setup({ 'received-file-info': () => info('image/png', 10) });
    const result = await registry.invoke('sharing:received-file-info', { id: ID });
    expect(result).toMatchObject({ ok: true, value: { id: ID, detectedType: { mime: 'image/png' } } });
    expect(calls.map((c) => c.op)).toEqual(['received-file-info']);
  });

  it('reads the start of a text file only, as one logged viewing; other types are refused', async () => {
    const text = new TextEncoder().encode('témoignage\n'.repeat(30_000));
    const { registry, calls } = setup({
      'received-file-view': () => info('text/plain', text.byteLength),
      'received-file-read-range': (i) => ({
        bytes: text.slice(i.start as number, i.end as number),
        size: text.byteLength,
      }),
    });
    const result = (await registry.invoke('sharing:received-file-text', { id: ID })) as {
      ok: true;
      value: { text: string; truncated: boolean };
    };
    expect(result.ok).toBe(true);
    expect(result.value.truncated).toBe(true);
    expect(result.value.text.startsWith('témoignage')).toBe(true);
    expect(result.value.text).not.toContain('\uFFFD');
    expect(calls.map((c) => c.op)).toEqual(['received-file-view', 'received-file-read-range']);
    expect(calls[1]!.input).toEqual({ id: ID, start: 0, end: 256 * 1024 });

    const binary = setup({ 'received-file-view': () => info('application/octet-stream', 10) });
    expect(await binary.registry.invoke('sharing:received-file-text', { id: ID })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: 'not text' },
    });
    expect(binary.calls.map((c) => c.op)).toEqual(['received-file-view']);
  });
});
