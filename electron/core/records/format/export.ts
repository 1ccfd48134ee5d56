/**
 * Export to a records file (`casevault.records/1`): the whole vault or one case, in a fixed order so
 * two exports of the same records are byte-identical apart from `exportedAt`. Real names are written
 * only when asked for. Every export leaves a `records.export` audit entry (scope, counts, identities).
 */
import { CaseVaultError } from '../../../../shared/errors.ts';
import { plucked, prepared } from '../../db/statements.ts';
import { appendAudit } from '../audit.ts';
import { ENTITIES } from '../entities.ts';
import type { RecordContext, StoredRecord } from '../store.ts';
import {
  RECORD_ARRAYS,
  RECORDS_FORMAT,
  type RecordArrayName,
  type RecordCounts,
  type RecordsDocument,
} from './records-file.ts';

export interface ExportOptions {
  /** Export only this case (by code): the case, its people and links, and every record of it. */
  caseCode?: string;
  /** Write people's real names (off by default: the file then says `"identities": "omitted"`). */
  includeIdentities?: boolean;
}

type Row = { data: string };

/** A record as the file shows it: id first, the fields, then the timestamps; no store bookkeeping. */
function toFileRecord(record: StoredRecord, realName: string | undefined): Record<string, unknown> {
  const { id, createdAt, updatedAt, hasRealName: _hasRealName, ...fields } = record;
  const out: Record<string, unknown> = { id };
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value;
    if (key === 'alias' && realName !== undefined) out.realName = realName;
    // A measure's or contact's derived case id reads best next to its plan id.
    if (key === 'planId' && fields.caseId !== undefined) out.caseId = fields.caseId;
  }
  out.createdAt = createdAt;
  out.updatedAt = updatedAt;
  return out;
}

/** Reads the records; writes nothing (sharing's export plan uses it to count what would leave). */
export function collect(ctx: RecordContext, options: ExportOptions): Omit<RecordsDocument, 'exportedAt'> {
  const db = ctx.db;
  let caseId: string | undefined;
  if (options.caseCode !== undefined) {
    caseId = plucked(db, 'SELECT id FROM cases WHERE code = ?').get(options.caseCode) as string | undefined;
    if (!caseId) throw new CaseVaultError('RECORD_NOT_FOUND', 'case');
  }
  const scoped = caseId !== undefined;
  const parse = (rows: unknown[]) => (rows as Row[]).map((r) => JSON.parse(r.data) as StoredRecord);
  const arrays = {} as Record<RecordArrayName, StoredRecord[]>;
  for (const [array, entity] of RECORD_ARRAYS) {
    const table = ENTITIES[entity].table;
    if (entity === 'person') continue;
    if (entity === 'case') {
      arrays.cases = parse(
        scoped
          ? prepared(db, 'SELECT data FROM cases WHERE id = ?').all(caseId)
          : prepared(db, 'SELECT data FROM cases ORDER BY code').all(),
      );
      continue;
    }
    arrays[array] = parse(
      scoped
        ? prepared(db, `SELECT data FROM ${table} WHERE case_id = ? ORDER BY created_at, id`).all(caseId)
        : prepared(db, `SELECT data FROM ${table} ORDER BY created_at, id`).all(),
    );
  }
  const casePeople = (
    scoped
      ? prepared(
          db,
          'SELECT case_id AS caseId, person_id AS personId, role FROM case_people WHERE case_id = ? ORDER BY person_id, role',
        ).all(caseId)
      : prepared(
          db,
          `SELECT cp.case_id AS caseId, cp.person_id AS personId, cp.role
               FROM case_people cp JOIN cases c ON c.id = cp.case_id ORDER BY c.code, cp.person_id, cp.role`,
        ).all()
  ) as Array<{ caseId: string; personId: string; role: string }>;

  // A case's people are those linked to it and those its records name, so the file imports alone.
  let people: StoredRecord[];
  if (scoped) {
    const ids = new Set<string>(casePeople.map((l) => l.personId));
    for (const incident of arrays.incidents) for (const p of incident.people ?? []) ids.add(p.personId);
    for (const risk of arrays.riskEntries) if (risk.personId) ids.add(risk.personId);
    for (const consent of arrays.consents) ids.add(consent.personId);
    people = parse(
      prepared(
        db,
        'SELECT data FROM people WHERE id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id',
      ).all(JSON.stringify([...ids])),
    );
  } else {
    people = parse(prepared(db, 'SELECT data FROM people ORDER BY created_at, id').all());
  }

  let customKinds = prepared(
    db,
    'SELECT code, label_fr AS fr, label_en AS en FROM custom_kinds ORDER BY code',
  ).all() as Array<{ code: string; fr: string; en: string }>;
  if (scoped) {
    const used = new Set<string>([
      ...arrays.incidents.map((i) => i.kind as string),
      ...arrays.riskEntries.map((r) => r.threatKind as string | undefined).filter((k) => k !== undefined),
    ]);
    customKinds = customKinds.filter((k) => used.has(k.code));
  }

  const realNameOf = plucked(db, 'SELECT real_name FROM person_identities WHERE person_id = ?');
  const out: Record<string, unknown> = {
    format: RECORDS_FORMAT,
    identities: options.includeIdentities ? 'included' : 'omitted',
    ...(scoped ? { scope: options.caseCode } : {}),
    customKinds,
    people: people.map((p) =>
      toFileRecord(
        p,
        options.includeIdentities ? ((realNameOf.get(p.id) as string | undefined) ?? undefined) : undefined,
      ),
    ),
    cases: [] as unknown[],
    casePeople,
  };
  for (const [array, entity] of RECORD_ARRAYS) {
    if (entity === 'person') continue;
    out[array] = arrays[array].map((r) => toFileRecord(r, undefined));
  }
  return out as Omit<RecordsDocument, 'exportedAt'>;
}

/**
 * Builds the records document and appends the `records.export` audit entry, in one transaction.
 * Throws RECORD_NOT_FOUND when `caseCode` names no case.
 */
export function exportRecordsJson(ctx: RecordContext, options: ExportOptions = {}): RecordsDocument {
  return ctx.db.transaction(() => {
    const body = collect(ctx, options);
    const exportedAt = ctx.now().toISOString();
    const counts = Object.fromEntries(
      Object.entries(body)
        .filter(([, v]) => Array.isArray(v))
        .map(([k, v]) => [k, (v as unknown[]).length]),
    ) as RecordCounts;
    appendAudit(ctx.db, ctx.mac, {
      at: exportedAt,
      actor: ctx.actor,
      action: 'records.export',
      detail: { scope: options.caseCode ?? 'vault', identities: body.identities, counts },
    });
    const { format, ...rest } = body;
    return { format, exportedAt, ...rest } as RecordsDocument;
  })();
}

/** The file's bytes: two-space indented JSON with a final newline. */
export function serializeRecordsDocument(doc: RecordsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
