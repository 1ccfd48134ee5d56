/**
 * IPC channels for case records (`records:*`). Main validates the envelope of every call here; the
 * vault core validates each record's content again with the shared record schemas before any write.
 */
import { z } from 'zod';
import { CustomKindInput, ENTITY_NAMES, Id, IsoDate } from '../records/schemas.ts';

const EntityNameSchema = z.enum(ENTITY_NAMES);
/** A record or a patch as plain JSON data, bounded so a renderer cannot flood the worker. */
const RecordData = z
  .record(z.string().max(60), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 200_000, { message: 'record too large' });
const Stored = z.looseObject({ id: z.string(), createdAt: z.string(), updatedAt: z.string() });
const Ok = z.object({ ok: z.literal(true) }).strict();
const Short = z.string().trim().min(1).max(120);

export const CaseListFilterSchema = z
  .object({
    status: Short.optional(),
    kind: Short.optional(),
    sensitivity: Short.optional(),
    tag: Short.optional(),
    country: Short.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    codePrefix: z.string().trim().max(40).optional(),
  })
  .strict();

export const SearchFiltersSchema = z
  .object({
    entity: EntityNameSchema.optional(),
    caseStatus: Short.optional(),
    caseKind: Short.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    country: Short.optional(),
    tag: Short.optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

const CaseSummary = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.string(),
  status: z.string(),
  sensitivity: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  title: z.string(),
  country: z.string().nullable(),
  updatedAt: z.string(),
});

const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string().nullable(),
  recordId: z.string().nullable(),
  detail: z.string(),
  prevMac: z.string(),
  mac: z.string(),
});

const Link = z.object({ caseId: Id, personId: Id, role: Short }).strict();

export const recordsContract = {
  'records:create': {
    input: z.object({ entity: EntityNameSchema, data: RecordData }).strict(),
    output: Stored,
  },
  'records:update': {
    input: z.object({ entity: EntityNameSchema, id: Id, patch: RecordData }).strict(),
    output: Stored,
  },
  'records:delete': { input: z.object({ entity: EntityNameSchema, id: Id }).strict(), output: Ok },
  'records:get': { input: z.object({ entity: EntityNameSchema, id: Id }).strict(), output: Stored },
  'records:list-cases': {
    input: z
      .object({
        filter: CaseListFilterSchema.default({}),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        /** The last row of the previous page: the page is then a seek, not a walk over `offset`. */
        after: z
          .object({ openedOn: IsoDate, code: z.string().min(1).max(80) })
          .strict()
          .optional(),
        /** Count the matching cases (false when scrolling a list whose total is known). */
        count: z.boolean().default(true),
      })
      .strict(),
    output: z.object({
      total: z.number().int().nullable(),
      offset: z.number().int(),
      rows: z.array(CaseSummary),
    }),
  },
  'records:case-detail': {
    input: z.object({ caseId: Id }).strict(),
    output: z.object({
      case: Stored,
      people: z.array(z.object({ person: Stored, roles: z.array(z.string()) })),
      incidents: z.array(Stored),
      riskEntries: z.array(Stored),
      riskAssessments: z.array(Stored),
      plans: z.array(z.object({ plan: Stored, measures: z.array(Stored), contacts: z.array(Stored) })),
      consents: z.array(Stored),
      referrals: z.array(Stored),
      ocseaReports: z.array(Stored),
      notes: z.array(Stored),
    }),
  },
  'records:link-person': { input: Link, output: Ok },
  'records:unlink-person': { input: Link, output: Ok },
  'records:reveal-identity': {
    input: z.object({ personId: Id }).strict(),
    output: z.object({ realName: z.string().nullable() }).strict(),
  },
  'records:history': {
    input: z.object({ recordId: Id }).strict(),
    output: z.array(
      z.object({ at: z.string(), actor: z.string(), changed: z.array(z.string()), before: Stored }),
    ),
  },
  'records:audit': {
    input: z
      .object({
        caseId: Id.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        beforeSeq: z.number().int().min(1).optional(),
      })
      .strict(),
    output: z.array(AuditEntrySchema),
  },
  'records:verify-audit': {
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      entries: z.number().int(),
      broken: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
      /** Chains carried from former vaults by a restore (docs/vault-format.md §5.2), when any. */
      history: z.object({ segments: z.number().int(), entries: z.number().int() }).optional(),
    }),
  },
  /**
   * Entries of the chains carried from former vaults by a restore (docs/vault-format.md §5.2),
   * newest first; with `caseId`, those of the case and everything in it. Empty for other vaults.
   */
  'records:audit-history': {
    input: z.object({ caseId: Id.optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.array(AuditEntrySchema.extend({ restoredFrom: z.string() })),
  },
  'records:search': {
    input: z.object({ query: z.string().max(200), filters: SearchFiltersSchema.default({}) }).strict(),
    output: z.array(
      z.object({
        entity: z.string(),
        recordId: z.string(),
        caseId: z.string().nullable(),
        caseCode: z.string().nullable(),
        title: z.string(),
        snippet: z.string(),
        onDate: z.string().nullable(),
        rank: z.number(),
      }),
    ),
  },
  'records:risk-trend': {
    input: z.object({ caseId: Id }).strict(),
    output: z.object({
      points: z.array(
        z.object({
          on: z.string(),
          score: z.number(),
          threat: z.number(),
          vulnerability: z.number(),
          capacity: z.number(),
        }),
      ),
      trend: z.enum(['rising', 'falling', 'steady', 'unknown']),
      monthly: z.array(z.object({ month: z.string(), entries: z.number(), meanRisk: z.number() })),
    }),
  },
  'records:overdue': {
    input: z.object({ today: IsoDate.optional() }).strict(),
    output: z.array(
      z.object({
        kind: z.enum(['measure', 'plan-review', 'referral-follow-up']),
        recordId: z.string(),
        caseId: z.string(),
        caseCode: z.string(),
        title: z.string(),
        due: z.string(),
      }),
    ),
  },
  'records:list-people': {
    input: z
      .object({
        aliasPrefix: z.string().max(120).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    output: z.array(Stored),
  },
  'records:add-kind': { input: CustomKindInput, output: CustomKindInput },
  'records:list-kinds': { input: z.object({}).strict(), output: z.array(CustomKindInput) },
} as const;

export type RecordsChannel = keyof typeof recordsContract;
export type RecordsOp = RecordsChannel extends `records:${infer Op}` ? Op : never;
export type RecordsInput<Op extends RecordsOp> = z.output<(typeof recordsContract)[`records:${Op}`]['input']>;
export type RecordsOutput<Op extends RecordsOp> = z.output<
  (typeof recordsContract)[`records:${Op}`]['output']
>;
export const RECORDS_CHANNELS = Object.keys(recordsContract) as RecordsChannel[];
