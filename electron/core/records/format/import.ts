/**
 * Import of a records file (`casevault.records/1`, docs/records-format.md): all or nothing, in one
 * transaction, with one `records.import` audit entry. Every refusal is a CaseVaultError
 * IMPORT_INVALID whose detail is `line N, <path>: <problem>` — the first problem found, with the
 * line it is on, and never the offending value (it may be sensitive).
 */
import type { z } from 'zod';
import { CaseVaultError } from '../../../../shared/errors.ts';
import { withBulkCache } from '../../db/bulk.ts';
import { prepared } from '../../db/statements.ts';
import { appendAudit } from '../audit.ts';
import type { EntityName } from '../entities.ts';
import { createRecord, type RecordContext, type StoredRecord } from '../store.ts';
import { insertCasePersonLink } from './case-links.ts';
import {
  checkJsonSyntax,
  formatPath,
  type JsonPath,
  JsonSyntaxError,
  locateJsonPath,
} from './json-positions.ts';
import {
  MAX_IMPORT_BYTES,
  RECORD_ARRAYS,
  RECORDS_FORMAT,
  type RecordCounts,
  type RecordsDocument,
  RecordsFile,
} from './records-file.ts';

export interface ImportSummary {
  counts: RecordCounts;
  identities: 'omitted' | 'included';
  /** Custom kinds already in the vault, kept as they are. */
  customKindsKept: number;
}

const DERIVED_CASE_ID: ReadonlySet<EntityName> = new Set(['planMeasure', 'planContact']);

/** An IMPORT_INVALID error located in the text. */
export function importError(text: string, path: JsonPath, problem: string): CaseVaultError {
  const { line } = locateJsonPath(text, path);
  return new CaseVaultError('IMPORT_INVALID', `line ${line}, ${formatPath(path)}: ${problem}`);
}

/** The first zod issue as a path and a problem that never quotes the value. */
function describeIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; problem: string } {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys')
    return { path: [...path, issue.keys[0]!], problem: 'unknown field' };
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return { path, problem: `required field missing (expected ${issue.expected})` };
  if (issue.code === 'invalid_value' && issue.values.length > 1)
    return { path, problem: `not an allowed value (allowed: ${issue.values.map(String).join(', ')})` };
  return { path, problem: issue.message };
}

/** Turns the store's refusal (field-level detail) into a located import error. */
function storeError(text: string, at: PropertyKey[], error: unknown): unknown {
  if (!(error instanceof CaseVaultError)) return error;
  const detail = error.detail ?? '';
  const colon = detail.indexOf(': ');
  const field = colon === -1 ? (detail.split(' ')[0] ?? '') : detail.slice(0, colon);
  const fieldPath = field
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const path = [...at, ...fieldPath];
  switch (error.code) {
    case 'RECORD_INVALID':
      return importError(text, path, colon === -1 ? 'not valid' : detail.slice(colon + 2));
    case 'RECORD_CONFLICT':
      return importError(
        text,
        path,
        field === 'code'
          ? 'another case already uses this code (in this file or in the vault)'
          : 'a record with this id already exists in the vault',
      );
    case 'CONSENT_REQUIRED': {
      const needed = /needs ([\w-]+)/.exec(detail)?.[1] ?? '?';
      return importError(
        text,
        path,
        `CONSENT_REQUIRED: no consent covers this referral (the consent must be of the same case, for identifying data, include the recipient kind "${needed}" and not be withdrawn by the referral date)`,
      );
    }
    case 'RECORD_NOT_FOUND':
      return importError(text, path, 'refers to a record that does not exist');
    default:
      return error;
  }
}

