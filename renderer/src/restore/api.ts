/**
 * The restore screens' way to main: `window.casevault.vault.restore*`, each IpcResult unwrapped into
 * a value or a thrown UiError (same rule as ipc/client.ts). No call carries a path: main's dialog
 * picks the backup and answers with a `pickId`; the vault folder is main's.
 */
import type { KdfPreset } from '../../../shared/ipc/contract.ts';
import type { BackupInspection, RestoreOutcome } from '../../../shared/sharing/restore-schemas.ts';
import { bridge, callIpc } from '../ipc/client.ts';

export type { BackupInspection, RestoreOutcome };

export const restoreApi = {
  pick: () => callIpc(() => bridge().vault.restorePick({})),
  verify: (pickId: string, backupPassphrase: string, taskId: string) =>
    callIpc(() => bridge().vault.restoreVerify({ pickId, backupPassphrase, taskId })),
  restore: (request: {
    pickId: string;
    backupPassphrase: string;
    newPassphrase: string;
    kdf: KdfPreset;
    taskId: string;
  }) => callIpc(() => bridge().vault.restore(request)),
  cancel: (taskId: string) => callIpc(() => bridge().task.cancel({ taskId })),
};
