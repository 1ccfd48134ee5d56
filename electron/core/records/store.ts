/**
 * Generic create / update / delete / get for every record kind in the registry, with the
 * bookkeeping each write owes: validation with the shared zod schema, reference checks, the
 * kind's own rules, link tables, the search index, edit history and the audit chain — all inside
 * one transaction per call. SQL identifiers come only from `entities.ts`.
 */
import type { z } from 'zod';
import { CaseVaultError } from '../../../shared/errors.ts';
import { SERVICE_TO_RECIPIENT } from '../../../shared/records/schemas.ts';
import { BUILTIN_INCIDENT_KINDS } from '../../../shared/records/taxonomies.ts';
import type { VaultDatabase } from '../db/open.ts';
import { plucked, prepared } from '../db/statements.ts';
import { noteCaseEvidenceDeleted } from '../evidence/case-cascade.ts';
import { type AuditMac, appendAudit } from './audit.ts';
import { CASE_CHILDREN, ENTITIES, type EntityName } from './entities.ts';
import { indexRecord, refreshCaseFacets, unindexRecords } from './search-index.ts';

export interface RecordContext {
  db: VaultDatabase;
  mac: AuditMac;
  now(): Date;
  newId(): string;
  actor: string;
}

// biome-ignore lint/suspicious/noExplicitAny: records are validated JSON objects of many shapes.
export type StoredRecord = Record<string, any> & { id: string; createdAt: string; updatedAt: string };

/** Fields the store adds; they are stripped before a merged record is validated again. */
const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt', 'hasRealName'] as const;
/** Measures and contacts name their plan; the store copies the plan's case id onto them. */
const DERIVED_CASE_ID: ReadonlySet<EntityName> = new Set(['planMeasure', 'planContact']);

function systemFields(kind: EntityName): readonly string[] {
  return DERIVED_CASE_ID.has(kind) ? [...SYSTEM_FIELDS, 'caseId'] : SYSTEM_FIELDS;
}

/** Reference fields checked before a write, so the error names the field. */
const REFERENCES: Partial<Record<EntityName, ReadonlyArray<[field: string, table: string]>>> = {
  incident: [['caseId', 'cases']],
  riskEntry: [
    ['caseId', 'cases'],
    ['personId', 'people'],
  ],
  riskAssessment: [['caseId', 'cases']],
  protectionPlan: [['caseId', 'cases']],
  planMeasure: [
    ['planId', 'protection_plans'],
    ['riskEntryId', 'risk_entries'],
  ],
  planContact: [['planId', 'protection_plans']],
  consent: [
    ['caseId', 'cases'],
    ['personId', 'people'],
  ],
  referral: [
    ['caseId', 'cases'],
    ['consentId', 'consents'],
  ],
  ocseaReport: [['caseId', 'cases']],
  note: [['caseId', 'cases']],
};

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.join('.') || '(record)';
  // The detail names the field and the rule, never the value (it may be sensitive).
  throw new CaseVaultError('RECORD_INVALID', `${path}: ${issue.message}`);
}

