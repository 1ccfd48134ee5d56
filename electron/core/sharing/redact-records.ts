/**
 * The redacted mode's records (docs/sharing.md §What leaves): starting from a records document
 * written WITHOUT identities (aliases only, no real names), remove what still pins a person or a
 * place down:
 * - people: exact age → age group; locality dropped (country and region stay); safe contact and
 *   the person's free notes dropped;
 * - cases and incidents: locality dropped;
 * - plan measures: the contact line dropped;
 * - whole arrays left out: plan contacts (names and contact details of helpers), case notes and
 *   OCSEA reports (URLs of material).
 * Free-text fields that remain (titles, summaries, descriptions) go as written: the plan lists them
 * so the user checks them. The result is still a valid `casevault.records/1` document.
 */
import type { RecordsDocument } from '../records/format/records-file.ts';

export const REDACTED_LEFT_OUT = ['planContacts', 'notes', 'ocseaReports'] as const;
export const FREE_TEXT_KEPT = [
  'cases.title',
  'cases.summary',
  'incidents.description',
  'riskEntries.description',
  'riskAssessments.notes',
  'protectionPlans.notes',
  'planMeasures.trigger',
  'planMeasures.action',
  'consents.purposes',
  'consents.notes',
  'referrals.outcome',
  'people.disability',
] as const;

type Doc = Omit<RecordsDocument, 'exportedAt'>;
type Loose = Record<string, unknown>;

export function ageGroupOf(age: number): string {
  if (age <= 4) return '0-4';
  if (age <= 11) return '5-11';
  if (age <= 17) return '12-17';
  if (age <= 25) return '18-25';
  if (age <= 59) return '26-59';
  return '60+';
}

function withoutLocality(record: Loose): Loose {
  const location = record.location as Loose | undefined;
  if (!location || !('locality' in location)) return record;
  const { locality: _locality, ...rest } = location;
  return { ...record, location: rest };
}

function redactPerson(person: Loose): Loose {
  const { ageYears, safeContact: _contact, notes: _notes, realName: _realName, ...rest } = person;
  const out: Loose = withoutLocality(rest);
  if (typeof ageYears === 'number' && out.ageGroup === undefined) out.ageGroup = ageGroupOf(ageYears);
  return out;
}

export function redactRecords(doc: Doc): Doc {
  if (doc.identities !== 'omitted') throw new Error('redactRecords expects a document without identities');
  const loose = doc as unknown as Loose;
  const out: Loose = { ...loose };
  out.people = (loose.people as Loose[]).map(redactPerson);
  out.cases = (loose.cases as Loose[]).map(withoutLocality);
  out.incidents = (loose.incidents as Loose[]).map(withoutLocality);
  out.planMeasures = (loose.planMeasures as Loose[]).map(({ contact: _contact, ...rest }) => rest);
  for (const name of REDACTED_LEFT_OUT) out[name] = [];
  return out as unknown as Doc;
}
