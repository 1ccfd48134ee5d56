/**
 * The evidence IPC, end to end in Node: main's registry and preview protocol (createAppServices)
 * over the real vault core (LocalVaultService, real SQLCipher and libsodium). Files reach the vault
 * only as tokens from the (stand-in) OS dialog; previews come by range from decrypted memory.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalVaultService } from '../../../electron/core/service/local-vault-service.ts';
import { createVault } from '../../../electron/core/vault/vault.ts';
import { type AppServices, createAppServices } from '../../../electron/main/app-services.ts';
import type { EvidenceItem } from '../../../shared/evidence/schemas.ts';
import type { IpcResult } from '../../../shared/ipc/contract.ts';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../helpers/vault.ts';

interface Setup {
  services: AppServices;
  files: string;
  caseId: string;
  sendEvent: ReturnType<typeof vi.fn>;
  nextOpen: string[][];
  nextSave: Array<string | undefined>;
  invoke<T>(channel: string, input: unknown): Promise<T>;
  raw(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  pick(...paths: string[]): Promise<string[]>;
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup(caseKind = 'defender-protection'): Promise<Setup> {
  const temp = tempDir('casevault-evidence-ipc-');
  const vaultDir = join(temp.dir, 'vault');
  const files = join(temp.dir, 'files');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(files);
  const { session } = await createVault(vaultDir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
  session.lock();
  const nextOpen: string[][] = [];
  const nextSave: Array<string | undefined> = [];
  const sendEvent = vi.fn();
  const services = createAppServices({
    vaultDir,
    preferencesFile: join(temp.dir, 'preferences.json'),
    service: new LocalVaultService({ dir: vaultDir }),
    hideWindow: () => {},
    sendEvent,
    appInfo: () => ({ version: '0.1.0', platform: 'linux', systemLanguage: 'fr' }),
    openDialog: async () => nextOpen.shift() ?? [],
    saveDialog: async () => nextSave.shift(),
  });
  cleanup = async () => {
    await services.dispose();
    temp.cleanup();
  };
  const raw = (channel: string, input: unknown) => services.registry.invoke(channel, input);
  const invoke = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await raw(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.detail ?? ''}`);
    return result.value as T;
  };
  await invoke('vault:unlock', { passphrase: PASSPHRASE });
  const kase = await invoke<{ id: string }>('records:create', {
    entity: 'case',
    data: { code: 'EV-2026-007', kind: caseKind, title: 'Menaces', openedOn: '2026-03-01' },
  });
  const pick = async (...paths: string[]) => {
    nextOpen.push(paths);
    const chosen = await invoke<{ files: Array<{ token: string }> }>('files:pick', { multiple: true });
    return chosen.files.map((f) => f.token);
  };
  return { services, files, caseId: kase.id, sendEvent, nextOpen, nextSave, invoke, raw, pick };
}

const TASK = '5d0c6a3e-8f21-4b7a-9c3d-2e1f0a9b8c7d';
const TASK2 = '6d0c6a3e-8f21-4b7a-9c3d-2e1f0a9b8c7d';
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('evidence over IPC (real vault core)', () => {
  it('adds picked files by token, relays per-file progress, and refuses a spent token', async () => {
    const s = await setup();
    const note = join(s.files, 'note.txt');
    const text = 'Message reçu le 2 mars à 22 h.\n';
    writeFileSync(note, text);
    const noteSize = Buffer.byteLength(text);
    const data = join(s.files, 'data.bin');
    writeFileSync(data, Buffer.alloc(70_000, 7));
    const tokens = await s.pick(note, data);
    const outcome = await s.invoke<{ items: EvidenceItem[]; failed: unknown[]; cancelled: boolean }>(
      'evidence:add',
      { taskId: TASK, caseId: s.caseId, tokens, source: { kind: 'received', receivedFrom: 'Militante A' } },
    );
    expect(outcome.failed).toEqual([]);
    expect(outcome.cancelled).toBe(false);
    expect(outcome.items.map((i) => [i.originalName, i.size, i.sha256])).toEqual([
      ['note.txt', noteSize, sha256(text)],
      ['data.bin', 70_000, sha256(readFileSync(data))],
    ]);
    const progress = s.sendEvent.mock.calls
      .filter(([channel]) => channel === 'task:progress')
      .map(([, p]) => p);
    expect(progress[0]).toEqual({
      taskId: TASK,
      index: 0,
      count: 2,
      name: 'note.txt',
      done: 0,
      total: noteSize,
    });
    expect(progress.at(-1)).toEqual({
      taskId: TASK,
      index: 1,
      count: 2,
      name: 'data.bin',
      done: 70_000,
      total: 70_000,
    });
    expect(JSON.stringify(progress)).not.toContain(s.files);

    const again = await s.raw('evidence:add', { taskId: TASK2, caseId: s.caseId, tokens: [tokens[0]] });
    expect(again).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: 'file-selection:1' } });
    const listed = await s.invoke<{ total: number }>('evidence:list', { caseId: s.caseId });
    expect(listed.total).toBe(2);
  });

  it('reads text bounded, verifies, saves a decrypted copy only where the save dialog says, deletes', async () => {
    const s = await setup();
    const note = join(s.files, 'note.txt');
    writeFileSync(note, 'Numéro masqué, appel de 3 minutes.\n');
    const [token] = await s.pick(note);
    const { items } = await s.invoke<{ items: EvidenceItem[] }>('evidence:add', {
      taskId: TASK,
      caseId: s.caseId,
      tokens: [token],
    });
    const id = items[0]!.id;
    expect(await s.invoke('evidence:read-text', { id })).toEqual({
      text: 'Numéro masqué, appel de 3 minutes.\n',
      truncated: false,
      size: Buffer.byteLength('Numéro masqué, appel de 3 minutes.\n'),
    });
    expect(await s.invoke('evidence:verify', { ids: [id] })).toEqual([{ id, ok: true }]);

    s.nextSave.push(undefined);
    expect(await s.invoke('evidence:save-copy', { id })).toEqual({ saved: false });
    const out = join(s.files, 'copie.txt');
    s.nextSave.push(out);
    expect(await s.invoke('evidence:save-copy', { id })).toEqual({ saved: true });
    expect(readFileSync(out, 'utf8')).toBe('Numéro masqué, appel de 3 minutes.\n');

    const detail = await s.invoke<{ custody: Array<{ action: string }> }>('evidence:get', { id });
    expect(detail.custody.map((c) => c.action)).toEqual(['acquire', 'view', 'verify', 'extract']);

    expect(await s.invoke('evidence:delete', { id })).toEqual({ ok: true });
    expect(await s.raw('evidence:get', { id })).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_NOT_FOUND' },
    });
    expect(existsSync(out)).toBe(true);
  });

  it('serves a preview by range from memory, and refuses it once locked or for an unknown id', async () => {
    const s = await setup();
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 31) % 256));
    const file = join(s.files, 'clip.bin');
    writeFileSync(file, bytes);
    const { items } = await s.invoke<{ items: EvidenceItem[] }>('evidence:add', {
      taskId: TASK,
      caseId: s.caseId,
      tokens: await s.pick(file),
    });
    const url = `casevault://app/__evidence__/${items[0]!.id}`;
    const response = await s.services.evidenceProtocol.handle(
      new Request(url, { headers: { range: 'bytes=100000-100099' } }),
    );
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100000-100099/200000');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes.subarray(100_000, 100_100));
    const whole = await s.services.evidenceProtocol.handle(new Request(url));
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const unknown = await s.services.evidenceProtocol.handle(
      new Request('casevault://app/__evidence__/00000000-0000-4000-8000-000000000000'),
    );
    expect(unknown.status).toBe(404);

    await s.invoke('vault:lock', {});
    const locked = await s.services.evidenceProtocol.handle(
      new Request(url, { headers: { range: 'bytes=0-9' } }),
    );
    expect(locked.status).toBe(403);
  });

  it('cancels a multi-file add: the file in flight and the ones after it are not added', async () => {
    const s = await setup();
    const big = join(s.files, 'big.bin');
    writeFileSync(big, Buffer.alloc(24 * 1024 * 1024, 1));
    const small = join(s.files, 'small.txt');
    writeFileSync(small, 'après');
    const tokens = await s.pick(big, small);
    let cancelling: Promise<unknown> | undefined;
    s.sendEvent.mockImplementation((channel: string) => {
      if (channel === 'task:progress' && !cancelling) cancelling = s.invoke('task:cancel', { taskId: TASK });
    });
    const outcome = await s.invoke<{ items: unknown[]; cancelled: boolean }>('evidence:add', {
      taskId: TASK,
      caseId: s.caseId,
      tokens,
    });
    await cancelling;
    expect(outcome).toMatchObject({ items: [], cancelled: true });
    expect(await s.invoke('evidence:list', { caseId: s.caseId })).toMatchObject({ total: 0 });
    // Cancelling a finished task is not an error.
    expect(await s.invoke('task:cancel', { taskId: TASK })).toEqual({ ok: true });
  });

  it('says which files were not added when the vault locks during an add', async () => {
    const s = await setup();
    const big = join(s.files, 'big.bin');
    writeFileSync(big, Buffer.alloc(24 * 1024 * 1024, 2));
    const small = join(s.files, 'small.txt');
    writeFileSync(small, 'après');
    const tokens = await s.pick(big, small);
    const spare = await s.pick(small);
    let locking: Promise<unknown> | undefined;
    s.sendEvent.mockImplementation((channel: string) => {
      if (channel === 'task:progress' && !locking) locking = s.invoke('vault:lock', {});
    });
    const outcome = await s.invoke<{ items: unknown[]; failed: Array<{ name: string }>; cancelled: boolean }>(
      'evidence:add',
      { taskId: TASK, caseId: s.caseId, tokens },
    );
    await locking;
    expect(outcome.items).toEqual([]);
    expect(outcome.cancelled).toBe(false);
    expect(outcome.failed.map((f) => f.name)).toEqual(['big.bin', 'small.txt']);
    // A choice not yet spent died with the lock: it cannot be used after unlocking.
    await s.invoke('vault:unlock', { passphrase: PASSPHRASE });
    expect(await s.raw('evidence:add', { taskId: TASK2, caseId: s.caseId, tokens: spare })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: 'file-selection:1' },
    });
  });

  it('reports per-file failures and goes on with the batch', async () => {
    const s = await setup('ocsea-report');
    const png = join(s.files, 'capture.png');
    // A PNG signature is enough for the type check that guards OCSEA cases.
    writeFileSync(
      png,
      Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
    );
    const note = join(s.files, 'signalement.txt');
    writeFileSync(note, 'Référence du signalement : 12345');
    const outcome = await s.invoke<{ items: EvidenceItem[]; failed: unknown[] }>('evidence:add', {
      taskId: TASK,
      caseId: s.caseId,
      tokens: await s.pick(png, note),
    });
    expect(outcome.failed).toEqual([{ name: 'capture.png', code: 'EVIDENCE_OCSEA_WARNING' }]);
    expect(outcome.items.map((i) => i.originalName)).toEqual(['signalement.txt']);
  });
});
