/**
 * The identity and contacts service on one unlocked vault session: what the UI (through the worker
 * and IPC), the CLI and later the export / open / backup code call. Each method runs in one
 * transaction (see the stores) and returns core objects holding Uint8Array keys; `identity-ops.ts`
 * turns them into the plain views that cross IPC.
 *
 * For export wiring:
 *   - `ownPublic()`                       the identity's public keys and fingerprint
 *   - `withOwnSecretKeys(work)`           the secret keys for the duration of `work`, then wiped
 *   - `recipientKeys(ids)`                current X25519/Ed25519 keys of contacts to seal to
 *   - `checkSendable(ids)`                warnings (unverified) and blocks (key changed)
 *   - `findContactByKey({ signPublicKey } | { fingerprintId })`  who signed / who this is
 */
import { randomUUID } from 'node:crypto';
import type { ContactRole, VerificationState } from '../../../shared/identity/constants.ts';
import type { Sodium } from '../crypto/sodium.ts';
import type { VaultSession } from '../vault/session.ts';
import { parseCard, type SignedCard } from './card.ts';
import {
  acceptKey,
  type ContactDetail,
  type ContactSummary,
  deleteContact,
  getContact,
  type ImportInput,
  type ImportPreview,
  type ImportResult,
  importCard,
  listContacts,
  previewImport,
  rejectKey,
  setRole,
  setVerification,
} from './contacts-store.ts';
import {
  ensureIdentity,
  type IdentityContext,
  type OwnIdentity,
  type OwnSecretKeys,
  ownCard,
  ownCardFile,
  ownCardText,
  type ProfileInput,
  updateProfile,
  withOwnSecretKeys,
} from './identity-store.ts';
import {
  checkSendable,
  findContactByKey,
  type KeyOwner,
  type RecipientKeys,
  recipientKeys,
  type SendabilityReport,
} from './recipients.ts';

export interface IdentityServiceOptions {
  now?: () => Date;
  newId?: () => string;
  actor?: string;
}

export class IdentityService {
  readonly #session: VaultSession;
  readonly #sodium: Sodium;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #actor: string;

  constructor(session: VaultSession, sodium: Sodium, options: IdentityServiceOptions = {}) {
    this.#session = session;
    this.#sodium = sodium;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#actor = options.actor ?? 'owner';
  }

  get #ctx(): IdentityContext {
    return {
      db: this.#session.db,
      sodium: this.#sodium,
      mac: this.#session.auditMac,
      now: this.#now,
      newId: this.#newId,
      actor: this.#actor,
    };
  }

  /** The identity (public part), generating the key pairs on first use. */
  ownPublic(): OwnIdentity {
    return ensureIdentity(this.#ctx);
  }

  updateProfile(input: ProfileInput): OwnIdentity {
    return updateProfile(this.#ctx, input);
  }

  /** Runs `work` with copies of the secret keys and wipes them afterwards. */
  withOwnSecretKeys<T>(work: (keys: OwnSecretKeys) => T): T {
    return withOwnSecretKeys(this.#ctx, work);
  }

  ownCard(): SignedCard {
    return ownCard(this.#ctx);
  }

  ownCardText(): string {
    return ownCardText(this.#ctx);
  }

  ownCardFile(): string {
    return ownCardFile(this.#ctx);
  }

  /** Parses and checks a card without storing anything (to show a fingerprint before importing). */
  inspectCard(text: string): SignedCard {
    return parseCard(this.#sodium, text);
  }

  /** Checks a card and says what importing it would do (added, key-changed…), writing nothing. */
  previewImport(card: string, contactId?: string): ImportPreview {
    return previewImport(this.#ctx, card, contactId);
  }

  importCard(input: ImportInput): ImportResult {
    return importCard(this.#ctx, input);
  }

  listContacts(): ContactSummary[] {
    return listContacts(this.#ctx);
  }

  getContact(id: string): ContactDetail {
    return getContact(this.#ctx, id);
  }

  setVerification(id: string, state: VerificationState): ContactSummary {
    return setVerification(this.#ctx, id, state);
  }

  setRole(id: string, role: ContactRole): ContactSummary {
    return setRole(this.#ctx, id, role);
  }

  acceptKey(id: string): ContactSummary {
    return acceptKey(this.#ctx, id);
  }

  rejectKey(id: string): ContactSummary {
    return rejectKey(this.#ctx, id);
  }

  deleteContact(id: string): void {
    deleteContact(this.#ctx, id);
  }

  checkSendable(ids: readonly string[]): SendabilityReport {
    return checkSendable(this.#ctx, ids);
  }

  recipientKeys(ids: readonly string[]): RecipientKeys[] {
    return recipientKeys(this.#ctx, ids);
  }

  findContactByKey(key: { signPublicKey: Uint8Array } | { fingerprintId: string }): KeyOwner | undefined {
    return findContactByKey(this.#ctx, key);
  }
}
