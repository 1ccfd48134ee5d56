/**
 * The fixed registry of record kinds: table, schema, the real columns derived from a validated
 * record, the case it belongs to and what search indexes. Table and column names come only from
 * here, never from input.
 */
import type { z } from 'zod';
import {
  CaseInput,
  ConsentInput,
  IncidentInput,
  NoteInput,
  OcseaReportInput,
  PersonInput,
  PlanContactInput,
  PlanMeasureInput,
  ProtectionPlanInput,
  ReferralInput,
  RiskAssessmentInput,
  RiskEntryInput,
} from '../../../shared/records/schemas.ts';

export type SqlValue = string | number | null;

// biome-ignore lint/suspicious/noExplicitAny: each definition narrows its own record type.
type AnyRecord = Record<string, any> & { id: string };

export interface EntityDef {
  name: EntityName;
  table: string;
  schema: z.ZodType;
  /** Columns besides id, data, created_at, updated_at, in insert order. */
  columns: readonly string[];
  values(record: AnyRecord): SqlValue[];
  caseIdOf(record: AnyRecord): string | null;
  /** What the full-text index holds for this record (never a real name). */
  search(record: AnyRecord): { title: string; body: string; onDate: string | null };
}

const loc = (l: { country?: string; region?: string; locality?: string } | undefined) =>
  [l?.locality, l?.region, l?.country].filter(Boolean).join(', ');
const opt = (v: unknown): SqlValue => (v === undefined ? null : (v as SqlValue));

export { ENTITY_NAMES, type EntityName } from '../../../shared/records/schemas.ts';

import type { EntityName } from '../../../shared/records/schemas.ts';

