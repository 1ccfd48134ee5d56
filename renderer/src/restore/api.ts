/**
 * The restore screens' way to main: `window.casevault.vault.restore*`, each IpcResult unwrapped into
 * a value or a thrown UiError (same rule as ipc/client.ts). No call carries a path: main's dialog
 * picks the backup and answers with a `pickId`; the vault folder is main's.
 */
import type { CaseVaultApi } from '../../../electron/preload/api.ts';
import { isErrorCode } from '../../../shared/errors.ts';
import type { IpcResult, KdfPreset } from '../../../shared/ipc/contract.ts';
import type { BackupInspection, RestoreOutcome } from '../../../shared/sharing/restore-schemas.ts';
import { UiError } from '../ipc/client.ts';

export type { BackupInspection, RestoreOutcome };

function bridge(): CaseVaultApi {
  const api = (window as { casevault?: CaseVaultApi }).casevault;
  if (!api) throw new UiError('INTERNAL', 'preload bridge missing');
  return api;
}

async function unwrap<T>(pending: () => Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await pending();
  } catch (caught) {
    if (caught instanceof UiError) throw caught;
    throw new UiError('INTERNAL');
  }
  if (result.ok) return result.value;
  const code = isErrorCode(result.error.code) ? result.error.code : 'INTERNAL';
  throw new UiError(code, result.error.detail);
}

export const restoreApi = {
  pick: () => unwrap(() => bridge().vault.restorePick({})),
  verify: (pickId: string, backupPassphrase: string, taskId: string) =>
    unwrap(() => bridge().vault.restoreVerify({ pickId, backupPassphrase, taskId })),
  restore: (request: {
    pickId: string;
    backupPassphrase: string;
    newPassphrase: string;
    kdf: KdfPreset;
    taskId: string;
  }) => unwrap(() => bridge().vault.restore(request)),
  cancel: (taskId: string) => unwrap(() => bridge().task.cancel({ taskId })),
};
