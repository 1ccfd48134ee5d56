/**
 * The sharing screens' way to main: `window.casevault.sharing.*`, each IpcResult unwrapped into a
 * value or a thrown UiError (same rule as ipc/client.ts). No call carries a path: main's dialogs
 * choose files; an opened file is named by the `openId` main returned.
 */
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
import { bridge, callIpc } from '../ipc/client.ts';

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

export const sharingApi = {
  plan: (selection: Selection) => callIpc(() => bridge().sharing.plan(selection)),
  export: (request: SharingInput<'sharing:export'>) => callIpc(() => bridge().sharing.export(request)),
  cancel: (taskId: string) => callIpc(() => bridge().task.cancel({ taskId })),
  open: (): Promise<OpenedView> => callIpc(() => bridge().sharing.open({})),
  import: (openId: string, taskId: string) => callIpc(() => bridge().sharing.import({ openId, taskId })),
  extract: (openId: string, taskId: string) =>
    callIpc(() => bridge().sharing.extract({ openId, taskId, acceptPlaintext: true })),
  discard: (openId: string) => callIpc(() => bridge().sharing.discard({ openId })),
  receivedList: () => callIpc(() => bridge().sharing.receivedList({})),
  receivedGet: (id: string) => callIpc(() => bridge().sharing.receivedGet({ id })),
  saveReceivedFile: (receivedId: string, fileId: string) =>
    callIpc(() => bridge().sharing.receivedFileSave({ receivedId, fileId })),
  createReceipt: (receivedId: string) => callIpc(() => bridge().sharing.receiptCreate({ receivedId })),
  importReceipt: () => callIpc(() => bridge().sharing.receiptImport({})),
  exportsLog: () => callIpc(() => bridge().sharing.exportsLog({})),
  backupStatus: () => callIpc(() => bridge().sharing.backupStatus({})),
  backup: (taskId: string, backupPassphrase: string, passphrase: string) =>
    callIpc(() => bridge().sharing.backup({ taskId, backupPassphrase, passphrase })),
  reportExport: (request: SharingInput<'sharing:report-export'>) =>
    callIpc(() => bridge().sharing.reportExport(request)),
  receivedReport: (id: string) => callIpc(() => bridge().sharing.receivedReport({ id })),
  onProgress: (listener: (progress: { taskId: string; done: number; total: number }) => void) =>
    bridge().on('task:progress', listener),
};
