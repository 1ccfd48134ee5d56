/**
 * The export plan (op `export-plan`): per recipient, the consent verdict for every case and the
 * sendability of their key; and what leaves — the same sealed file goes to every recipient, so
 * "what leaves" is one list. `export` recomputes this plan and refuses what it refuses.
 */
import type { ExportMode, ExportPlan, PlanRecipient } from '../../../shared/sharing/schemas.ts';
import type { IdentityService } from '../identity/identity-service.ts';
import type { RecordContext } from '../records/store.ts';
import { caseConsents, consentRefusal } from './consent.ts';
import { FREE_TEXT_KEPT, REDACTED_LEFT_OUT } from './redact-records.ts';
import { type SelectedCase, type Selection, select } from './selection.ts';

export interface PlanRequest {
  cases: SelectedCase[];
  recipientContactIds: string[];
  mode: ExportMode;
  includeEvidence: boolean;
}

export function buildPlan(
  ctx: RecordContext,
  identity: IdentityService,
  request: PlanRequest,
): { plan: ExportPlan; selection: Selection } {
  const today = ctx.now().toISOString().slice(0, 10);
  const consents = new Map(request.cases.map((c) => [c.id, caseConsents(ctx.db, c.id)]));
  const sendable = identity.checkSendable(request.recipientContactIds);
  const recipients = sendable.contacts.map((contact): PlanRecipient => {
    const refusalsIn = (mode: ExportMode) =>
      request.cases.flatMap((c) => {
        const reason = consentRefusal(consents.get(c.id)!, contact.role, mode, today);
        return reason ? [{ caseId: c.id, caseCode: c.code, reason }] : [];
      });
    const refusals = refusalsIn(request.mode);
    return {
      contactId: contact.id,
      name: contact.name,
      organisation: contact.organisation,
      role: contact.role,
      verification: contact.verification,
      fingerprintId: contact.fingerprint.id,
      issues: contact.issues,
      refusals,
      allowed: refusals.length === 0,
      redactedAllowed:
        request.mode === 'redacted' ? refusals.length === 0 : refusalsIn('redacted').length === 0,
    };
  });
  const selection = select(ctx, request.cases, request.mode, request.includeEvidence);
  const blockers: ExportPlan['blockers'] = [];
  if (recipients.some((r) => !r.allowed)) blockers.push('consent-refused');
  if (recipients.some((r) => r.issues.includes('key-changed'))) blockers.push('recipient-key-changed');
  if (sendable.missing.length > 0) blockers.push('recipient-missing');
  const plan: ExportPlan = {
    mode: request.mode,
    cases: request.cases.map((c) => ({ id: c.id, code: c.code, kind: c.kind })),
    recipients,
    leaves: {
      identifying: request.mode === 'full',
      records: selection.counts,
      recordsLeftOut: request.mode === 'redacted' ? [...REDACTED_LEFT_OUT] : [],
      freeTextKept: [...FREE_TEXT_KEPT],
      evidence: selection.evidence,
      totalBytes: selection.evidence.reduce((sum, e) => sum + e.size, 0),
    },
    evidenceLeftOut: selection.evidenceLeftOut,
    canExport: blockers.length === 0,
    blockers,
  };
  return { plan, selection };
}
