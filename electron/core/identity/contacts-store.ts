/**
 * Contacts: the responders this vault can seal exports to and recognise signatures from.
 *
 * A contact is made by importing a signed key card. Its keys never change silently: a card with
 * different keys for a known contact is stored as a `pending` key and the contact shows "key changed"
 * until the user accepts it (which resets verification to `unverified`) or keeps the old keys.
 * "Known contact" means (docs/key-card-format.md §Same contact):
 *   1. the contact the user named when importing (`contactId`: "update this contact"), else
 *   2. the contact that ever held these exact keys (a key that comes back is still a change), else
 *   3. a contact with the same name and organisation (NFC, trimmed, spaces collapsed, case-folded).
 * The same keys with a newer card (renamed, new organisation) update the contact's profile: the
 * card is signed by the very keys the user already trusts.
 *
 * Every add, change of role or verification, key change, decision and deletion is an audit entry;
 * entries carry the contact id, a fingerprint prefix and the role, never a name.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { ContactRole, VerificationState } from '../../../shared/identity/constants.ts';
import { contactMatchKey } from '../../../shared/identity/fields.ts';
import { type AuditAction, appendAudit } from '../records/audit.ts';
import { cardToText, parseCard, type SignedCard } from './card.ts';
import { type Fingerprint, fingerprintOf } from './fingerprint.ts';
import { asBuffer, ensureIdentity, type IdentityContext } from './identity-store.ts';

export type KeyStatus = 'current' | 'pending' | 'previous' | 'rejected' | 'superseded';

export interface ContactSummary {
  id: string;
  name: string;
  organisation: string;
  /** The role as the contact wrote it on their card (free text). */
  cardRole: string;
  /** The role this vault gave the contact (consent decisions use it). */
  role: ContactRole;
  verification: VerificationState;
  verifiedAt: string | null;
  /** A new key is waiting for the user's decision. */
  keyChanged: boolean;
  fingerprint: Fingerprint;
  createdAt: string;
  updatedAt: string;
}

export interface ContactKey {
  id: number;
  status: KeyStatus;
  fingerprint: Fingerprint;
  boxPublicKey: Uint8Array;
  signPublicKey: Uint8Array;
  name: string;
  organisation: string;
  cardRole: string;
  cardIssuedAt: string;
  seenAt: string;
  decidedAt: string | null;
}

export interface ContactDetail extends ContactSummary {
  current: ContactKey;
  pending: ContactKey | null;
  /** Every key ever seen for this contact, newest first (current and pending included). */
  history: ContactKey[];
  /** The current card's text form, to pass on. */
  cardText: string;
}

export type ImportOutcome = 'added' | 'unchanged' | 'updated' | 'key-changed';

export interface ImportResult {
  outcome: ImportOutcome;
  contact: ContactSummary;
}

export interface ImportInput {
  /** A key card, text form or `.cvcard` file content. */
  card: string;
  /** Role for a new contact; ignored for a known one (use `setRole`). */
  role: ContactRole;
  /** "Update this contact": the card is a new card for exactly this contact. */
  contactId?: string;
}

interface ContactRow {
  id: string;
  name: string;
  organisation: string;
  card_role: string;
  role: ContactRole;
  verification: VerificationState;
  verified_at: string | null;
  created_at: string;
  updated_at: string;
}

interface KeyRow {
  id: number;
  contact_id: string;
  box_public: Buffer;
  sign_public: Buffer;
  fingerprint: string;
  card: string;
  card_issued_at: string;
  status: KeyStatus;
  seen_at: string;
  decided_at: string | null;
}

const fp16 = (fingerprint: Fingerprint | string) =>
  (typeof fingerprint === 'string' ? fingerprint : fingerprint.id).slice(0, 16);

function contactRow(ctx: IdentityContext, id: string): ContactRow {
  const row = ctx.db.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
  if (!row) throw new CaseVaultError('CONTACT_NOT_FOUND');
  return row;
}

function keyRow(ctx: IdentityContext, contactId: string, status: 'current' | 'pending'): KeyRow | undefined {
  return ctx.db
    .prepare('SELECT * FROM contact_keys WHERE contact_id = ? AND status = ?')
    .get(contactId, status) as KeyRow | undefined;
}

