/**
 * IPC channels for the vault's identity (`identity:*`) and its contacts (`contacts:*`).
 * Only PUBLIC material crosses: public keys (base64url), fingerprints, signed cards. Secret keys have
 * no schema here and no channel returns them. Card files are opened and saved by main through its
 * own dialogs (`identity:save-card`, `contacts:import-file`): the renderer never sends a path.
 */
import { z } from 'zod';
import {
  CARD_LIMITS,
  CONTACT_ROLES,
  FINGERPRINT_GROUPS,
  VERIFICATION_STATES,
} from '../identity/constants.ts';
import { Id } from '../records/schemas.ts';

const Ok = z.object({ ok: z.literal(true) }).strict();
const Empty = z.object({}).strict();
const B64Key = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const ContactRoleSchema = z.enum(CONTACT_ROLES);
export const VerificationStateSchema = z.enum(VERIFICATION_STATES);

export const FingerprintSchema = z
  .object({
    digits: z.array(z.string().regex(/^\d{5}$/)).length(FINGERPRINT_GROUPS),
    id: z.string().regex(/^[0-9a-f]{64}$/),
    /** What the QR code encodes. */
    qrText: z.string().max(100),
  })
  .strict();

export const IdentityViewSchema = z
  .object({
    name: z.string(),
    organisation: z.string(),
    role: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    boxPublicKey: B64Key,
    signPublicKey: B64Key,
    fingerprint: FingerprintSchema,
    /** The card's one-line text form; null until a name is set. */
    cardText: z.string().max(CARD_LIMITS.text).nullable(),
  })
  .strict();

export const ContactViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    organisation: z.string(),
    cardRole: z.string(),
    role: ContactRoleSchema,
    verification: VerificationStateSchema,
    verifiedAt: z.string().nullable(),
    keyChanged: z.boolean(),
    fingerprint: FingerprintSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();

export const ContactKeyViewSchema = z
  .object({
    status: z.enum(['current', 'pending', 'previous', 'rejected', 'superseded']),
    fingerprint: FingerprintSchema,
    boxPublicKey: B64Key,
    signPublicKey: B64Key,
    name: z.string(),
    organisation: z.string(),
    cardRole: z.string(),
    cardIssuedAt: z.string(),
    seenAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .strict();

export const ContactDetailViewSchema = ContactViewSchema.extend({
  current: ContactKeyViewSchema,
  pending: ContactKeyViewSchema.nullable(),
  history: z.array(ContactKeyViewSchema),
  cardText: z.string(),
}).strict();

export const ImportOutcomeSchema = z.enum(['added', 'unchanged', 'updated', 'key-changed']);
export const ImportResultSchema = z
  .object({ outcome: ImportOutcomeSchema, contact: ContactViewSchema })
  .strict();

export const InspectSchema = z
  .object({
    name: z.string(),
    organisation: z.string(),
    cardRole: z.string(),
    issuedAt: z.string(),
    fingerprint: FingerprintSchema,
    outcome: ImportOutcomeSchema,
    contact: ContactViewSchema.nullable(),
  })
  .strict();

export const SendabilitySchema = z
  .object({
    ok: z.boolean(),
    allVerified: z.boolean(),
    contacts: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          organisation: z.string(),
          role: ContactRoleSchema,
          verification: VerificationStateSchema,
          fingerprint: FingerprintSchema,
          issues: z.array(z.enum(['unverified', 'key-changed'])),
        })
        .strict(),
    ),
    missing: z.array(z.string()),
  })
  .strict();

const ProfileField = (max: number) => z.string().max(max * 2);
const ById = z.object({ id: Id }).strict();

export const identityContract = {
  /** This vault's identity; the key pairs are generated on the first call. */
  'identity:get': { input: Empty, output: IdentityViewSchema },
  'identity:update': {
    input: z
      .object({
        name: ProfileField(CARD_LIMITS.name.max),
        organisation: ProfileField(CARD_LIMITS.organisation.max),
        role: ProfileField(CARD_LIMITS.role.max),
      })
      .strict(),
    output: IdentityViewSchema,
  },
  /** Main asks where to save (its own dialog) and writes the `.cvcard` file. */
  'identity:save-card': { input: Empty, output: z.object({ saved: z.boolean() }).strict() },
  'contacts:list': { input: Empty, output: z.array(ContactViewSchema) },
  'contacts:get': { input: ById, output: ContactDetailViewSchema },
  /** A pasted card (text form or the content of a card file). */
  'contacts:import-text': {
    input: z
      .object({
        text: z.string().min(1).max(CARD_LIMITS.file),
        role: ContactRoleSchema,
        contactId: Id.optional(),
      })
      .strict(),
    output: ImportResultSchema,
  },
  /** Checks a pasted card and says what importing it would do; stores nothing. */
  'contacts:inspect-text': {
    input: z.object({ text: z.string().min(1).max(CARD_LIMITS.file), contactId: Id.optional() }).strict(),
    output: InspectSchema,
  },
  /** Main opens a file dialog, reads one `.cvcard` (bounded) and imports it. */
  'contacts:import-file': {
    input: z.object({ role: ContactRoleSchema, contactId: Id.optional() }).strict(),
    output: z.union([ImportResultSchema, z.object({ outcome: z.literal('cancelled') }).strict()]),
  },
  'contacts:verify': {
    input: z.object({ id: Id, state: VerificationStateSchema }).strict(),
    output: ContactViewSchema,
  },
  'contacts:set-role': {
    input: z.object({ id: Id, role: ContactRoleSchema }).strict(),
    output: ContactViewSchema,
  },
  'contacts:accept-key': { input: ById, output: ContactViewSchema },
  'contacts:reject-key': { input: ById, output: ContactViewSchema },
  'contacts:delete': { input: ById, output: Ok },
  /** For the export wizard: unverified recipients warn, key changes block, unknown ids are listed. */
  'contacts:check-sendable': {
    input: z.object({ ids: z.array(Id).min(1).max(50) }).strict(),
    output: SendabilitySchema,
  },
} as const;

export type IdentityChannel = keyof typeof identityContract;
export const IDENTITY_CHANNELS = Object.keys(identityContract) as IdentityChannel[];
export type IdentityInput<C extends IdentityChannel> = z.output<(typeof identityContract)[C]['input']>;
export type IdentityOutput<C extends IdentityChannel> = z.output<(typeof identityContract)[C]['output']>;
export type IdentityView = z.output<typeof IdentityViewSchema>;
export type ContactView = z.output<typeof ContactViewSchema>;
export type ContactDetailView = z.output<typeof ContactDetailViewSchema>;
export type ContactKeyView = z.output<typeof ContactKeyViewSchema>;
export type ImportResultView = z.output<typeof ImportResultSchema>;
export type InspectView = z.output<typeof InspectSchema>;
export type SendabilityView = z.output<typeof SendabilitySchema>;
