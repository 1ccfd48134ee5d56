/**
 * The records CaseVault keeps, as zod schemas shared by the vault core (every write is validated
 * here), the IPC contract, the records JSON format (`casevault.records/1`, docs/records-format.md)
 * and the renderer's forms. Field names are the JSON names; the database uses snake_case columns.
 */
import { z } from 'zod';
import { codesOf } from './taxonomies.ts';

/** Every kind of record, by its name in the records format. */
export const ENTITY_NAMES = [
  'case',
  'person',
  'incident',
  'riskEntry',
  'riskAssessment',
  'protectionPlan',
  'planMeasure',
  'planContact',
  'consent',
  'referral',
  'ocseaReport',
  'note',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export const Id = z.string().uuid();
/** A calendar date, `YYYY-MM-DD` (no time zone: incidents are often known only to the day). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a real date',
    },
  );
/** An instant in UTC, `YYYY-MM-DDTHH:MM:SS(.mmm)Z`. */
export const IsoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, 'expected an ISO instant in UTC');

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).optional();
const score = z.number().int().min(1).max(5);

/**
 * A pseudonymous case code: letters, digits and dashes only, so it cannot hold a name with spaces or
 * accents by accident. It is still the user's duty not to put a name in it; the form says so.
 */
export const CaseCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'use capital letters, digits and dashes only (never a name)');

/** Built-in incident kinds are `group.slug`; a user's own kind is `custom.slug`. */
export const KindCode = z.string().regex(/^[a-z]+\.[a-z0-9-]{1,60}$/, 'expected group.kind');

export const Location = z
  .object({
    country: optionalText(80),
    region: optionalText(120),
    locality: optionalText(120),
  })
  .strict();

export const CaseInput = z
  .object({
    code: CaseCode,
    kind: z.enum(codesOf('caseKind')),
    title: requiredText(200),
    status: z.enum(codesOf('caseStatus')).default('open'),
    sensitivity: z.enum(codesOf('sensitivity')).default('normal'),
    openedOn: IsoDate,
    closedOn: IsoDate.optional(),
    location: Location.default({}),
    summary: text(20_000).default(''),
    tags: z.array(requiredText(60)).max(50).default([]),
  })
  .strict()
  .refine((c) => !c.closedOn || c.closedOn >= c.openedOn, {
    message: 'closed before it was opened',
    path: ['closedOn'],
  });

export const PersonInput = z
  .object({
    alias: requiredText(120),
    /** Kept apart; shown only on demand, and every reveal is audited. */
    realName: optionalText(200),
    ageYears: z.number().int().min(0).max(130).optional(),
    ageGroup: z.enum(codesOf('ageGroup')).optional(),
    sex: z.enum(codesOf('sex')).optional(),
    gender: optionalText(80),
    disability: optionalText(500),
    location: Location.default({}),
    safeContact: optionalText(500),
    notes: text(20_000).default(''),
  })
  .strict();

export const CasePersonInput = z
  .object({ caseId: Id, personId: Id, role: z.enum(codesOf('personRole')) })
  .strict();

export const IncidentInput = z
  .object({
    caseId: Id,
    occurredOn: IsoDate,
    datePrecision: z.enum(codesOf('datePrecision')).default('exact'),
    location: Location.default({}),
    kind: KindCode,
    description: text(50_000).default(''),
    verification: z.enum(codesOf('verification')).default('reported'),
    perpetratorType: z.enum(codesOf('actorType')).optional(),
    people: z
      .array(z.object({ personId: Id, role: z.enum(codesOf('personRole')) }).strict())
      .max(200)
      .default([]),
  })
  .strict();

export const RiskEntryInput = z
  .object({
    caseId: Id,
    personId: Id.optional(),
    occurredAt: IsoDateTime,
    channel: z.enum(codesOf('riskChannel')),
    actorType: z.enum(codesOf('actorType')),
    threatKind: KindCode.optional(),
    description: text(50_000).default(''),
    severity: score,
    likelihood: score,
    /** References to evidence items (the evidence store comes later; free references until then). */
    evidenceRefs: z.array(requiredText(200)).max(100).default([]),
  })
  .strict();

/** Protection-manual assessment: risk = threat × vulnerability / capacity (each 1–5). */
export const RiskAssessmentInput = z
  .object({
    caseId: Id,
    assessedOn: IsoDate,
    threat: score,
    vulnerability: score,
    capacity: score,
    notes: text(20_000).default(''),
  })
  .strict();

