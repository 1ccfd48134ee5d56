/**
 * The reports screen's way to main: `window.casevault.reports.*`, each IpcResult unwrapped into a
 * value or a thrown UiError (same rule as ipc/client.ts). The renderer never sends a path: saving
 * the CSV is one call, main asks where.
 */
import type { CaseVaultApi } from '../../../electron/preload/api.ts';
import { isErrorCode, type Language } from '../../../shared/errors.ts';
import type { IpcResult } from '../../../shared/ipc/contract.ts';
import type { ReportQueryInput } from '../../../shared/ipc/reports-contract.ts';
import type { ReportModel } from '../../../shared/reports/model.ts';
import { UiError } from '../ipc/client.ts';

function reports(): CaseVaultApi['reports'] {
  const api = (window as { casevault?: CaseVaultApi }).casevault;
  if (!api) throw new UiError('INTERNAL', 'preload bridge missing');
  return api.reports;
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

export const reportsApi = {
  list: () => unwrap(() => reports().list({})),
  build: (query: ReportQueryInput) => unwrap(() => reports().build(query)) as Promise<ReportModel>,
  exportCsv: (query: ReportQueryInput, lang: Language) =>
    unwrap(() => reports().exportCsv({ ...query, lang })),
};
