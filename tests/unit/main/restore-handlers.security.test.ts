/**
 * Threat: the renderer gets main to restore from (or into) a path it named, or to restore a file
 * other than the one the user picked. `vault:restore-pick` takes no path (main's dialog or a
 * `files:*` token) and answers with an opaque pickId and the file NAME; verify and restore take only
 * that id, and the service gets main's path; the vault folder is never an input.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIpcRegistry } from '../../../electron/main/ipc/registry.ts';
import { makeDeps } from './helpers/deps.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const TASK = '11111111-1111-4111-8111-111111111111';
const PASS = 'une phrase de sauvegarde';

function setup() {
  const made_ = makeDeps();
  made.push(made_.dir);
  const backup = join(made_.dir, 'casevault-backup.cvx');
  writeFileSync(backup, 'not really a backup');
  made_.deps.openDialog = vi.fn(async () => [backup]);
  return { ...made_, backup, registry: createIpcRegistry(made_.deps) };
}

describe('vault:restore-*', () => {
  it('picks with main’s dialog, returns a pickId and the name only, and verifies that very file', async () => {
    const { registry, service, backup, dir, progress } = setup();
    const pick = await registry.invoke('vault:restore-pick', {});
    expect(pick).toEqual({
      ok: true,
      value: { cancelled: false, pickId: expect.any(String), fileName: 'casevault-backup.cvx' },
    });
    expect(JSON.stringify(pick)).not.toContain(dir);
    const pickId = (pick as { value: { pickId: string } }).value.pickId;

    const verified = await registry.invoke('vault:restore-verify', {
      pickId,
      backupPassphrase: PASS,
      taskId: TASK,
    });
    expect(verified).toMatchObject({ ok: true, value: { history: true, signer: { name: 'Awa' } } });
    expect(service.restoreInputs).toEqual([{ path: backup, backupPassphrase: PASS }]);
    expect(progress).toHaveBeenCalledWith(
      expect.objectContaining({ taskId: TASK, name: 'casevault-backup.cvx' }),
    );

    const restored = await registry.invoke('vault:restore', {
      pickId,
      backupPassphrase: PASS,
      newPassphrase: 'nouvelle phrase 2026',
      kdf: 'moderate',
      taskId: TASK,
    });
    expect(restored).toMatchObject({
      ok: true,
      value: { recoveryKey: 'AAAA-BBBB-CCCC', history: { segments: 1 } },
    });
    expect(service.restoreInputs[1]).toEqual({
      path: backup,
      backupPassphrase: PASS,
      newPassphrase: 'nouvelle phrase 2026',
      kdf: 'moderate',
    });
    // The pick is spent by a successful restore.
    expect(
      await registry.invoke('vault:restore-verify', { pickId, backupPassphrase: PASS, taskId: TASK }),
    ).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: 'pickId' } });
  });

  it('answers cancelled when the dialog is closed', async () => {
    const { registry, deps } = setup();
    deps.openDialog = vi.fn(async () => []);
    expect(await createIpcRegistry(deps).invoke('vault:restore-pick', {})).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(registry).toBeDefined();
  });

  it('refuses paths, folders and unknown pick ids in the input, and calls nothing', async () => {
    const { registry, service, backup, deps } = setup();
    expect(await registry.invoke('vault:restore-pick', { path: backup })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: 'input' },
    });
    expect(deps.openDialog).not.toHaveBeenCalled();
    expect(
      await registry.invoke('vault:restore', {
        pickId: TASK,
        backupPassphrase: PASS,
        newPassphrase: 'nouvelle phrase 2026',
        kdf: 'moderate',
        taskId: TASK,
        newDir: '/tmp/elsewhere',
      }),
    ).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: 'input' } });
    expect(
      await registry.invoke('vault:restore-verify', { pickId: TASK, backupPassphrase: PASS, taskId: TASK }),
    ).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: 'pickId' } });
    expect(
      await registry.invoke('vault:restore-verify', { pickId: 'x', backupPassphrase: PASS, taskId: TASK }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', detail: 'input.pickId' } });
    expect(
      await registry.invoke('vault:restore-verify', { pickId: TASK, backupPassphrase: '', taskId: TASK }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', detail: 'input.backupPassphrase' } });
    expect(service.restoreInputs).toEqual([]);
  });

  it('takes a file token instead of the dialog, once', async () => {
    const { registry, deps, backup } = setup();
    const token = deps.fileTokens.issue({ path: backup, name: 'casevault-backup.cvx', size: 19 });
    expect(await registry.invoke('vault:restore-pick', { token })).toMatchObject({
      ok: true,
      value: { cancelled: false, fileName: 'casevault-backup.cvx' },
    });
    expect(deps.openDialog).not.toHaveBeenCalled();
    expect(await registry.invoke('vault:restore-pick', { token })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('passes the service’s refusal through with its code (a vault is already there)', async () => {
    const { registry, service } = setup();
    service.state = 'locked';
    const pick = (await registry.invoke('vault:restore-pick', {})) as { value: { pickId: string } };
    expect(
      await registry.invoke('vault:restore', {
        pickId: pick.value.pickId,
        backupPassphrase: PASS,
        newPassphrase: 'nouvelle phrase 2026',
        kdf: 'moderate',
        taskId: TASK,
      }),
    ).toEqual({ ok: false, error: { code: 'VAULT_ALREADY_EXISTS' } });
  });
});