export const ENTITIES: Record<EntityName, EntityDef> = {
  case: {
    name: 'case',
    table: 'cases',
    schema: CaseInput,
    columns: [
      'code',
      'kind',
      'status',
      'sensitivity',
      'opened_on',
      'closed_on',
      'country',
      'region',
      'locality',
      'title',
    ],
    values: (r) => [
      r.code,
      r.kind,
      r.status,
      r.sensitivity,
      r.openedOn,
      opt(r.closedOn),
      opt(r.location?.country),
      opt(r.location?.region),
      opt(r.location?.locality),
      r.title,
    ],
    caseIdOf: (r) => r.id,
    search: (r) => ({
      title: `${r.code} ${r.title}`,
      body: [r.summary, loc(r.location), (r.tags ?? []).join(' ')].filter(Boolean).join('\n'),
      onDate: r.openedOn,
    }),
  },
  person: {
    name: 'person',
    table: 'people',
    schema: PersonInput,
    // age_group, age_years, sex: migration 0007, for reports.
    columns: ['alias', 'age_group', 'age_years', 'sex'],
    values: (r) => [r.alias, opt(r.ageGroup), opt(r.ageYears), opt(r.sex)],
    caseIdOf: () => null,
    search: (r) => ({
      title: r.alias,
      body: [r.notes, loc(r.location)].filter(Boolean).join('\n'),
      onDate: null,
    }),
  },
  incident: {
    name: 'incident',
    table: 'incidents',
    schema: IncidentInput,
    // perpetrator_type, country, region: migration 0007, for reports.
    columns: ['case_id', 'occurred_on', 'kind', 'verification', 'perpetrator_type', 'country', 'region'],
    values: (r) => [
      r.caseId,
      r.occurredOn,
      r.kind,
      r.verification,
      opt(r.perpetratorType),
      opt(r.location?.country),
      opt(r.location?.region),
    ],
    caseIdOf: (r) => r.caseId,
    search: (r) => ({
      title: r.kind,
      body: [r.description, loc(r.location)].filter(Boolean).join('\n'),
      onDate: r.occurredOn,
    }),
  },
  riskEntry: {
    name: 'riskEntry',
    table: 'risk_entries',
    schema: RiskEntryInput,
    // occurred_on, channel, actor_type, threat_kind: migration 0007, for reports.
    columns: [
      'case_id',
      'person_id',
      'occurred_at',
      'severity',
      'likelihood',
      'occurred_on',
      'channel',
      'actor_type',
      'threat_kind',
    ],
    values: (r) => [
      r.caseId,
      opt(r.personId),
      r.occurredAt,
      r.severity,
      r.likelihood,
      r.occurredAt.slice(0, 10),
      r.channel,
      r.actorType,
      opt(r.threatKind),
    ],
    caseIdOf: (r) => r.caseId,
    search: (r) => ({
      title: [r.threatKind, r.channel, r.actorType].filter(Boolean).join(' '),
      body: r.description,
      onDate: r.occurredAt.slice(0, 10),
    }),
  },
  riskAssessment: {
    name: 'riskAssessment',
    table: 'risk_assessments',
    schema: RiskAssessmentInput,
    columns: ['case_id', 'assessed_on', 'score'],
    values: (r) => [r.caseId, r.assessedOn, riskScore(r)],
    caseIdOf: (r) => r.caseId,
    search: (r) => ({ title: 'risk assessment', body: r.notes, onDate: r.assessedOn }),
  },
  protectionPlan: {
    name: 'protectionPlan',
    table: 'protection_plans',
    schema: ProtectionPlanInput,
    columns: ['case_id', 'review_on'],
    values: (r) => [r.caseId, opt(r.reviewOn)],
    caseIdOf: (r) => r.caseId,
    search: (r) => ({ title: r.title, body: r.notes, onDate: r.reviewOn ?? null }),
  },
  planMeasure: {
    name: 'planMeasure',
    table: 'plan_measures',
    schema: PlanMeasureInput,
    columns: ['plan_id', 'case_id', 'phase', 'status', 'due_on'],
    // case_id is filled in by the store from the plan (a measure's input names only its plan).
    values: (r) => [r.planId, r.caseId, r.phase, r.status, opt(r.dueOn)],
    caseIdOf: (r) => r.caseId,
    search: (r) => ({
      title: r.title,
      body: [r.trigger, r.action, r.contact, r.owner].filter(Boolean).join('\n'),
      onDate: r.dueOn ?? null,
    }),
  },
  planContact: {
    name: 'planContact',
    table: 'plan_contacts',
    schema: PlanContactInput,
    columns: ['plan_id', 'case_id'],
    values: (r) => [r.planId, r.caseId],
    caseIdOf: (r) => r.caseId,
    search: (r) => ({ title: r.name, body: [r.details, r.notes].filter(Boolean).join('\n'), onDate: null }),
  },
  consent: {
    name: 'consent',
    table: 'consents',
    schema: ConsentInput,
    // anonymised_statistics: migration 0007, for reports (1, 0 or null when not given).
    columns: ['case_id', 'person_id', 'given_on', 'withdrawn_on', 'anonymised_statistics'],
    values: (r) => [
      r.caseId,
      r.personId,
      r.givenOn,
      opt(r.withdrawnOn),
      r.anonymisedStatistics === undefined ? null : r.anonymisedStatistics ? 1 : 0,
    ],
    caseIdOf: (r) => r.caseId,
    search: (r) => ({
      title: 'consent',
      body: [r.purposes, r.notes].filter(Boolean).join('\n'),
      onDate: r.givenOn,
    }),
  },
  referral: {
    name: 'referral',
    table: 'referrals',
    schema: ReferralInput,
    // service_kind: migration 0007, for reports.
    columns: ['case_id', 'consent_id', 'referred_on', 'status', 'follow_up_on', 'service_kind'],
    values: (r) => [r.caseId, r.consentId, r.referredOn, r.status, opt(r.followUpOn), r.serviceKind],
    caseIdOf: (r) => r.caseId,
    search: (r) => ({ title: `${r.serviceKind} ${r.provider}`, body: r.outcome, onDate: r.referredOn }),
  },
  ocseaReport: {
    name: 'ocseaReport',
    table: 'ocsea_reports',
    schema: OcseaReportInput,
    columns: ['case_id', 'reported_on', 'takedown_status'],
    values: (r) => [r.caseId, r.reportedOn, r.takedownStatus],
    caseIdOf: (r) => r.caseId,
    search: (r) => ({
      title: `${r.platform} ${r.reportReference ?? ''}`.trim(),
      body: [r.url, r.notes].filter(Boolean).join('\n'),
      onDate: r.reportedOn,
    }),
  },
  note: {
    name: 'note',
    table: 'notes',
    schema: NoteInput,
    columns: ['case_id'],
    values: (r) => [r.caseId],
    caseIdOf: (r) => r.caseId,
    search: (r) => ({ title: 'note', body: r.body, onDate: null }),
  },
};

/** Protection-manual risk: threat × vulnerability / capacity, from 0.2 (low) to 25 (extreme). */
export function riskScore(
  r: AnyRecord | { threat: number; vulnerability: number; capacity: number },
): number {
  return Math.round(((r.threat * r.vulnerability) / r.capacity) * 100) / 100;
}

/** Record kinds that hang off a case, in the order a case's children are deleted and exported. */
export const CASE_CHILDREN: readonly EntityName[] = [
  'incident',
  'riskEntry',
  'riskAssessment',
  'planMeasure',
  'planContact',
  'protectionPlan',
  'referral',
  'consent',
  'ocseaReport',
  'note',
];
