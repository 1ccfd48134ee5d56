/**
 * Threat: a compromised renderer tries to make main write an export, a receipt or a backup where it
 * chooses, to open or import a file it names, or to import a file other than the one the user saw
 * verified. The sharing channels take no path (main's dialogs or file tokens choose files), bound
 * every input, and name a verified file by a single-use `openId` main issued.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createIpcRegistry } from '../../../electron/main/ipc/registry.ts';
import { CaseVaultError } from '../../../shared/errors.ts';
import { makeDeps } from './helpers/deps.ts';

const CASE = '5b0c2a47-9d7e-4f0e-8a51-0d3c9c1e2f10';
const CONTACT = '6c1d3b58-0e8f-4a1f-9b62-1e4d0d2f3a21';
const TASK = '7d2e4c69-1f90-4b20-8c73-2f5e1e3a4b32';
const SHA = 'a'.repeat(64);

function withSharing(answers: Record<string, unknown | ((input: unknown) => unknown)> = {}) {
  const setup = makeDeps();
  const calls: Array<{ op: string; input: Record<string, unknown>; task?: { taskId: string } }> = [];
  const sharing = vi.fn(async (op: string, input: unknown, task?: { taskId: string }) => {
    calls.push({ op, input: input as Record<string, unknown>, task });
    const answer = answers[op];
    return typeof answer === 'function' ? (answer as (i: unknown) => unknown)(input) : answer;
  });
  Object.assign(setup.service, { sharing });
  return { ...setup, calls, registry: createIpcRegistry(setup.deps) };
}

const report = {
  kind: 'export',
  exportId: CASE,
  createdAt: '2026-11-23T10:00:00.000Z',
  purpose: 'Suivi juridique',
  sender: { fingerprintId: SHA, fingerprintDigits: ['12345'], known: true, contactId: CONTACT, name: 'A' },
  fileSha256: SHA,
  fileLength: 1000,
  records: { counts: { cases: 1 }, size: 10 },
  files: [],
  recipients: 1,
  checks: ['signature'],
};

describe('sharing IPC', () => {
  it.each([
    ['sharing:plan', { caseIds: [], recipientIds: [CONTACT], redacted: false }, 'input.caseIds'],
    ['sharing:plan', { caseIds: [CASE], recipientIds: [CONTACT], redacted: false, outPath: '/x' }, 'input'],
    [
      'sharing:plan',
      { caseIds: [CASE], recipientIds: Array(21).fill(CONTACT), redacted: false },
      'input.recipientIds',
    ],
    [
      'sharing:export',
      {
        caseIds: [CASE],
        recipientIds: [CONTACT],
        redacted: false,
        taskId: TASK,
        purpose: 'x',
        passphrase: 'p',
        outPath: '/tmp/x.cvx',
      },
      'input',
    ],
    [
      'sharing:export',
      {
        caseIds: [CASE],
        recipientIds: [CONTACT],
        redacted: false,
        taskId: TASK,
        purpose: 'x',
        passphrase: 'x'.repeat(1025),
      },
      'input.passphrase',
    ],
    [
      'sharing:export',
      {
        caseIds: [CASE],
        recipientIds: [CONTACT],
        redacted: false,
        taskId: TASK,
        purpose: '   ',
        passphrase: 'p',
      },
      'input.purpose',
    ],
    ['sharing:open', { path: '/etc/passwd' }, 'input'],
    ['sharing:open', { token: '../x' }, 'input.token'],
    ['sharing:import', { openId: CASE, taskId: TASK, path: '/tmp/x' }, 'input'],
    ['sharing:import', { openId: 'x', taskId: TASK }, 'input.openId'],
    ['sharing:receipt-create', { receivedId: CASE, outPath: '/tmp/r.cvx' }, 'input'],
    ['sharing:receipt-import', { path: '/tmp/r.cvx' }, 'input'],
    ['sharing:backup', { taskId: TASK, backupPassphrase: 'b', passphrase: 'p', outPath: '/x' }, 'input'],
    ['sharing:backup', { taskId: TASK, backupPassphrase: '', passphrase: 'p' }, 'input.backupPassphrase'],
    ['sharing:received-get', { id: '../../x' }, 'input.id'],
    ['sharing:extract', { openId: CASE, taskId: TASK }, 'input.acceptPlaintext'],
    ['sharing:received-file-save', { receivedId: CASE, fileId: CASE, outPath: '/tmp/x' }, 'input'],
    ['sharing:extract', { openId: CASE, taskId: TASK, acceptPlaintext: true, outDir: '/tmp' }, 'input'],
  ])('%s refuses %j at %s before any handler runs', async (channel, input, path) => {
    const { registry, calls, deps } = withSharing();
    const result = await registry.invoke(channel, input);
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: path } });
    expect(calls).toEqual([]);
    expect(deps.openDialog).not.toHaveBeenCalled();
    expect(deps.saveDialog).not.toHaveBeenCalled();
  });

  it('writes an export only where main’s save dialog says; cancelling the dialog seals nothing', async () => {
    const { registry, calls, deps } = withSharing();
    const request = {
      caseIds: [CASE],
      recipientIds: [CONTACT],
      redacted: true,
      taskId: TASK,
      purpose: 'Suivi',
      passphrase: 'secret phrase',
    };
    expect(await registry.invoke('sharing:export', request)).toEqual({
      ok: true,
      value: { saved: false, cancelled: false },
    });
    expect(calls).toEqual([]);

    vi.mocked(deps.saveDialog).mockResolvedValueOnce('/chosen/by/user/casevault-export.cvx');
    const {
      registry: second,
      calls: seen,
      deps: deps2,
    } = withSharing({
      export: (input: unknown) => ({
        exportId: CASE,
        outPath: (input as { outPath: string }).outPath,
        fileSha256: SHA,
        bytes: 1234,
        recipients: [],
        records: {},
        files: 0,
        createdAt: '2026-11-23T10:00:00.000Z',
      }),
    });
    vi.mocked(deps2.saveDialog).mockResolvedValueOnce('/chosen/by/user/casevault-export.cvx');
    const done = await second.invoke('sharing:export', request);
    expect(done).toEqual({
      ok: true,
      value: { saved: true, exportId: CASE, fileName: 'casevault-export.cvx', sha256: SHA, bytes: 1234 },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.op).toBe('export');
    expect(seen[0]?.input).toMatchObject({
      caseIds: [CASE],
      recipientContactIds: [CONTACT],
      mode: 'redacted',
      outPath: '/chosen/by/user/casevault-export.cvx',
      passphrase: 'secret phrase',
      purpose: 'Suivi',
    });
    // Run as a task main named (never the renderer's id), so progress and cancel work.
    expect(seen[0]?.task?.taskId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]?.task?.taskId).not.toBe(TASK);
  });

  it('opens through main’s dialog, and imports exactly the file verified under the openId (once)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casevault-share-'));
    const file = join(dir, 'from-alice.cvx');
    writeFileSync(file, 'x');
    const { registry, calls, deps } = withSharing({
      'open-verify': report,
      'open-import': { id: CONTACT },
    });
    vi.mocked(deps.openDialog).mockResolvedValueOnce([file]);
    const opened = await registry.invoke('sharing:open', {});
    expect(opened.ok).toBe(true);
    const value = (opened as { value: { openId: string; fileName: string; failure: unknown } }).value;
    expect(value.fileName).toBe('from-alice.cvx');
    expect(value.failure).toBeNull();
    expect(calls.map((c) => [c.op, c.input])).toEqual([['open-verify', { path: file }]]);

    const imported = await registry.invoke('sharing:import', { openId: value.openId, taskId: TASK });
    expect(imported).toEqual({ ok: true, value: { receivedId: CONTACT } });
    expect(calls.at(-1)).toMatchObject({ op: 'open-import', input: { path: file } });
    // Spent: a second import with the same id (or a made-up one) reaches nothing.
    const again = await registry.invoke('sharing:import', { openId: value.openId, taskId: TASK });
    expect(again).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: 'openId' } });
    expect(calls).toHaveLength(2);
  });

  it('extracts only into a NEW folder named in main’s save dialog, and never into an existing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casevault-share-'));
    const { registry, calls, deps } = withSharing({
      'open-verify': report,
      'extract-to': () => ({ outDir: 'x', files: [{ name: 'a.txt', size: 1 }], recordsFile: null }),
    });
    vi.mocked(deps.openDialog).mockResolvedValueOnce([join(dir, 'in.cvx')]);
    const opened = (await registry.invoke('sharing:open', {})) as { value: { openId: string } };
    const input = { openId: opened.value.openId, taskId: TASK, acceptPlaintext: true };

    // An existing folder (here: the temp folder itself) is refused before the service is called.
    vi.mocked(deps.saveDialog).mockResolvedValueOnce(dir);
    expect(await registry.invoke('sharing:extract', input)).toEqual({
      ok: false,
      error: { code: 'FILE_EXISTS', detail: 'folder' },
    });
    expect(calls.map((c) => c.op)).toEqual(['open-verify']);

    const target = join(dir, 'clair');
    vi.mocked(deps.saveDialog).mockResolvedValueOnce(target);
    expect(await registry.invoke('sharing:extract', { ...input, taskId: CONTACT })).toEqual({
      ok: true,
      value: { saved: true, folderName: 'clair', files: 1 },
    });
    expect(calls.at(-1)).toMatchObject({
      op: 'extract-to',
      input: { path: join(dir, 'in.cvx'), outDir: target, acceptPlaintext: true },
    });
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it('saves a received file only where the save dialog says, under the name the vault holds', async () => {
    const FILE = '8e3f5d7a-2a01-4c31-9d84-3a6f2f4b5c43';
    const { registry, calls, deps } = withSharing({
      'received-get': { exportId: CASE, fileList: [{ id: FILE, name: 'photo.jpg' }] },
      'received-file-extract': {},
    });
    expect(
      await registry.invoke('sharing:received-file-save', { receivedId: CASE, fileId: CONTACT }),
    ).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: 'fileId' },
    });
    expect(deps.saveDialog).not.toHaveBeenCalled();
    vi.mocked(deps.saveDialog).mockResolvedValueOnce('/u/copie.jpg');
    expect(await registry.invoke('sharing:received-file-save', { receivedId: CASE, fileId: FILE })).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect(vi.mocked(deps.saveDialog).mock.calls[0]?.[0]).toMatchObject({ defaultName: 'photo.jpg' });
    expect(calls.at(-1)).toMatchObject({
      op: 'received-file-extract',
      input: { id: FILE, outPath: '/u/copie.jpg' },
    });
  });

  it('forgets verified files when the vault locks', async () => {
    const { registry, deps, service } = withSharing({ 'open-verify': report });
    service.state = 'unlocked';
    vi.mocked(deps.openDialog).mockResolvedValueOnce(['/somewhere/a.cvx']);
    const opened = (await registry.invoke('sharing:open', {})) as { value: { openId: string } };
    await service.lock('idle');
    const result = await registry.invoke('sharing:import', { openId: opened.value.openId, taskId: TASK });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: 'openId' } });
  });

  it('reports a failed verification with its code and offers nothing to import', async () => {
    const { registry, deps } = withSharing({
      'open-verify': () => {
        throw new CaseVaultError('EXPORT_BAD_SIGNATURE');
      },
    });
    vi.mocked(deps.openDialog).mockResolvedValueOnce(['/somewhere/forged.cvx']);
    const opened = await registry.invoke('sharing:open', {});
    expect(opened).toEqual({
      ok: true,
      value: {
        cancelled: false,
        fileName: 'forged.cvx',
        openId: null,
        report: null,
        failure: { code: 'EXPORT_BAD_SIGNATURE' },
      },
    });
  });

  it('a cancelled open dialog calls nothing', async () => {
    const { registry, calls } = withSharing();
    expect(await registry.invoke('sharing:open', {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(await registry.invoke('sharing:receipt-import', {})).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(calls).toEqual([]);
  });

  it('writes a receipt and a backup only where the save dialog says', async () => {
    const { registry, calls, deps } = withSharing({
      'received-get': { exportId: CASE },
      'receipt-create': { outPath: '/u/r.cvx', exportId: CASE, fileSha256: SHA },
      backup: (input: unknown) => ({ outPath: (input as { outPath: string }).outPath, fileSha256: SHA }),
    });
    vi.mocked(deps.saveDialog).mockResolvedValueOnce('/u/r.cvx');
    expect(await registry.invoke('sharing:receipt-create', { receivedId: CONTACT })).toEqual({
      ok: true,
      value: { saved: true, fileName: 'r.cvx' },
    });
    expect(calls.at(-1)).toMatchObject({
      op: 'receipt-create',
      input: { receivedId: CONTACT, outPath: '/u/r.cvx' },
    });
    expect(vi.mocked(deps.saveDialog).mock.calls[0]?.[0]).toMatchObject({
      defaultName: `casevault-receipt-${CASE.slice(0, 8)}.cvx`,
    });

    vi.mocked(deps.saveDialog).mockResolvedValueOnce('/u/backup.cvx');
    const backup = await registry.invoke('sharing:backup', {
      taskId: TASK,
      backupPassphrase: 'b',
      passphrase: 'p',
    });
    expect(backup).toEqual({ ok: true, value: { saved: true, fileName: 'backup.cvx', sha256: SHA } });
    expect(calls.at(-1)).toMatchObject({
      op: 'backup',
      input: { outPath: '/u/backup.cvx', backupPassphrase: 'b', passphrase: 'p' },
    });
  });
});
