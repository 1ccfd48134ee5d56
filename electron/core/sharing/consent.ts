/**
 * Consent gating (docs/sharing.md §Consent). A case's consents are its consent records; those "in
 * force" have no `withdrawnOn`, or one later than today. For a recipient with contact role R:
 *
 * - no consent record at all                      → `no-consent`  (full refused; redacted allowed)
 * - consents exist but every one was withdrawn     → `consent-withdrawn` (nothing leaves, not even
 *                                                   redacted: the person said stop)
 * - full mode: EVERY consent in force must be `identifying` and list R among its recipient kinds;
 *   otherwise `anonymised-only` or `role-not-consented` (redacted allowed)
 * - redacted mode: allowed unless every consent was withdrawn.
 *
 * The most restrictive consent in force wins: a case with two people, one of whom consented to
 * anonymised data only, sends nothing identifying.
 */
import type { ConsentRefusal, ExportMode } from '../../../shared/sharing/schemas.ts';
import type { VaultDatabase } from '../db/open.ts';

interface ConsentFacts {
  dataLevel: string;
  recipientKinds: string[];
  withdrawnOn?: string;
}

export function caseConsents(db: VaultDatabase, caseId: string): ConsentFacts[] {
  const rows = db
    .prepare('SELECT data FROM consents WHERE case_id = ? ORDER BY id')
    .pluck()
    .all(caseId) as string[];
  return rows.map((data) => {
    const c = JSON.parse(data) as ConsentFacts;
    return {
      dataLevel: c.dataLevel,
      recipientKinds: c.recipientKinds,
      ...(c.withdrawnOn ? { withdrawnOn: c.withdrawnOn } : {}),
    };
  });
}

/** The reason `mode` is refused for a recipient of role `role`, or undefined when allowed. */
export function consentRefusal(
  consents: readonly ConsentFacts[],
  role: string,
  mode: ExportMode,
  today: string,
): ConsentRefusal | undefined {
  if (consents.length === 0) return mode === 'full' ? 'no-consent' : undefined;
  const inForce = consents.filter((c) => c.withdrawnOn === undefined || c.withdrawnOn > today);
  if (inForce.length === 0) return 'consent-withdrawn';
  if (mode === 'redacted') return undefined;
  if (inForce.some((c) => c.dataLevel !== 'identifying')) return 'anonymised-only';
  if (inForce.some((c) => !c.recipientKinds.includes(role))) return 'role-not-consented';
  return undefined;
}
