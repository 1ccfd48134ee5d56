/**
 * What the export, open and receipt code asks of contacts:
 * - `checkSendable(ids)`: a report for the export wizard — which recipients are unverified (warn)
 *   and which have a key change waiting (block until the user decides), and which ids are unknown;
 * - `recipientKeys(ids)`: the current public keys to seal to, refusing unknown contacts
 *   (CONTACT_NOT_FOUND) and contacts with a pending key change (CONTACT_KEY_CHANGED);
 * - `findContactByKey`: who a signature or a fingerprint belongs to, including old keys, so an
 *   opener can say "signed with a key this contact used before".
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { ContactRole, VerificationState } from '../../../shared/identity/constants.ts';
import { type ContactSummary, getContact, type KeyStatus, listContacts } from './contacts-store.ts';
import type { Fingerprint } from './fingerprint.ts';
import { asBuffer, type IdentityContext } from './identity-store.ts';

export type SendIssue = 'unverified' | 'key-changed';

export interface SendabilityEntry {
  id: string;
  name: string;
  organisation: string;
  role: ContactRole;
  verification: VerificationState;
  fingerprint: Fingerprint;
  issues: SendIssue[];
}

export interface SendabilityReport {
  /** No recipient is blocked and none is missing (unverified ones only warn). */
  ok: boolean;
  /** Every recipient's fingerprint was verified and none has a key change waiting. */
  allVerified: boolean;
  contacts: SendabilityEntry[];
  /** Ids that are not contacts (deleted meanwhile). */
  missing: string[];
}

export interface RecipientKeys {
  contactId: string;
  name: string;
  organisation: string;
  role: ContactRole;
  boxPublicKey: Uint8Array;
  signPublicKey: Uint8Array;
  fingerprint: Fingerprint;
  verification: VerificationState;
}

function summaries(
  ctx: IdentityContext,
  ids: readonly string[],
): { found: ContactSummary[]; missing: string[] } {
  const byId = new Map(listContacts(ctx).map((c) => [c.id, c]));
  const unique = [...new Set(ids)];
  return {
    found: unique.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    missing: unique.filter((id) => !byId.has(id)),
  };
}

export function checkSendable(ctx: IdentityContext, ids: readonly string[]): SendabilityReport {
  const { found, missing } = summaries(ctx, ids);
  const contacts = found.map((c): SendabilityEntry => {
    const issues: SendIssue[] = [];
    if (c.keyChanged) issues.push('key-changed');
    if (c.verification === 'unverified') issues.push('unverified');
    return {
      id: c.id,
      name: c.name,
      organisation: c.organisation,
      role: c.role,
      verification: c.verification,
      fingerprint: c.fingerprint,
      issues,
    };
  });
  return {
    ok: missing.length === 0 && contacts.every((c) => !c.issues.includes('key-changed')),
    allVerified: missing.length === 0 && contacts.every((c) => c.issues.length === 0),
    contacts,
    missing,
  };
}

/** The current keys of each recipient, in the order given (duplicates removed). */
export function recipientKeys(ctx: IdentityContext, ids: readonly string[]): RecipientKeys[] {
  const { found, missing } = summaries(ctx, ids);
  if (missing.length > 0) throw new CaseVaultError('CONTACT_NOT_FOUND');
  return found.map((c) => {
    if (c.keyChanged) throw new CaseVaultError('CONTACT_KEY_CHANGED');
    const detail = getContact(ctx, c.id);
    return {
      contactId: c.id,
      name: c.name,
      organisation: c.organisation,
      role: c.role,
      boxPublicKey: detail.current.boxPublicKey,
      signPublicKey: detail.current.signPublicKey,
      fingerprint: detail.current.fingerprint,
      verification: c.verification,
    };
  });
}

export interface KeyOwner {
  contact: ContactSummary;
  /** Which of the contact's keys it is: `current`, or an older / pending / rejected one. */
  keyStatus: KeyStatus;
}

/**
 * The contact that holds (or held) a key, by Ed25519 public key (a signature's signer) or by
 * fingerprint id (64 hex). `undefined` when nobody in this vault ever had it.
 */
export function findContactByKey(
  ctx: IdentityContext,
  key: { signPublicKey: Uint8Array } | { fingerprintId: string },
): KeyOwner | undefined {
  const row = (
    'signPublicKey' in key
      ? ctx.db
          .prepare(
            "SELECT contact_id, status FROM contact_keys WHERE sign_public = ? ORDER BY CASE status WHEN 'current' THEN 0 ELSE 1 END, id DESC LIMIT 1",
          )
          .get(asBuffer(key.signPublicKey))
      : ctx.db
          .prepare(
            "SELECT contact_id, status FROM contact_keys WHERE fingerprint = ? ORDER BY CASE status WHEN 'current' THEN 0 ELSE 1 END, id DESC LIMIT 1",
          )
          .get(key.fingerprintId.toLowerCase())
  ) as { contact_id: string; status: KeyStatus } | undefined;
  if (!row) return undefined;
  const contact = listContacts(ctx).find((c) => c.id === row.contact_id);
  return contact ? { contact, keyStatus: row.status } : undefined;
}
