/** An item belongs to a case, and optionally to an incident and a risk entry of that same case. */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { VaultDatabase } from '../db/open.ts';

export function checkLinks(
  db: VaultDatabase,
  links: { caseId: string; incidentId?: string | undefined; riskEntryId?: string | undefined },
): string {
  const kind = db.prepare('SELECT kind FROM cases WHERE id = ?').pluck().get(links.caseId) as
    | string
    | undefined;
  if (kind === undefined) throw new CaseVaultError('RECORD_NOT_FOUND', 'case');
  for (const [field, table, id] of [
    ['incidentId', 'incidents', links.incidentId],
    ['riskEntryId', 'risk_entries', links.riskEntryId],
  ] as const) {
    if (id === undefined) continue;
    const caseId = db.prepare(`SELECT case_id FROM ${table} WHERE id = ?`).pluck().get(id) as
      | string
      | undefined;
    if (caseId === undefined) throw new CaseVaultError('RECORD_INVALID', `${field}: no such record`);
    if (caseId !== links.caseId) throw new CaseVaultError('RECORD_INVALID', `${field}: another case`);
  }
  return kind;
}
