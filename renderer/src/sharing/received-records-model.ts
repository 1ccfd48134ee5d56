/**
 * How a received records document (`casevault.records/1`, as the sender wrote it) is read for the
 * Received area: leniently (a sender on a newer version may send kinds, fields or codes this version
 * does not know — they are kept and shown as stored, marked, never dropped or crashed on), grouped
 * by case like the sender's case view, and described with the records screens' own field specs
 * (renderer/src/records/fields.ts), so labels, pick-list values and formats are the sender's.
 */
import type { ComboboxData } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/errors.ts';
import { ocseaReportFields } from '../evidence/OcseaWarning.tsx';
import {
  assessmentFields,
  caseFields,
  consentFields,
  contactFields,
  incidentFields,
  measureFields,
  noteFields,
  personFields,
  planFields,
  referralFields,
  riskEntryFields,
} from '../records/fields.ts';
import { formatDate, formatDateTime } from '../records/format.ts';
import type { KindLabel } from '../records/labels.ts';
import type { FieldSpec } from '../records/RecordForm.tsx';

export type Row = Record<string, unknown>;

export interface ReceivedDoc {
  cases: Row[];
  /** Record arrays by their name in the document (`people`, `incidents`, … and any unknown one). */
  arrays: Map<string, Row[]>;
  casePeople: Array<{ caseId: string; personId: string; role: string }>;
  customKinds: KindLabel[];
}

/** Top-level members that are not arrays of records. */
const NOT_RECORD_ARRAYS = new Set([
  'format',
  'exportedAt',
  'identities',
  'scope',
  'customKinds',
  'casePeople',
]);

/** The arrays this version knows, in the order the sender's case view shows them. */
export const KNOWN_ARRAYS = [
  'people',
  'incidents',
  'riskEntries',
  'riskAssessments',
  'protectionPlans',
  'planMeasures',
  'planContacts',
  'consents',
  'referrals',
  'ocseaReports',
  'notes',
] as const;
export type KnownArray = (typeof KNOWN_ARRAYS)[number];

export function isKnownArray(name: string): name is KnownArray {
  return (KNOWN_ARRAYS as readonly string[]).includes(name);
}

const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The document, or null when it is not JSON or not an object. Malformed entries are skipped. */
export function parseReceivedDoc(json: string | null): ReceivedDoc | null {
  if (json === null) return { cases: [], arrays: new Map(), casePeople: [], customKinds: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRow(doc)) return null;
  const arrays = new Map<string, Row[]>();
  for (const [name, value] of Object.entries(doc)) {
    if (NOT_RECORD_ARRAYS.has(name) || name === 'cases' || !Array.isArray(value)) continue;
    const rows = value.filter(isRow);
    if (rows.length > 0) arrays.set(name, rows);
  }
  const casePeople = (Array.isArray(doc.casePeople) ? doc.casePeople : []).filter(isRow).flatMap((link) => {
    const caseId = str(link.caseId);
    const personId = str(link.personId);
    return caseId && personId ? [{ caseId, personId, role: str(link.role) ?? '' }] : [];
  });
  const customKinds = (Array.isArray(doc.customKinds) ? doc.customKinds : []).filter(isRow).flatMap((k) => {
    const code = str(k.code);
    return code ? [{ code, fr: str(k.fr) ?? code, en: str(k.en) ?? code }] : [];
  });
  const cases = Array.isArray(doc.cases) ? doc.cases.filter(isRow) : [];
  return { cases, arrays, casePeople, customKinds };
}

/** The case a record belongs to: its `caseId`, or its plan's case for measures and contacts. */
export function caseIdOf(doc: ReceivedDoc, array: string, row: Row): string | undefined {
  const own = str(row.caseId);
  if (own) return own;
  if (array === 'planMeasures' || array === 'planContacts') {
    const plan = doc.arrays.get('protectionPlans')?.find((p) => p.id === row.planId);
    return plan ? str(plan.caseId) : undefined;
  }
  return undefined;
}

