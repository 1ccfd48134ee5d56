/**
 * Called by the records store inside the transaction that deletes a case: every evidence item of
 * the case gets its custody `delete` entry. The rows themselves go by the foreign key's cascade, the
 * `evidence_items_shred` trigger queues their blobs, and the service shreds them after the commit
 * (or at the next unlock / check after a crash).
 */

import type { VaultDatabase } from '../db/open.ts';
import type { AuditMac } from '../records/audit.ts';
import { appendCustody } from './custody.ts';
import { evidenceOfCase } from './repository.ts';

export function noteCaseEvidenceDeleted(
  ctx: { db: VaultDatabase; mac: AuditMac; now(): Date; actor: string },
  caseId: string,
): void {
  for (const item of evidenceOfCase(ctx.db, caseId)) {
    appendCustody(ctx, 'delete', item.id, item.sha256, { withCase: caseId });
  }
}
