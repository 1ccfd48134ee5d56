/**
 * The records screens' way to main: `window.casevault.records.*`, with each `IpcResult` unwrapped
 * into a value or a thrown `UiError` (same rule as ipc/client.ts). Types come from the contract.
 */
import type { CaseVaultApi } from '../../../electron/preload/api.ts';
import { isErrorCode } from '../../../shared/errors.ts';
import type { IpcResult } from '../../../shared/ipc/contract.ts';
import type { RecordsInput, RecordsOutput } from '../../../shared/ipc/records-contract.ts';
import type { EntityName } from '../../../shared/records/schemas.ts';
import { UiError } from '../ipc/client.ts';

export type StoredRecord = RecordsOutput<'get'> & Record<string, unknown>;
export type CaseDetail = RecordsOutput<'case-detail'>;
export type CaseSummary = RecordsOutput<'list-cases'>['rows'][number];
export type CaseListFilter = RecordsInput<'list-cases'>['filter'];
export type SearchHit = RecordsOutput<'search'>[number];
export type OverdueItem = RecordsOutput<'overdue'>[number];
export type RiskTrend = RecordsOutput<'risk-trend'>;
export type HistoryEntry = RecordsOutput<'history'>[number];
export type AuditEntry = RecordsOutput<'audit'>[number];
export type CustomKind = RecordsOutput<'list-kinds'>[number];

function records(): CaseVaultApi['records'] {
  const api = (window as { casevault?: CaseVaultApi }).casevault;
  if (!api) throw new UiError('INTERNAL', 'preload bridge missing');
  return api.records;
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

export const recordsApi = {
  create: (entity: EntityName, data: Record<string, unknown>) =>
    unwrap(() => records().create({ entity, data })) as Promise<StoredRecord>,
  update: (entity: EntityName, id: string, patch: Record<string, unknown>) =>
    unwrap(() => records().update({ entity, id, patch })) as Promise<StoredRecord>,
  remove: (entity: EntityName, id: string) => unwrap(() => records().delete({ entity, id })),
  get: (entity: EntityName, id: string) =>
    unwrap(() => records().get({ entity, id })) as Promise<StoredRecord>,
  listCases: (
    filter: CaseListFilter,
    offset: number,
    limit: number,
    more: Partial<Pick<RecordsInput<'list-cases'>, 'after' | 'count'>> = {},
  ) => unwrap(() => records().listCases({ filter, offset, limit, ...more })),
  caseDetail: (caseId: string) => unwrap(() => records().caseDetail({ caseId })) as Promise<CaseDetail>,
  linkPerson: (caseId: string, personId: string, role: string) =>
    unwrap(() => records().linkPerson({ caseId, personId, role })),
  unlinkPerson: (caseId: string, personId: string, role: string) =>
    unwrap(() => records().unlinkPerson({ caseId, personId, role })),
  revealIdentity: (personId: string) => unwrap(() => records().revealIdentity({ personId })),
  history: (recordId: string) => unwrap(() => records().history({ recordId })),
  audit: (caseId?: string) => unwrap(() => records().audit(caseId ? { caseId, limit: 500 } : { limit: 500 })),
  verifyAudit: () => unwrap(() => records().verifyAudit({})),
  auditHistory: (caseId: string) => unwrap(() => records().auditHistory({ caseId, limit: 500 })),
  search: (query: string) => unwrap(() => records().search({ query, filters: { limit: 50 } })),
  riskTrend: (caseId: string) => unwrap(() => records().riskTrend({ caseId })),
  overdue: () => unwrap(() => records().overdue({})),
  listPeople: () => unwrap(() => records().listPeople({ limit: 500 })) as Promise<StoredRecord[]>,
  addKind: (kind: CustomKind) => unwrap(() => records().addKind(kind)),
  listKinds: () => unwrap(() => records().listKinds({})),
};
