/**
 * Restoring a backup from the first-run screen (shared/ipc/restore-contract.ts). The backup file
 * comes from main's own open dialog (or a `files:*` token) and is remembered here under a random
 * `pickId`, so verify and restore read the very file the user picked; the vault folder is the app's
 * own (the service's), as for `vault:create`. The work runs in the vault worker as a task: progress
 * relayed as `task:progress`, `task:cancel` honoured. Passphrases go straight to the service.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { CaseVaultError } from '../../../../shared/errors.ts';
import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';
import { EXPORT_FILTERS } from './sharing.ts';

/** At most this many picked files are remembered (oldest forgotten first). */
export const MAX_PENDING_PICKS = 8;

export function registerRestoreHandlers(register: Register, deps: IpcDeps): void {
  const picks = new Map<string, { path: string; name: string }>();

  function picked(pickId: string): { path: string; name: string } {
    const file = picks.get(pickId);
    if (!file) throw new CaseVaultError('INVALID_INPUT', 'pickId');
    return file;
  }

  /** One service call as a renderer-named task with one "file" (the backup). */
  async function asTask<T>(taskId: string, name: string, run: (task: { taskId: string }) => Promise<T>) {
    const task = deps.tasks.begin(taskId, 1);
    try {
      const value = await run({ taskId: task.startFile(0, name, 0) });
      task.finishFile(0);
      return value;
    } finally {
      task.end();
    }
  }

  register('vault:restore-pick', async ({ token }) => {
    let file: { path: string; name: string } | undefined;
    if (token !== undefined) {
      const [chosen] = deps.fileTokens.take([token]);
      file = chosen ? { path: chosen.path, name: chosen.name } : undefined;
    } else {
      const [path] = await deps.openDialog({ multiple: false, filters: EXPORT_FILTERS });
      file = path === undefined ? undefined : { path, name: basename(path) };
    }
    if (!file) return { cancelled: true as const };
    const pickId = randomUUID();
    picks.set(pickId, file);
    while (picks.size > MAX_PENDING_PICKS) picks.delete(picks.keys().next().value as string);
    return { cancelled: false as const, pickId, fileName: file.name };
  });

  register('vault:restore-verify', async ({ pickId, backupPassphrase, taskId }) => {
    const file = picked(pickId);
    return asTask(taskId, file.name, (task) =>
      deps.service.inspectBackup({ path: file.path, backupPassphrase }, task),
    );
  });

  register('vault:restore', async ({ pickId, backupPassphrase, newPassphrase, kdf, taskId }) => {
    const file = picked(pickId);
    const outcome = await asTask(taskId, file.name, (task) =>
      deps.service.restoreHere({ path: file.path, backupPassphrase, newPassphrase, kdf }, task),
    );
    picks.delete(pickId);
    deps.activity();
    return outcome;
  });
}
