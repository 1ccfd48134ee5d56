/**
 * The fixed table from a `records:*` IPC operation to the RecordsService call that answers it.
 * The worker host and the e2e harness dispatch through here; an unknown operation is refused.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { RecordsInput, RecordsOp } from '../../../shared/ipc/records-contract.ts';
import type { RecordsService } from './records-service.ts';

type OpTable = { [Op in RecordsOp]: (service: RecordsService, input: RecordsInput<Op>) => unknown };

const OK = { ok: true } as const;

export const RECORDS_OPS: OpTable = {
  create: (s, i) => s.create(i.entity, i.data),
  update: (s, i) => s.update(i.entity, i.id, i.patch),
  delete: (s, i) => {
    s.delete(i.entity, i.id);
    return OK;
  },
  get: (s, i) => s.get(i.entity, i.id),
  'list-cases': (s, i) => s.listCases(i.filter, i.offset, i.limit, { after: i.after, count: i.count }),
  'case-detail': (s, i) => s.caseDetail(i.caseId),
  'link-person': (s, i) => {
    s.linkPerson(i.caseId, i.personId, i.role);
    return OK;
  },
  'unlink-person': (s, i) => {
    s.unlinkPerson(i.caseId, i.personId, i.role);
    return OK;
  },
  'reveal-identity': (s, i) => s.revealIdentity(i.personId),
  history: (s, i) => s.history(i.recordId),
  audit: (s, i) => s.audit(i),
  'verify-audit': (s) => s.verifyAudit(),
  'audit-history': (s, i) => s.auditHistory(i),
  search: (s, i) => s.search(i.query, i.filters),
  'risk-trend': (s, i) => s.riskTrend(i.caseId),
  overdue: (s, i) => s.overdue(i.today),
  'list-people': (s, i) => s.listPeople(i.aliasPrefix, i.limit),
  'add-kind': (s, i) => s.addCustomKind(i),
  'list-kinds': (s) => s.listCustomKinds(),
};

export function runRecordsOp(service: RecordsService, op: string, input: unknown): unknown {
  if (!Object.hasOwn(RECORDS_OPS, op)) throw new CaseVaultError('INVALID_INPUT', 'operation');
  const handler = RECORDS_OPS[op as RecordsOp] as (service: RecordsService, input: unknown) => unknown;
  return handler(service, input);
}
