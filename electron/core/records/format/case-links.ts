/**
 * Writing a case ↔ person link for an import: the same checks as RecordsService.linkPerson, but no
 * audit entry per link (the import writes one entry for the whole file) and no transaction of its
 * own (it runs inside the import's).
 */
import { CaseVaultError } from '../../../../shared/errors.ts';
import type { VaultDatabase } from '../../db/open.ts';
import { prepared } from '../../db/statements.ts';

export interface CasePersonLink {
  caseId: string;
  personId: string;
  role: string;
}

export function insertCasePersonLink(db: VaultDatabase, link: CasePersonLink): void {
  if (prepared(db, 'SELECT 1 FROM cases WHERE id = ?').get(link.caseId) === undefined)
    throw new CaseVaultError('RECORD_INVALID', 'caseId: no such record');
  if (prepared(db, 'SELECT 1 FROM people WHERE id = ?').get(link.personId) === undefined)
    throw new CaseVaultError('RECORD_INVALID', 'personId: no such record');
  const info = prepared(
    db,
    'INSERT OR IGNORE INTO case_people (case_id, person_id, role) VALUES (?, ?, ?)',
  ).run(link.caseId, link.personId, link.role);
  if (info.changes === 0)
    throw new CaseVaultError(
      'RECORD_INVALID',
      'role: this person is already linked to this case in this role',
    );
}