function parseDocument(text: string): RecordsDocument {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES)
    throw new CaseVaultError('IMPORT_INVALID', 'line 1, (document): the file is larger than 200 MB');
  try {
    checkJsonSyntax(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      throw new CaseVaultError('IMPORT_INVALID', `${error.message} (not valid JSON)`);
    throw error;
  }
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw importError(text, [], 'expected a JSON object');
  const format = (raw as { format?: unknown }).format;
  if (format !== RECORDS_FORMAT) {
    const problem =
      typeof format === 'string' && format.startsWith('casevault.records/')
        ? `version "${format.slice(18, 40)}" is not one this CaseVault reads (it reads ${RECORDS_FORMAT})`
        : `not a CaseVault records file (expected "format": "${RECORDS_FORMAT}")`;
    throw importError(text, ['format'], problem);
  }
  const parsed = RecordsFile.safeParse(raw);
  if (!parsed.success) {
    const { path, problem } = describeIssue(parsed.error.issues[0]!);
    throw importError(text, path, problem);
  }
  return parsed.data;
}

/** Checks that need the whole file: unique ids, and no real name in a file that says it has none. */
function checkWholeFile(text: string, doc: RecordsDocument): void {
  const seen = new Set<string>();
  for (const [array] of RECORD_ARRAYS) {
    for (const [index, record] of doc[array].entries()) {
      if (seen.has(record.id))
        throw importError(text, [array, index, 'id'], 'duplicate id (ids are unique across the file)');
      seen.add(record.id);
    }
  }
  if (doc.identities === 'omitted') {
    const index = doc.people.findIndex((p) => p.realName !== undefined);
    if (index !== -1)
      throw importError(
        text,
        ['people', index, 'realName'],
        'a real name in a file whose "identities" is "omitted"',
      );
  }
}

/**
 * Imports a records file into the vault behind `ctx`. Throws IMPORT_INVALID (and writes nothing) on
 * the first problem. Ids and timestamps are kept; the vault must not already hold them.
 */
export function importRecordsJson(ctx: RecordContext, text: string): ImportSummary {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(source);
  checkWholeFile(source, doc);
  const counts = Object.fromEntries(
    ['customKinds', 'casePeople', ...RECORD_ARRAYS.map(([a]) => a)].map((a) => [a, 0]),
  ) as RecordCounts;
  let customKindsKept = 0;

  withBulkCache(ctx.db, () =>
    ctx.db.transaction(() => {
      const at = ctx.now().toISOString();
      const kindExists = prepared(ctx.db, 'SELECT 1 FROM custom_kinds WHERE code = ?');
      const addKind = prepared(
        ctx.db,
        'INSERT INTO custom_kinds (code, label_fr, label_en, created_at) VALUES (?, ?, ?, ?)',
      );
      for (const kind of doc.customKinds) {
        if (kindExists.get(kind.code) !== undefined) customKindsKept++;
        else {
          addKind.run(kind.code, kind.fr, kind.en, at);
          counts.customKinds++;
        }
      }
      for (const [array, entity] of RECORD_ARRAYS) {
        for (const [index, record] of doc[array].entries()) {
          const { id, createdAt, updatedAt, ...fields } = record as typeof record & { caseId?: string };
          const givenCaseId = DERIVED_CASE_ID.has(entity) ? fields.caseId : undefined;
          if (DERIVED_CASE_ID.has(entity)) delete fields.caseId;
          let written: StoredRecord;
          try {
            written = createRecord(ctx, entity, fields, { id, createdAt, updatedAt, audit: false });
          } catch (error) {
            throw storeError(source, [array, index], error);
          }
          if (givenCaseId !== undefined && givenCaseId !== written.caseId)
            throw importError(source, [array, index, 'caseId'], 'not the case of the plan named by planId');
          counts[array]++;
        }
        if (array === 'cases') {
          for (const [index, link] of doc.casePeople.entries()) {
            try {
              insertCasePersonLink(ctx.db, link);
            } catch (error) {
              throw storeError(source, ['casePeople', index], error);
            }
            counts.casePeople++;
          }
        }
      }
      appendAudit(ctx.db, ctx.mac, {
        at,
        actor: ctx.actor,
        action: 'records.import',
        detail: { counts, identities: doc.identities, customKindsKept },
      });
    })(),
  );
  return { counts, identities: doc.identities, customKindsKept };
}