function toKey(ctx: IdentityContext, row: KeyRow): ContactKey {
  // The card was verified when it was stored; parsing again gives its fields and re-checks it.
  const card = parseCard(ctx.sodium, row.card);
  return {
    id: row.id,
    status: row.status,
    fingerprint: fingerprintOf(ctx.sodium, card),
    boxPublicKey: card.boxPublicKey,
    signPublicKey: card.signPublicKey,
    name: card.name,
    organisation: card.organisation,
    cardRole: card.role,
    cardIssuedAt: row.card_issued_at,
    seenAt: row.seen_at,
    decidedAt: row.decided_at,
  };
}

function toSummary(ctx: IdentityContext, row: ContactRow): ContactSummary {
  const current = keyRow(ctx, row.id, 'current')!;
  const keys = {
    boxPublicKey: Uint8Array.from(current.box_public),
    signPublicKey: Uint8Array.from(current.sign_public),
  };
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    cardRole: row.card_role,
    role: row.role,
    verification: row.verification,
    verifiedAt: row.verified_at,
    keyChanged: keyRow(ctx, row.id, 'pending') !== undefined,
    fingerprint: fingerprintOf(ctx.sodium, keys),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function audit(ctx: IdentityContext, action: AuditAction, id: string, detail: Record<string, unknown>) {
  appendAudit(ctx.db, ctx.mac, {
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    action,
    entity: 'contact',
    recordId: id,
    detail,
  });
}

function insertKey(
  ctx: IdentityContext,
  contactId: string,
  card: SignedCard,
  fingerprint: Fingerprint,
  status: KeyStatus,
  at: string,
) {
  ctx.db
    .prepare(
      'INSERT INTO contact_keys (contact_id, box_public, sign_public, fingerprint, card, card_issued_at, status, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      contactId,
      asBuffer(card.boxPublicKey),
      asBuffer(card.signPublicKey),
      fingerprint.id,
      cardToText(card),
      card.issuedAt,
      status,
      at,
    );
}

function setProfileFromCard(ctx: IdentityContext, contactId: string, card: SignedCard, at: string) {
  ctx.db
    .prepare(
      'UPDATE contacts SET name = ?, organisation = ?, card_role = ?, match_key = ?, updated_at = ? WHERE id = ?',
    )
    .run(
      card.name,
      card.organisation,
      card.role,
      contactMatchKey(card.name, card.organisation),
      at,
      contactId,
    );
}

type ImportPlan =
  | { kind: 'known'; seen: KeyRow; newer: boolean }
  | { kind: 'change'; targetId: string }
  | { kind: 'new' };

/** Decides what importing `card` would do, without writing (see the module comment). */
function planImport(
  ctx: IdentityContext,
  card: SignedCard,
  fingerprint: Fingerprint,
  contactId: string | undefined,
): ImportPlan {
  const seen = ctx.db
    .prepare(
      "SELECT * FROM contact_keys WHERE fingerprint = ? ORDER BY CASE status WHEN 'current' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, id DESC LIMIT 1",
    )
    .get(fingerprint.id) as KeyRow | undefined;
  if (contactId !== undefined) contactRow(ctx, contactId);
  if (seen && (seen.status === 'current' || seen.status === 'pending')) {
    if (contactId !== undefined && contactId !== seen.contact_id) {
      // These keys already belong to someone else in this vault: never give one key two names.
      throw new CaseVaultError('RECORD_CONFLICT', 'keys');
    }
    return { kind: 'known', seen, newer: card.issuedAt > seen.card_issued_at };
  }
  const targetId =
    contactId ??
    seen?.contact_id ??
    (ctx.db
      .prepare('SELECT id FROM contacts WHERE match_key = ? ORDER BY created_at, id LIMIT 1')
      .pluck()
      .get(contactMatchKey(card.name, card.organisation)) as string | undefined);
  return targetId === undefined ? { kind: 'new' } : { kind: 'change', targetId };
}

function outcomeOf(plan: ImportPlan): ImportOutcome {
  if (plan.kind === 'new') return 'added';
  if (plan.kind === 'change') return 'key-changed';
  if (plan.seen.status === 'pending') return 'key-changed';
  return plan.newer ? 'updated' : 'unchanged';
}

function parseForImport(ctx: IdentityContext, text: string): { card: SignedCard; fingerprint: Fingerprint } {
  const card = parseCard(ctx.sodium, text);
  const fingerprint = fingerprintOf(ctx.sodium, card);
  if (ensureIdentity(ctx).fingerprint.id === fingerprint.id) throw new CaseVaultError('CARD_IS_OWN');
  return { card, fingerprint };
}

export interface ImportPreview {
  card: SignedCard;
  fingerprint: Fingerprint;
  /** What importing it would do. */
  outcome: ImportOutcome;
  /** The contact it would add keys to or update; null for a new contact. */
  contact: ContactSummary | null;
}

/** Checks a card and says what importing it would do; writes nothing. */
export function previewImport(ctx: IdentityContext, text: string, contactId?: string): ImportPreview {
  const { card, fingerprint } = parseForImport(ctx, text);
  const plan = planImport(ctx, card, fingerprint, contactId);
  const id = plan.kind === 'known' ? plan.seen.contact_id : plan.kind === 'change' ? plan.targetId : null;
  return {
    card,
    fingerprint,
    outcome: outcomeOf(plan),
    contact: id ? toSummary(ctx, contactRow(ctx, id)) : null,
  };
}

/** Imports a key card; see the module comment for how a known contact is recognised. */
export function importCard(ctx: IdentityContext, input: ImportInput): ImportResult {
  const { card, fingerprint } = parseForImport(ctx, input.card);
  return ctx.db.transaction((): ImportResult => {
    const at = ctx.now().toISOString();
    const plan = planImport(ctx, card, fingerprint, input.contactId);

    if (plan.kind === 'known') {
      const { seen } = plan;
      if (!plan.newer)
        return { outcome: outcomeOf(plan), contact: toSummary(ctx, contactRow(ctx, seen.contact_id)) };
      ctx.db
        .prepare('UPDATE contact_keys SET card = ?, card_issued_at = ? WHERE id = ?')
        .run(cardToText(card), card.issuedAt, seen.id);
      if (seen.status === 'pending') {
        return { outcome: 'key-changed', contact: toSummary(ctx, contactRow(ctx, seen.contact_id)) };
      }
      setProfileFromCard(ctx, seen.contact_id, card, at);
      audit(ctx, 'contact.update', seen.contact_id, { fields: ['card'], fingerprint: fp16(fingerprint) });
      return { outcome: 'updated', contact: toSummary(ctx, contactRow(ctx, seen.contact_id)) };
    }

    if (plan.kind === 'change') {
      const { targetId } = plan;
      const current = keyRow(ctx, targetId, 'current')!;
      ctx.db
        .prepare(
          "UPDATE contact_keys SET status = 'superseded', decided_at = ? WHERE contact_id = ? AND status = 'pending'",
        )
        .run(at, targetId);
      insertKey(ctx, targetId, card, fingerprint, 'pending', at);
      ctx.db.prepare('UPDATE contacts SET updated_at = ? WHERE id = ?').run(at, targetId);
      audit(ctx, 'contact.key-changed', targetId, { from: fp16(current.fingerprint), to: fp16(fingerprint) });
      return { outcome: 'key-changed', contact: toSummary(ctx, contactRow(ctx, targetId)) };
    }

    const id = ctx.newId();
    ctx.db
      .prepare(
        'INSERT INTO contacts (id, name, organisation, card_role, match_key, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        card.name,
        card.organisation,
        card.role,
        contactMatchKey(card.name, card.organisation),
        input.role,
        at,
        at,
      );
    insertKey(ctx, id, card, fingerprint, 'current', at);
    audit(ctx, 'contact.add', id, { role: input.role, fingerprint: fp16(fingerprint) });
    return { outcome: 'added', contact: toSummary(ctx, contactRow(ctx, id)) };
  })();
}

export function listContacts(ctx: IdentityContext): ContactSummary[] {
  const rows = ctx.db
    .prepare('SELECT * FROM contacts ORDER BY name COLLATE NOCASE, organisation, id')
    .all() as ContactRow[];
  return rows.map((row) => toSummary(ctx, row));
}

export function getContact(ctx: IdentityContext, id: string): ContactDetail {
  const row = contactRow(ctx, id);
  const keys = (
    ctx.db.prepare('SELECT * FROM contact_keys WHERE contact_id = ? ORDER BY id DESC').all(id) as KeyRow[]
  ).map((k) => toKey(ctx, k));
  const current = keys.find((k) => k.status === 'current')!;
  const currentRow = keyRow(ctx, id, 'current')!;
  return {
    ...toSummary(ctx, row),
    current,
    pending: keys.find((k) => k.status === 'pending') ?? null,
    history: keys,
    cardText: currentRow.card,
  };
}

/** Sets how the current fingerprint was checked (`unverified` clears it). Refused while a key change waits. */
export function setVerification(ctx: IdentityContext, id: string, state: VerificationState): ContactSummary {
  return ctx.db.transaction(() => {
    contactRow(ctx, id);
    if (keyRow(ctx, id, 'pending')) throw new CaseVaultError('CONTACT_KEY_CHANGED');
    const at = ctx.now().toISOString();
    ctx.db
      .prepare('UPDATE contacts SET verification = ?, verified_at = ?, updated_at = ? WHERE id = ?')
      .run(state, state === 'unverified' ? null : at, at, id);
    audit(ctx, 'contact.verify', id, { state, fingerprint: fp16(keyRow(ctx, id, 'current')!.fingerprint) });
    return toSummary(ctx, contactRow(ctx, id));
  })();
}

export function setRole(ctx: IdentityContext, id: string, role: ContactRole): ContactSummary {
  return ctx.db.transaction(() => {
    const row = contactRow(ctx, id);
    if (row.role !== role) {
      ctx.db
        .prepare('UPDATE contacts SET role = ?, updated_at = ? WHERE id = ?')
        .run(role, ctx.now().toISOString(), id);
      audit(ctx, 'contact.update', id, { fields: ['role'], role });
    }
    return toSummary(ctx, contactRow(ctx, id));
  })();
}

/**
 * The user accepts the pending key: it becomes current, the old one is kept as `previous`, the
 * profile follows the new card, and verification goes back to `unverified` (the new fingerprint has
 * not been compared yet).
 */
export function acceptKey(ctx: IdentityContext, id: string): ContactSummary {
  return ctx.db.transaction(() => {
    contactRow(ctx, id);
    const pending = keyRow(ctx, id, 'pending');
    if (!pending) throw new CaseVaultError('CONTACT_NO_KEY_CHANGE');
    const current = keyRow(ctx, id, 'current')!;
    const at = ctx.now().toISOString();
    ctx.db
      .prepare("UPDATE contact_keys SET status = 'previous', decided_at = ? WHERE id = ?")
      .run(at, current.id);
    ctx.db
      .prepare("UPDATE contact_keys SET status = 'current', decided_at = ? WHERE id = ?")
      .run(at, pending.id);
    setProfileFromCard(ctx, id, parseCard(ctx.sodium, pending.card), at);
    ctx.db
      .prepare("UPDATE contacts SET verification = 'unverified', verified_at = NULL WHERE id = ?")
      .run(id);
    audit(ctx, 'contact.key-accepted', id, {
      from: fp16(current.fingerprint),
      to: fp16(pending.fingerprint),
    });
    return toSummary(ctx, contactRow(ctx, id));
  })();
}

/** The user keeps the old keys: the pending key is kept in the history as `rejected`. */
export function rejectKey(ctx: IdentityContext, id: string): ContactSummary {
  return ctx.db.transaction(() => {
    contactRow(ctx, id);
    const pending = keyRow(ctx, id, 'pending');
    if (!pending) throw new CaseVaultError('CONTACT_NO_KEY_CHANGE');
    const at = ctx.now().toISOString();
    ctx.db
      .prepare("UPDATE contact_keys SET status = 'rejected', decided_at = ? WHERE id = ?")
      .run(at, pending.id);
    ctx.db.prepare('UPDATE contacts SET updated_at = ? WHERE id = ?').run(at, id);
    audit(ctx, 'contact.key-rejected', id, { rejected: fp16(pending.fingerprint) });
    return toSummary(ctx, contactRow(ctx, id));
  })();
}

/** Deletes the contact and every key it had (the audit entry remains). */
export function deleteContact(ctx: IdentityContext, id: string): void {
  ctx.db.transaction(() => {
    contactRow(ctx, id);
    const current = keyRow(ctx, id, 'current')!;
    ctx.db.prepare('DELETE FROM contacts WHERE id = ?').run(id);
    audit(ctx, 'contact.delete', id, { fingerprint: fp16(current.fingerprint) });
  })();
}
