/**
 * What an export selection resolves to: the cases, the records document (full: with real names;
 * redacted: see redact-records.ts), and the evidence items that go (full: every item of the cases,
 * originals and redacted copies; redacted: redacted copies only, originals without a copy listed
 * as left out). Reads only: the plan and the export both start here.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { ExportMode, PlanEvidence } from '../../../shared/sharing/schemas.ts';
import type { VaultDatabase } from '../db/open.ts';
import { collect } from '../records/format/export.ts';
import type { RecordsDocument } from '../records/format/records-file.ts';
import type { RecordContext } from '../records/store.ts';
import { redactRecords } from './redact-records.ts';

export interface SelectedCase {
  id: string;
  code: string;
  kind: string;
}

export interface Selection {
  cases: SelectedCase[];
  /** The document without `exportedAt` (the export stamps it). */
  records: Omit<RecordsDocument, 'exportedAt'>;
  counts: Record<string, number>;
  evidence: PlanEvidence[];
  evidenceLeftOut: Array<{ id: string; caseCode: string; name: string; reason: 'no-redacted-copy' }>;
}

export function resolveCases(
  db: VaultDatabase,
  caseCodes: readonly string[],
  caseIds: readonly string[],
): SelectedCase[] {
  const byCode = db.prepare('SELECT id, code, kind FROM cases WHERE code = ?');
  const byId = db.prepare('SELECT id, code, kind FROM cases WHERE id = ?');
  const found = new Map<string, SelectedCase>();
  for (const code of caseCodes) {
    const row = byCode.get(code) as SelectedCase | undefined;
    if (!row) throw new CaseVaultError('RECORD_NOT_FOUND', `case ${code}`);
    found.set(row.id, row);
  }
  for (const id of caseIds) {
    const row = byId.get(id) as SelectedCase | undefined;
    if (!row) throw new CaseVaultError('RECORD_NOT_FOUND', 'case');
    found.set(row.id, row);
  }
  return [...found.values()].sort((a, b) => a.code.localeCompare(b.code));
}

type Doc = Omit<RecordsDocument, 'exportedAt'>;
type Loose = Record<string, unknown>;

/** Several one-case documents as one: records deduplicated by id (people shared by cases once). */
function mergeDocs(docs: Doc[]): Doc {
  if (docs.length === 1) return docs[0]!;
  const first = docs[0]! as unknown as Loose;
  const out: Loose = { format: first.format, identities: first.identities };
  for (const key of Object.keys(first)) {
    if (!Array.isArray(first[key])) continue;
    const seen = new Set<string>();
    const merged: unknown[] = [];
    for (const doc of docs) {
      for (const item of (doc as unknown as Loose)[key] as Loose[]) {
        const id =
          key === 'casePeople'
            ? `${item.caseId}/${item.personId}/${item.role}`
            : key === 'customKinds'
              ? String(item.code)
              : String(item.id);
        if (seen.has(id)) continue;
        seen.add(id);
        merged.push(item);
      }
    }
    out[key] = merged;
  }
  return out as unknown as Doc;
}

export function countsOf(doc: Doc | RecordsDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [key, value] of Object.entries(doc)) if (Array.isArray(value)) counts[key] = value.length;
  return counts;
}

/** Every record as `{ kind, id }` for the manifest (custom kinds by code, links by their ids). */
export function recordItems(doc: Doc | RecordsDocument): Array<{ kind: string; id: string }> {
  const items: Array<{ kind: string; id: string }> = [];
  for (const [key, value] of Object.entries(doc)) {
    if (!Array.isArray(value)) continue;
    for (const item of value as Loose[]) {
      const id =
        key === 'casePeople'
          ? `${item.caseId}:${item.personId}:${item.role}`
          : key === 'customKinds'
            ? String(item.code)
            : String(item.id);
      items.push({ kind: key, id: id.slice(0, 100) });
    }
  }
  return items;
}

interface EvidenceRowLite {
  id: string;
  case_id: string;
  redacted_of: string | null;
  original_name: string;
  size: number;
  sha256: string;
  mime: string;
}

export function selectEvidence(
  db: VaultDatabase,
  cases: readonly SelectedCase[],
  mode: ExportMode,
): Pick<Selection, 'evidence' | 'evidenceLeftOut'> {
  const codeOf = new Map(cases.map((c) => [c.id, c.code]));
  const rows = db
    .prepare(
      `SELECT id, case_id, redacted_of, original_name, size, sha256, mime FROM evidence_items
        WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY added_at, id`,
    )
    .all(JSON.stringify(cases.map((c) => c.id))) as EvidenceRowLite[];
  const view = (r: EvidenceRowLite): PlanEvidence => ({
    id: r.id,
    caseCode: codeOf.get(r.case_id)!,
    name: r.original_name,
    size: r.size,
    sha256: r.sha256,
    mime: r.mime,
    copy: r.redacted_of ? 'redacted-copy' : 'original',
  });
  if (mode === 'full') return { evidence: rows.map(view), evidenceLeftOut: [] };
  const copied = new Set(rows.flatMap((r) => (r.redacted_of ? [r.redacted_of] : [])));
  return {
    evidence: rows.filter((r) => r.redacted_of !== null).map(view),
    evidenceLeftOut: rows
      .filter((r) => r.redacted_of === null && !copied.has(r.id))
      .map((r) => ({
        id: r.id,
        caseCode: codeOf.get(r.case_id)!,
        name: r.original_name,
        reason: 'no-redacted-copy' as const,
      })),
  };
}

export function select(
  ctx: RecordContext,
  cases: readonly SelectedCase[],
  mode: ExportMode,
  includeEvidence: boolean,
): Selection {
  const docs = cases.map((c) => collect(ctx, { caseCode: c.code, includeIdentities: mode === 'full' }));
  let records = mergeDocs(docs);
  if (mode === 'redacted') records = redactRecords(records);
  const evidence = includeEvidence
    ? selectEvidence(ctx.db, cases, mode)
    : { evidence: [], evidenceLeftOut: [] };
  return { cases: [...cases], records, counts: countsOf(records), ...evidence };
}
