/**
 * The fixed table from an identity operation (what main's `identity:*` / `contacts:*` handlers ask
 * the vault worker for) to the IdentityService call, with every result turned into the plain view
 * the IPC contract describes: keys as base64url, no Uint8Array, and never a secret key.
 * An unknown operation is refused.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { ContactRole, VerificationState } from '../../../shared/identity/constants.ts';
import type {
  ContactDetailView,
  ContactKeyView,
  ContactView,
  IdentityView,
  ImportResultView,
  InspectView,
  SendabilityView,
} from '../../../shared/ipc/identity-contract.ts';
import type { ContactKey, ContactSummary } from './contacts-store.ts';
import { type Fingerprint, fingerprintQrText } from './fingerprint.ts';
import type { IdentityService } from './identity-service.ts';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

export function fingerprintView(fingerprint: Fingerprint) {
  return { digits: [...fingerprint.digits], id: fingerprint.id, qrText: fingerprintQrText(fingerprint) };
}

function identityView(service: IdentityService): IdentityView {
  const own = service.ownPublic();
  return {
    name: own.name,
    organisation: own.organisation,
    role: own.role,
    createdAt: own.createdAt,
    updatedAt: own.updatedAt,
    boxPublicKey: b64(own.boxPublicKey),
    signPublicKey: b64(own.signPublicKey),
    fingerprint: fingerprintView(own.fingerprint),
    cardText: own.name === '' ? null : service.ownCardText(),
  };
}

function contactView(c: ContactSummary): ContactView {
  return {
    id: c.id,
    name: c.name,
    organisation: c.organisation,
    cardRole: c.cardRole,
    role: c.role,
    verification: c.verification,
    verifiedAt: c.verifiedAt,
    keyChanged: c.keyChanged,
    fingerprint: fingerprintView(c.fingerprint),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

function keyView(k: ContactKey): ContactKeyView {
  return {
    status: k.status,
    fingerprint: fingerprintView(k.fingerprint),
    boxPublicKey: b64(k.boxPublicKey),
    signPublicKey: b64(k.signPublicKey),
    name: k.name,
    organisation: k.organisation,
    cardRole: k.cardRole,
    cardIssuedAt: k.cardIssuedAt,
    seenAt: k.seenAt,
    decidedAt: k.decidedAt,
  };
}

type Input = Record<string, unknown>;
const id = (i: Input) => i.id as string;

export const IDENTITY_OPS = {
  get: (s: IdentityService): IdentityView => identityView(s),
  update: (s: IdentityService, i: Input): IdentityView => {
    s.updateProfile({
      name: i.name as string,
      organisation: i.organisation as string,
      role: i.role as string,
    });
    return identityView(s);
  },
  /** The `.cvcard` file content and a suggested file name; both public. */
  'card-file': (s: IdentityService): { content: string; fileName: string } => {
    const content = s.ownCardFile();
    const own = s.ownPublic();
    const slug = own.name
      .normalize('NFKD')
      // Accents off ("Aïssatou" → "Aissatou"), then anything else non-ASCII becomes a dash.
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
    return { content, fileName: `${slug || 'casevault'}.cvcard` };
  },
  'contacts-list': (s: IdentityService): ContactView[] => s.listContacts().map(contactView),
  'contacts-get': (s: IdentityService, i: Input): ContactDetailView => {
    const d = s.getContact(id(i));
    return {
      ...contactView(d),
      current: keyView(d.current),
      pending: d.pending ? keyView(d.pending) : null,
      history: d.history.map(keyView),
      cardText: d.cardText,
    };
  },
  'contacts-import': (s: IdentityService, i: Input): ImportResultView => {
    const result = s.importCard({
      card: i.card as string,
      role: i.role as ContactRole,
      contactId: i.contactId as string | undefined,
    });
    return { outcome: result.outcome, contact: contactView(result.contact) };
  },
  'contacts-inspect': (s: IdentityService, i: Input): InspectView => {
    const p = s.previewImport(i.text as string, i.contactId as string | undefined);
    return {
      name: p.card.name,
      organisation: p.card.organisation,
      cardRole: p.card.role,
      issuedAt: p.card.issuedAt,
      fingerprint: fingerprintView(p.fingerprint),
      outcome: p.outcome,
      contact: p.contact ? contactView(p.contact) : null,
    };
  },
  'contacts-verify': (s: IdentityService, i: Input): ContactView =>
    contactView(s.setVerification(id(i), i.state as VerificationState)),
  'contacts-set-role': (s: IdentityService, i: Input): ContactView =>
    contactView(s.setRole(id(i), i.role as ContactRole)),
  'contacts-accept-key': (s: IdentityService, i: Input): ContactView => contactView(s.acceptKey(id(i))),
  'contacts-reject-key': (s: IdentityService, i: Input): ContactView => contactView(s.rejectKey(id(i))),
  'contacts-delete': (s: IdentityService, i: Input): { ok: true } => {
    s.deleteContact(id(i));
    return { ok: true };
  },
  'contacts-check-sendable': (s: IdentityService, i: Input): SendabilityView => {
    const report = s.checkSendable(i.ids as string[]);
    return {
      ...report,
      contacts: report.contacts.map((c) => ({ ...c, fingerprint: fingerprintView(c.fingerprint) })),
    };
  },
} as const;

export type IdentityOp = keyof typeof IDENTITY_OPS;

export function runIdentityOp(service: IdentityService, op: string, input: unknown): unknown {
  if (!Object.hasOwn(IDENTITY_OPS, op)) throw new CaseVaultError('INVALID_INPUT', 'operation');
  const handler = IDENTITY_OPS[op as IdentityOp] as (s: IdentityService, i: Input) => unknown;
  return handler(service, (input ?? {}) as Input);
}