function exists(db: VaultDatabase, table: string, id: string): boolean {
  return prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

function loadRow(db: VaultDatabase, kind: EntityName, id: string): StoredRecord | undefined {
  const def = ENTITIES[kind];
  const row = prepared(db, `SELECT data FROM ${def.table} WHERE id = ?`).get(id) as
    | { data: string }
    | undefined;
  return row ? (JSON.parse(row.data) as StoredRecord) : undefined;
}

export function getRecord(db: VaultDatabase, kind: EntityName, id: string): StoredRecord {
  const record = loadRow(db, kind, id);
  if (!record) throw new CaseVaultError('RECORD_NOT_FOUND', kind);
  return record;
}

function checkReferences(db: VaultDatabase, kind: EntityName, record: StoredRecord): void {
  for (const [field, table] of REFERENCES[kind] ?? []) {
    const value = record[field];
    if (value !== undefined && !exists(db, table, value))
      throw new CaseVaultError('RECORD_INVALID', `${field}: no such record`);
  }
  if (kind === 'incident') {
    for (const [i, link] of (record.people ?? []).entries()) {
      if (!exists(db, 'people', link.personId))
        throw new CaseVaultError('RECORD_INVALID', `people.${i}.personId: no such record`);
    }
  }
}

/** The rules a kind has beyond its schema. */
function checkRules(db: VaultDatabase, kind: EntityName, record: StoredRecord): void {
  if (kind === 'case') {
    const clash = prepared(db, 'SELECT id FROM cases WHERE code = ? AND id <> ?').get(record.code, record.id);
    if (clash) throw new CaseVaultError('RECORD_CONFLICT', 'code');
  }
  if (kind === 'referral') {
    const consent = loadRow(db, 'consent', record.consentId);
    const needed = SERVICE_TO_RECIPIENT[record.serviceKind as keyof typeof SERVICE_TO_RECIPIENT];
    const ok =
      consent &&
      consent.caseId === record.caseId &&
      consent.dataLevel === 'identifying' &&
      (consent.recipientKinds as string[]).includes(needed) &&
      (!consent.withdrawnOn || consent.withdrawnOn > record.referredOn);
    if (!ok) throw new CaseVaultError('CONSENT_REQUIRED', `consentId (needs ${needed})`);
  }
  for (const field of ['kind', 'threatKind'] as const) {
    if ((kind === 'incident' && field === 'kind') || (kind === 'riskEntry' && field === 'threatKind')) {
      const code = record[field] as string | undefined;
      if (code !== undefined && !knownKind(db, code))
        throw new CaseVaultError('RECORD_INVALID', `${field}: unknown kind`);
    }
  }
  if (kind === 'planMeasure' && record.riskEntryId) {
    const risk = loadRow(db, 'riskEntry', record.riskEntryId);
    if (risk && risk.caseId !== record.caseId)
      throw new CaseVaultError('RECORD_INVALID', 'riskEntryId: another case');
  }
}

const BUILTIN_KIND_CODES: ReadonlySet<string> = new Set(BUILTIN_INCIDENT_KINDS.map((k) => k.code));

function knownKind(db: VaultDatabase, code: string): boolean {
  return (
    BUILTIN_KIND_CODES.has(code) ||
    prepared(db, 'SELECT 1 FROM custom_kinds WHERE code = ?').get(code) !== undefined
  );
}

function deriveCaseId(db: VaultDatabase, kind: EntityName, record: StoredRecord): void {
  if (!DERIVED_CASE_ID.has(kind)) return;
  const plan = loadRow(db, 'protectionPlan', record.planId);
  if (!plan) throw new CaseVaultError('RECORD_INVALID', 'planId: no such record');
  record.caseId = plan.caseId;
}

function writeLinks(
  db: VaultDatabase,
  kind: EntityName,
  record: StoredRecord,
  realName: string | null | undefined,
): void {
  if (kind === 'case') {
    prepared(db, 'DELETE FROM case_tags WHERE case_id = ?').run(record.id);
    const insert = prepared(db, 'INSERT OR IGNORE INTO case_tags (case_id, tag) VALUES (?, ?)');
    for (const tag of record.tags ?? []) insert.run(record.id, tag);
  }
  if (kind === 'incident') {
    prepared(db, 'DELETE FROM incident_people WHERE incident_id = ?').run(record.id);
    const insert = prepared(
      db,
      'INSERT OR IGNORE INTO incident_people (incident_id, person_id, role) VALUES (?, ?, ?)',
    );
    for (const link of record.people ?? []) insert.run(record.id, link.personId, link.role);
  }
  if (kind === 'person' && realName !== undefined) {
    if (realName === null || realName === '')
      prepared(db, 'DELETE FROM person_identities WHERE person_id = ?').run(record.id);
    else
      prepared(
        db,
        'INSERT INTO person_identities (person_id, real_name) VALUES (?, ?) ON CONFLICT (person_id) DO UPDATE SET real_name = excluded.real_name',
      ).run(record.id, realName);
  }
}

function indexForSearch(db: VaultDatabase, kind: EntityName, record: StoredRecord): void {
  unindexRecords(db, [record.id]);
  const def = ENTITIES[kind];
  const { title, body, onDate } = def.search(record);
  indexRecord(db, { recordId: record.id, entity: kind, caseId: def.caseIdOf(record), onDate, title, body });
  // A case's status, kind, country and tags are search filters its records carry (search-index.ts).
  if (kind === 'case') refreshCaseFacets(db, record.id);
}

function writeRow(db: VaultDatabase, kind: EntityName, record: StoredRecord, insert: boolean): void {
  const def = ENTITIES[kind];
  const values = [...def.values(record), JSON.stringify(record), record.createdAt, record.updatedAt];
  if (insert) {
    const columns = ['id', ...def.columns, 'data', 'created_at', 'updated_at'];
    prepared(
      db,
      `INSERT INTO ${def.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(record.id, ...values);
  } else {
    const sets = [...def.columns, 'data', 'created_at', 'updated_at'].map((c) => `${c} = ?`).join(', ');
    prepared(db, `UPDATE ${def.table} SET ${sets} WHERE id = ?`).run(...values, record.id);
  }
}

/** Splits a person's real name off the record: it is never stored in `data` nor indexed. */
function separateIdentity(kind: EntityName, parsed: StoredRecord): string | null | undefined {
  if (kind !== 'person') return undefined;
  const realName = parsed.realName as string | undefined;
  delete parsed.realName;
  return realName ?? null;
}

export interface CreateOptions {
  /** Import keeps ids and timestamps; interactive creates get fresh ones. */
  id?: string;
  createdAt?: string;
  updatedAt?: string;
  /** Import writes one audit entry for the whole file instead of one per record. */
  audit?: boolean;
}

export function createRecord(
  ctx: RecordContext,
  kind: EntityName,
  input: unknown,
  options: CreateOptions = {},
): StoredRecord {
  const def = ENTITIES[kind];
  const parsed = validate(def.schema, input) as StoredRecord;
  const realName = separateIdentity(kind, parsed);
  const at = ctx.now().toISOString();
  const record: StoredRecord = {
    ...parsed,
    id: options.id ?? ctx.newId(),
    createdAt: options.createdAt ?? at,
    updatedAt: options.updatedAt ?? options.createdAt ?? at,
  };
  if (kind === 'person') record.hasRealName = Boolean(realName);
  deriveCaseId(ctx.db, kind, record);
  checkReferences(ctx.db, kind, record);
  checkRules(ctx.db, kind, record);
  if (exists(ctx.db, def.table, record.id)) throw new CaseVaultError('RECORD_CONFLICT', 'id');
  writeRow(ctx.db, kind, record, true);
  writeLinks(ctx.db, kind, record, realName);
  indexForSearch(ctx.db, kind, record);
  if (options.audit !== false) {
    appendAudit(ctx.db, ctx.mac, {
      at,
      actor: ctx.actor,
      action: 'record.create',
      entity: kind,
      recordId: record.id,
      detail: kind === 'case' ? { code: record.code } : {},
    });
  }
  return record;
}

/**
 * Applies a patch: a present key replaces the field, `null` clears an optional field. The merged
 * record is validated whole, so a patch cannot leave a record invalid. The replaced state goes to
 * `record_history` with the names of the changed fields.
 */
export function updateRecord(
  ctx: RecordContext,
  kind: EntityName,
  id: string,
  patch: Record<string, unknown>,
): StoredRecord {
  const def = ENTITIES[kind];
  const current = getRecord(ctx.db, kind, id);
  const merged: Record<string, unknown> = { ...current };
  const system = systemFields(kind);
  for (const field of system) delete merged[field];
  let realNameChange: string | null | undefined;
  for (const [key, value] of Object.entries(patch)) {
    if (system.includes(key)) continue;
    if (kind === 'person' && key === 'realName') {
      realNameChange = (value as string | null) ?? null;
      continue;
    }
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  if (kind !== 'person') realNameChange = undefined;
  const parsed = validate(def.schema, merged) as StoredRecord;
  delete parsed.realName;
  if (realNameChange !== undefined && realNameChange !== null)
    validate(def.schema, { ...merged, realName: realNameChange });
  const at = ctx.now().toISOString();
  const record: StoredRecord = { ...parsed, id, createdAt: current.createdAt, updatedAt: at };
  if (kind === 'person') {
    record.hasRealName =
      realNameChange === undefined ? Boolean(current.hasRealName) : Boolean(realNameChange);
  }
  if (DERIVED_CASE_ID.has(kind)) deriveCaseId(ctx.db, kind, record);
  checkReferences(ctx.db, kind, record);
  checkRules(ctx.db, kind, record);

  const changed = Object.keys({ ...current, ...record }).filter(
    (key) => !['updatedAt'].includes(key) && JSON.stringify(current[key]) !== JSON.stringify(record[key]),
  );
  if (realNameChange !== undefined) changed.push('realName');
  if (changed.length === 0) return current;

  prepared(
    ctx.db,
    'INSERT INTO record_history (entity, record_id, at, actor, changed, data) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(kind, id, at, ctx.actor, JSON.stringify(changed), JSON.stringify(current));
  writeRow(ctx.db, kind, record, false);
  writeLinks(ctx.db, kind, record, realNameChange);
  indexForSearch(ctx.db, kind, record);
  appendAudit(ctx.db, ctx.mac, {
    at,
    actor: ctx.actor,
    action: 'record.update',
    entity: kind,
    recordId: id,
    detail: { fields: changed },
  });
  return record;
}

/** Ids of the records that go with `id` when it is deleted (database cascades), itself first. */
function cascadeIds(db: VaultDatabase, kind: EntityName, id: string): Array<[EntityName, string]> {
  const out: Array<[EntityName, string]> = [[kind, id]];
  if (kind === 'case') {
    for (const child of CASE_CHILDREN) {
      const ids = plucked(db, `SELECT id FROM ${ENTITIES[child].table} WHERE case_id = ?`).all(
        id,
      ) as string[];
      for (const childId of ids) out.push([child, childId]);
    }
  }
  if (kind === 'protectionPlan') {
    for (const child of ['planMeasure', 'planContact'] as const) {
      const ids = plucked(db, `SELECT id FROM ${ENTITIES[child].table} WHERE plan_id = ?`).all(
        id,
      ) as string[];
      for (const childId of ids) out.push([child, childId]);
    }
  }
  return out;
}

/**
 * Deletes for real: the row, the records it cascades to, their history and their search entries.
 * What is left is one audit entry saying a record of this kind and id was deleted. A person still
 * named by an incident, a risk entry or a consent, or a consent a referral relies on, is refused
 * (RECORD_IN_USE) rather than silently dropped from those records.
 */
export function deleteRecord(ctx: RecordContext, kind: EntityName, id: string): void {
  const def = ENTITIES[kind];
  if (!exists(ctx.db, def.table, id)) throw new CaseVaultError('RECORD_NOT_FOUND', kind);
  if (kind === 'person') {
    const uses = plucked(
      ctx.db,
      `SELECT (SELECT count(*) FROM incident_people WHERE person_id = @id)
              + (SELECT count(*) FROM risk_entries WHERE person_id = @id)
              + (SELECT count(*) FROM consents WHERE person_id = @id)`,
    ).get({ id }) as number;
    if (uses > 0) throw new CaseVaultError('RECORD_IN_USE', 'person');
  }
  if (kind === 'consent') {
    const uses = plucked(ctx.db, 'SELECT count(*) FROM referrals WHERE consent_id = ?').get(id) as number;
    if (uses > 0) throw new CaseVaultError('RECORD_IN_USE', 'consent');
  }
  const doomed = cascadeIds(ctx.db, kind, id);
  const ids = doomed.map(([, recordId]) => recordId);
  unindexRecords(ctx.db, ids);
  const dropHistory = prepared(ctx.db, 'DELETE FROM record_history WHERE record_id = ?');
  for (const recordId of ids) dropHistory.run(recordId);
  // Evidence of a deleted case goes with it (FK cascade; a trigger queues each blob for shredding);
  // its custody timeline records the deletion first.
  if (kind === 'case') noteCaseEvidenceDeleted(ctx, id);
  prepared(ctx.db, `DELETE FROM ${def.table} WHERE id = ?`).run(id);
  appendAudit(ctx.db, ctx.mac, {
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    action: 'record.delete',
    entity: kind,
    recordId: id,
    detail: { cascaded: doomed.length - 1 },
  });
}

export interface HistoryEntry {
  at: string;
  actor: string;
  changed: string[];
  /** The state this edit replaced. */
  before: StoredRecord;
}

export function recordHistory(db: VaultDatabase, id: string): HistoryEntry[] {
  const rows = prepared(
    db,
    'SELECT at, actor, changed, data FROM record_history WHERE record_id = ? ORDER BY id DESC',
  ).all(id) as Array<{ at: string; actor: string; changed: string; data: string }>;
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    changed: JSON.parse(r.changed),
    before: JSON.parse(r.data),
  }));
}
