/**
 * The reports screen's way to main: `window.casevault.reports.*`, each IpcResult unwrapped into a
 * value or a thrown UiError (same rule as ipc/client.ts). The renderer never sends a path: saving
 * the CSV is one call, main asks where.
 */
import type { CaseVaultApi } from '../../../electron/preload/api.ts';
import type { Language } from '../../../shared/errors.ts';
import type { ReportQueryInput } from '../../../shared/ipc/reports-contract.ts';
import type { ReportModel } from '../../../shared/reports/model.ts';
import { bridge, callIpc } from '../ipc/client.ts';

const reports = (): CaseVaultApi['reports'] => bridge().reports;

export const reportsApi = {
  list: () => callIpc(() => reports().list({})),
  build: (query: ReportQueryInput) => callIpc(() => reports().build(query)) as Promise<ReportModel>,
  exportCsv: (query: ReportQueryInput, lang: Language) =>
    callIpc(() => reports().exportCsv({ ...query, lang })),
};
