/**
 * The sharing screens' way to main: `window.casevault.sharing.*`, each IpcResult unwrapped into a
 * value or a thrown UiError (same rule as ipc/client.ts). No call carries a path: main's dialogs
 * choose files; an opened file is named by the `openId` main returned.
 */
import type { CaseVaultApi } from '../../../electron/preload/api.ts';
import { isErrorCode } from '../../../shared/errors.ts';
import type { IpcResult } from '../../../shared/ipc/contract.ts';
import type {
  BackupStatusView as BackupStatus,
  ExportLogView,
  ExportPlanView as ExportPlan,
  ReceivedDetailView,
  ReceivedSummaryView,
  RecipientPlanView,
  SharingInput,
  SharingOutput,
  Verification,
} from '../../../shared/ipc/sharing-contract.ts';
import { UiError } from '../ipc/client.ts';

export type {
  BackupStatus,
  ExportLogView,
  ExportPlan,
  ReceivedDetailView,
  ReceivedSummaryView,
  RecipientPlanView,
  Verification,
};
export type ExportDoneView = SharingOutput<'sharing:export'>;
export type OpenedView = SharingOutput<'sharing:open'>;
export type Selection = SharingInput<'sharing:plan'>;

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

export const sharingApi = {
  plan: (selection: Selection) => unwrap(() => bridge().sharing.plan(selection)),
  export: (request: SharingInput<'sharing:export'>) => unwrap(() => bridge().sharing.export(request)),
  cancel: (taskId: string) => unwrap(() => bridge().task.cancel({ taskId })),
  open: (): Promise<OpenedView> => unwrap(() => bridge().sharing.open({})),
  import: (openId: string, taskId: string) => unwrap(() => bridge().sharing.import({ openId, taskId })),
  extract: (openId: string, taskId: string) =>
    unwrap(() => bridge().sharing.extract({ openId, taskId, acceptPlaintext: true })),
  discard: (openId: string) => unwrap(() => bridge().sharing.discard({ openId })),
  receivedList: () => unwrap(() => bridge().sharing.receivedList({})),
  receivedGet: (id: string) => unwrap(() => bridge().sharing.receivedGet({ id })),
  saveReceivedFile: (receivedId: string, fileId: string) =>
    unwrap(() => bridge().sharing.receivedFileSave({ receivedId, fileId })),
  createReceipt: (receivedId: string) => unwrap(() => bridge().sharing.receiptCreate({ receivedId })),
  importReceipt: () => unwrap(() => bridge().sharing.receiptImport({})),
  exportsLog: () => unwrap(() => bridge().sharing.exportsLog({})),
  backupStatus: () => unwrap(() => bridge().sharing.backupStatus({})),
  backup: (taskId: string, backupPassphrase: string, passphrase: string) =>
    unwrap(() => bridge().sharing.backup({ taskId, backupPassphrase, passphrase })),
  reportExport: (request: SharingInput<'sharing:report-export'>) =>
    unwrap(() => bridge().sharing.reportExport(request)),
  receivedReport: (id: string) => unwrap(() => bridge().sharing.receivedReport({ id })),
  onProgress: (listener: (progress: { taskId: string; done: number; total: number }) => void) =>
    bridge().on('task:progress', listener),
};