export const ProtectionPlanInput = z
  .object({
    caseId: Id,
    title: requiredText(200),
    reviewOn: IsoDate.optional(),
    notes: text(20_000).default(''),
  })
  .strict();

export const PlanMeasureInput = z
  .object({
    planId: Id,
    phase: z.enum(codesOf('measurePhase')),
    title: requiredText(300),
    /** Emergency protocol: "if this happens" … */
    trigger: optionalText(1000),
    /** … "do that" … */
    action: text(5000).default(''),
    /** … "call this person". */
    contact: optionalText(500),
    owner: optionalText(120),
    dueOn: IsoDate.optional(),
    status: z.enum(codesOf('measureStatus')).default('planned'),
    riskEntryId: Id.optional(),
  })
  .strict();

export const PlanContactInput = z
  .object({
    planId: Id,
    kind: z.enum(codesOf('planContactKind')),
    name: requiredText(200),
    details: text(2000).default(''),
    notes: text(5000).default(''),
  })
  .strict();

export const ConsentInput = z
  .object({
    caseId: Id,
    personId: Id,
    givenBy: z.enum(codesOf('consentGivenBy')),
    dataLevel: z.enum(codesOf('consentDataLevel')),
    recipientKinds: z
      .array(z.enum(codesOf('recipientKind')))
      .min(1)
      .max(10),
    purposes: requiredText(2000),
    method: z.enum(codesOf('consentMethod')),
    recordedBy: requiredText(120),
    givenOn: IsoDate,
    withdrawnOn: IsoDate.optional(),
    notes: text(5000).default(''),
    /**
     * The person agreed that the case may be counted in anonymised statistics (reports with small
     * counts suppressed). Absent means no: a case is counted only on an explicit yes
     * (docs/reports.md, "Consent").
     */
    anonymisedStatistics: z.boolean().optional(),
  })
  .strict()
  .refine((c) => !c.withdrawnOn || c.withdrawnOn >= c.givenOn, {
    message: 'withdrawn before given',
    path: ['withdrawnOn'],
  });

export const ReferralInput = z
  .object({
    caseId: Id,
    consentId: Id,
    serviceKind: z.enum(codesOf('serviceKind')),
    provider: requiredText(200),
    referredOn: IsoDate,
    status: z.enum(codesOf('referralStatus')).default('pending'),
    followUpOn: IsoDate.optional(),
    outcome: text(5000).default(''),
  })
  .strict();

/** The record of a report of online abuse material — never the material itself. */
export const OcseaReportInput = z
  .object({
    caseId: Id,
    platform: requiredText(120),
    url: z.string().trim().url().max(2000),
    hotline: z.enum(codesOf('ocseaHotline')),
    reportReference: optionalText(200),
    reportedOn: IsoDate,
    takedownStatus: z.enum(codesOf('takedownStatus')).default('pending'),
    notes: text(5000).default(''),
  })
  .strict();

export const NoteInput = z.object({ caseId: Id, body: requiredText(50_000) }).strict();

export const CustomKindInput = z
  .object({
    code: z.string().regex(/^custom\.[a-z0-9-]{1,60}$/, 'expected custom.your-kind'),
    fr: requiredText(120),
    en: requiredText(120),
  })
  .strict();

/** Which service kind a consent's recipient kind must cover for a referral to be allowed. */
export const SERVICE_TO_RECIPIENT = {
  health: 'medical',
  psychosocial: 'psychosocial',
  legal: 'legal',
  safety: 'protection',
  material: 'protection',
  education: 'protection',
  'law-enforcement': 'law-enforcement',
  other: 'coordination',
} as const;

export type CaseInputT = z.input<typeof CaseInput>;
export type PersonInputT = z.input<typeof PersonInput>;
export type IncidentInputT = z.input<typeof IncidentInput>;
export type RiskEntryInputT = z.input<typeof RiskEntryInput>;
export type RiskAssessmentInputT = z.input<typeof RiskAssessmentInput>;
export type ProtectionPlanInputT = z.input<typeof ProtectionPlanInput>;
export type PlanMeasureInputT = z.input<typeof PlanMeasureInput>;
export type PlanContactInputT = z.input<typeof PlanContactInput>;
export type ConsentInputT = z.input<typeof ConsentInput>;
export type ReferralInputT = z.input<typeof ReferralInput>;
export type OcseaReportInputT = z.input<typeof OcseaReportInput>;
