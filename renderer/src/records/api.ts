/**
 * The records screens' way to main: `window.casevault.records.*`, with each `IpcResult` unwrapped
 * into a value or a thrown `UiError` (same rule as ipc/client.ts). Types come from the contract.
 */
import type { CaseVaultApi } from '../../../electron/preload/api.ts';
import type { RecordsInput, RecordsOutput } from '../../../shared/ipc/records-contract.ts';
import type { EntityName } from '../../../shared/records/schemas.ts';
import { bridge, callIpc } from '../ipc/client.ts';

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

const records = (): CaseVaultApi['records'] => bridge().records;

export const recordsApi = {
  create: (entity: EntityName, data: Record<string, unknown>) =>
    callIpc(() => records().create({ entity, data })) as Promise<StoredRecord>,
  update: (entity: EntityName, id: string, patch: Record<string, unknown>) =>
    callIpc(() => records().update({ entity, id, patch })) as Promise<StoredRecord>,
  remove: (entity: EntityName, id: string) => callIpc(() => records().delete({ entity, id })),
  get: (entity: EntityName, id: string) =>
    callIpc(() => records().get({ entity, id })) as Promise<StoredRecord>,
  listCases: (
    filter: CaseListFilter,
    offset: number,
    limit: number,
    more: Partial<Pick<RecordsInput<'list-cases'>, 'after' | 'count'>> = {},
  ) => callIpc(() => records().listCases({ filter, offset, limit, ...more })),
  caseDetail: (caseId: string) => callIpc(() => records().caseDetail({ caseId })) as Promise<CaseDetail>,
  linkPerson: (caseId: string, personId: string, role: string) =>
    callIpc(() => records().linkPerson({ caseId, personId, role })),
  unlinkPerson: (caseId: string, personId: string, role: string) =>
    callIpc(() => records().unlinkPerson({ caseId, personId, role })),
  revealIdentity: (personId: string) => callIpc(() => records().revealIdentity({ personId })),
  history: (recordId: string) => callIpc(() => records().history({ recordId })),
  audit: (caseId?: string) =>
    callIpc(() => records().audit(caseId ? { caseId, limit: 500 } : { limit: 500 })),
  verifyAudit: () => callIpc(() => records().verifyAudit({})),
  auditHistory: (caseId: string) => callIpc(() => records().auditHistory({ caseId, limit: 500 })),
  search: (query: string) => callIpc(() => records().search({ query, filters: { limit: 50 } })),
  riskTrend: (caseId: string) => callIpc(() => records().riskTrend({ caseId })),
  overdue: () => callIpc(() => records().overdue({})),
  listPeople: () => callIpc(() => records().listPeople({ limit: 500 })) as Promise<StoredRecord[]>,
  addKind: (kind: CustomKind) => callIpc(() => records().addKind(kind)),
  listKinds: () => callIpc(() => records().listKinds({})),
};
