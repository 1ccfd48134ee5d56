/**
 * The records JSON format `casevault.records/1` (docs/records-format.md) as zod schemas: each record
 * is the entity's input schema plus `id`, `createdAt` and `updatedAt`, so the format and the vault
 * validate with the same rules. `schemas/records-format.schema.json` is generated from here.
 */
import { z } from 'zod';
import {
  CaseInput,
  CasePersonInput,
  ConsentInput,
  CustomKindInput,
  type EntityName,
  Id,
  IncidentInput,
  IsoDateTime,
  NoteInput,
  OcseaReportInput,
  PersonInput,
  PlanContactInput,
  PlanMeasureInput,
  ProtectionPlanInput,
  ReferralInput,
  RiskAssessmentInput,
  RiskEntryInput,
} from '../../../../shared/records/schemas.ts';

export const RECORDS_FORMAT = 'casevault.records/1';
/** Import refuses bigger files before reading them (a whole vault of text is far smaller). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const stored = {
  id: Id,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
};
/** Measures and contacts carry their plan's case id, derived on export and checked on import. */
const derivedCaseId = { caseId: Id.optional() };

export const StoredCase = CaseInput.safeExtend(stored);
export const StoredPerson = PersonInput.safeExtend(stored);
export const StoredIncident = IncidentInput.safeExtend(stored);
export const StoredRiskEntry = RiskEntryInput.safeExtend(stored);
export const StoredRiskAssessment = RiskAssessmentInput.safeExtend(stored);
export const StoredProtectionPlan = ProtectionPlanInput.safeExtend(stored);
export const StoredPlanMeasure = PlanMeasureInput.safeExtend({ ...stored, ...derivedCaseId });
export const StoredPlanContact = PlanContactInput.safeExtend({ ...stored, ...derivedCaseId });
export const StoredConsent = ConsentInput.safeExtend(stored);
export const StoredReferral = ReferralInput.safeExtend(stored);
export const StoredOcseaReport = OcseaReportInput.safeExtend(stored);
export const StoredNote = NoteInput.safeExtend(stored);

/**
 * The arrays of a records file that hold records, in import order: a record only refers to records
 * of arrays before its own (a measure's `riskEntryId` to a risk entry, a referral's `consentId` to a
 * consent…), so writing them in this order never meets a reference not yet written.
 */
export const RECORD_ARRAYS = [
  ['people', 'person'],
  ['cases', 'case'],
  ['incidents', 'incident'],
  ['riskEntries', 'riskEntry'],
  ['riskAssessments', 'riskAssessment'],
  ['protectionPlans', 'protectionPlan'],
  ['planMeasures', 'planMeasure'],
  ['planContacts', 'planContact'],
  ['consents', 'consent'],
  ['referrals', 'referral'],
  ['ocseaReports', 'ocseaReport'],
  ['notes', 'note'],
] as const satisfies ReadonlyArray<readonly [string, EntityName]>;

export type RecordArrayName = (typeof RECORD_ARRAYS)[number][0];
export type ArrayName = RecordArrayName | 'casePeople' | 'customKinds';

const list = <S extends z.ZodType>(schema: S) => z.array(schema).default([]);

export const RecordsFile = z
  .object({
    format: z.literal(RECORDS_FORMAT),
    exportedAt: IsoDateTime,
    /** Whether people's real names were written (`included`) or left out (`omitted`). */
    identities: z.enum(['omitted', 'included']),
    /** The case code when the file holds one case; absent for a whole vault. */
    scope: z.string().optional(),
    customKinds: list(CustomKindInput),
    people: list(StoredPerson),
    cases: list(StoredCase),
    casePeople: list(CasePersonInput),
    incidents: list(StoredIncident),
    riskEntries: list(StoredRiskEntry),
    riskAssessments: list(StoredRiskAssessment),
    protectionPlans: list(StoredProtectionPlan),
    planMeasures: list(StoredPlanMeasure),
    planContacts: list(StoredPlanContact),
    consents: list(StoredConsent),
    referrals: list(StoredReferral),
    ocseaReports: list(StoredOcseaReport),
    notes: list(StoredNote),
  })
  .strict();

export type RecordsDocument = z.output<typeof RecordsFile>;
export type RecordCounts = Record<ArrayName, number>;

/** The JSON Schema (draft 2020-12) of the format, as committed in schemas/records-format.schema.json. */
export function recordsFormatJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(RecordsFile, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: 'https://casevault.invalid/schemas/records-format.schema.json',
    title: 'CaseVault records JSON format (casevault.records/1)',
    description:
      'Generated from the zod schemas in electron/core/records/format/records-file.ts; see docs/records-format.md. Rules JSON Schema cannot say (real calendar dates, closedOn ≥ openedOn, references, consent cover, unique ids and codes) are checked by the importer.',
    ...rest,
  };
}