/** Fields a form does not hold but a received record may: labelled here, shown in the same table. */
function extraFields(
  array: KnownArray,
  t: TFunction,
  people: ComboboxData,
  risks: ComboboxData,
): FieldSpec[] {
  const label = (key: string) => t(`receivedView.field.${key}`);
  switch (array) {
    case 'people':
      return [
        { name: 'ageYears', kind: 'number', label: label('ageYears') },
        { name: 'gender', kind: 'text', label: label('gender') },
        { name: 'notes', kind: 'textarea', label: t('records.field.notes') },
      ];
    case 'riskEntries':
      return [
        { name: 'personId', kind: 'select', label: t('records.field.person'), data: people },
        { name: 'evidenceRefs', kind: 'tags', label: label('evidenceRefs') },
      ];
    case 'planMeasures':
      return [{ name: 'riskEntryId', kind: 'select', label: label('riskEntry'), data: risks }];
    case 'planContacts':
      return [{ name: 'notes', kind: 'textarea', label: t('records.field.notes') }];
    default:
      return [];
  }
}

/** Links drawn by the grouping itself (the case, the plan) or by a custom row (incident people). */
export const STRUCTURAL_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'caseId', 'planId']);

/** The field specs of one kind of record, the records screens' own (labels, pick lists, formats). */
export function fieldsFor(
  array: KnownArray | 'cases',
  doc: ReceivedDoc,
  t: TFunction,
  lang: Language,
): FieldSpec[] {
  type Option = { value: string; label: string };
  const people: Option[] = (doc.arrays.get('people') ?? []).map((p) => ({
    value: String(p.id),
    label: str(p.alias) ?? String(p.id),
  }));
  const consents: Option[] = (doc.arrays.get('consents') ?? []).map((c) => ({
    value: String(c.id),
    label: `${people.find((p) => p.value === c.personId)?.label ?? '—'} — ${formatDate(str(c.givenOn), lang)}`,
  }));
  const risks: Option[] = (doc.arrays.get('riskEntries') ?? []).map((r) => ({
    value: String(r.id),
    label: formatDateTime(str(r.occurredAt), lang),
  }));
  const base: Record<KnownArray | 'cases', () => FieldSpec[]> = {
    cases: () => caseFields(t, lang),
    people: () => personFields(t, lang, true),
    incidents: () => incidentFields(t, lang, doc.customKinds),
    riskEntries: () => riskEntryFields(t, lang),
    riskAssessments: () => assessmentFields(t),
    protectionPlans: () => planFields(t),
    planMeasures: () => measureFields(t, lang),
    planContacts: () => contactFields(t, lang),
    consents: () => consentFields(t, lang, people),
    referrals: () => referralFields(t, lang, consents),
    ocseaReports: () => ocseaReportFields(t, lang),
    notes: () => noteFields(t),
  };
  const specs = base[array]();
  return array === 'cases' ? specs : [...specs, ...extraFields(array, t, people, risks)];
}

/** The label of a pick-list value, or undefined when this version does not know the code. */
export function optionLabel(data: ComboboxData | undefined, value: string): string | undefined {
  for (const entry of data ?? []) {
    if (typeof entry === 'string') {
      if (entry === value) return entry;
    } else if ('group' in entry) {
      const found = optionLabel(entry.items as ComboboxData, value);
      if (found !== undefined) return found;
    } else if (entry.value === value) {
      return entry.label;
    }
  }
  return undefined;
}

/** A value read at a dotted path (`location.country`). */
export function valueAt(row: Row, path: string): unknown {
  let value: unknown = row;
  for (const part of path.split('.')) {
    if (!isRow(value)) return undefined;
    value = value[part];
  }
  return value;
}

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRow(value)) return Object.values(value).every(isEmptyValue);
  return false;
}

/**
 * Paths of a record's values no spec covers: unknown top-level keys, and unknown members of an
 * object the specs read member by member (`location.district` next to `location.country`).
 */
export function uncoveredKeys(row: Row, specs: FieldSpec[], handled: readonly string[] = []): string[] {
  const names = new Set(specs.map((s) => s.name));
  const skip = new Set([...handled, ...STRUCTURAL_FIELDS]);
  const out: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (skip.has(key) || names.has(key) || isEmptyValue(value)) continue;
    const nested = [...names].some((name) => name.startsWith(`${key}.`));
    if (nested && isRow(value)) {
      for (const [member, inner] of Object.entries(value)) {
        if (!names.has(`${key}.${member}`) && !isEmptyValue(inner)) out.push(`${key}.${member}`);
      }
    } else {
      out.push(key);
    }
  }
  return out;
}

/** A value shown as stored (unknown fields of a newer sender): text, or key: value pairs. */
export function showRaw(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '—' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(showRaw).join(', ') || '—';
  if (isRow(value))
    return (
      Object.entries(value)
        .map(([k, v]) => `${k}: ${showRaw(v)}`)
        .join(' · ') || '—'
    );
  return '—';
}
