/**
 * Import of cases (and their incidents) from a spreadsheet saved as CSV (docs/csv-import.md):
 * one row per case, or one row per incident with the case columns repeated (rows with the same code
 * add incidents to one case). French and English headers, codes or FR/EN labels for pick lists,
 * dates as YYYY-MM-DD or DD/MM/YYYY. All or nothing, one transaction, one `records.import` audit
 * entry; every refusal is IMPORT_INVALID `line N, column X: problem`, never quoting the cell.
 */
import { CaseVaultError } from '../../../../shared/errors.ts';
import {
  BUILTIN_INCIDENT_KINDS,
  PICK_LISTS,
  type PickListName,
} from '../../../../shared/records/taxonomies.ts';
import { withBulkCache } from '../../db/bulk.ts';
import { appendAudit } from '../audit.ts';
import { createRecord, type RecordContext } from '../store.ts';
import { type CsvDelimiter, CsvSyntaxError, parseCsv } from './csv-parse.ts';
import { MAX_IMPORT_BYTES } from './records-file.ts';

type Convert = 'text' | 'date' | 'tags' | { list: PickListName } | 'incidentKind';

interface Column {
  /** Field path in the record (`location.country`). */
  field: string;
  record: 'case' | 'incident';
  /** Accepted header names, already normalised (see `normaliseHeader`). */
  names: readonly string[];
  convert: Convert;
}

/** The column mapping; docs/csv-import.md lists it for users. */
export const CSV_COLUMNS: readonly Column[] = [
  { record: 'case', field: 'code', names: ['code', 'code_dossier', 'case_code'], convert: 'text' },
  {
    record: 'case',
    field: 'kind',
    names: ['type', 'kind', 'type_dossier', 'case_kind'],
    convert: { list: 'caseKind' },
  },
  { record: 'case', field: 'status', names: ['statut', 'status'], convert: { list: 'caseStatus' } },
  {
    record: 'case',
    field: 'sensitivity',
    names: ['sensibilite', 'sensitivity'],
    convert: { list: 'sensitivity' },
  },
  { record: 'case', field: 'openedOn', names: ['date_ouverture', 'opened_on'], convert: 'date' },
  { record: 'case', field: 'closedOn', names: ['date_cloture', 'closed_on'], convert: 'date' },
  { record: 'case', field: 'title', names: ['titre', 'title'], convert: 'text' },
  { record: 'case', field: 'location.country', names: ['pays', 'country'], convert: 'text' },
  { record: 'case', field: 'location.region', names: ['region'], convert: 'text' },
  { record: 'case', field: 'location.locality', names: ['localite', 'locality'], convert: 'text' },
  { record: 'case', field: 'summary', names: ['resume', 'summary'], convert: 'text' },
  { record: 'case', field: 'tags', names: ['etiquettes', 'tags'], convert: 'tags' },
  { record: 'incident', field: 'occurredOn', names: ['date_incident', 'occurred_on'], convert: 'date' },
  { record: 'incident', field: 'kind', names: ['type_incident', 'incident_kind'], convert: 'incidentKind' },
  {
    record: 'incident',
    field: 'datePrecision',
    names: ['precision_date', 'date_precision'],
    convert: { list: 'datePrecision' },
  },
  { record: 'incident', field: 'verification', names: ['verification'], convert: { list: 'verification' } },
  {
    record: 'incident',
    field: 'perpetratorType',
    names: ['type_auteur', 'perpetrator_type'],
    convert: { list: 'actorType' },
  },
  { record: 'incident', field: 'description', names: ['description'], convert: 'text' },
];

const REQUIRED_CASE_FIELDS = ['code', 'kind', 'title', 'openedOn'];
const REQUIRED_INCIDENT_FIELDS = ['occurredOn', 'kind'];

/** Lower case, no accents, spaces and dashes as `_`: `Date d'ouverture`-style variants stay distinct. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const normaliseLabel = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ');

export interface CsvImportSummary {
  delimiter: CsvDelimiter;
  rows: number;
  cases: number;
  incidents: number;
}

class RowError extends Error {}

function csvError(line: number, column: string, problem: string): CaseVaultError {
  return new CaseVaultError('IMPORT_INVALID', `line ${line}, column ${column}: ${problem}`);
}

function toIsoDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (fr) return `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}`;
  throw new RowError('expected a date as YYYY-MM-DD or DD/MM/YYYY');
}

type Lookup = Map<string, string>;

function lookupOf(terms: ReadonlyArray<{ code: string; fr: string; en: string }>): Lookup {
  const map: Lookup = new Map();
  for (const term of terms) {
    for (const name of [term.code, term.fr, term.en]) map.set(normaliseLabel(name), term.code);
  }
  return map;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) target[head] = value;
  else target[head] = { ...((target[head] as object | undefined) ?? {}), [tail]: value };
}

interface PendingCase {
  line: number;
  data: Record<string, unknown>;
  /** Converted cell per case column, to check later rows repeat the same case. */
  cells: Map<string, string>;
  incidents: Array<{ line: number; data: Record<string, unknown> }>;
}

/**
 * Imports a CSV of cases and incidents into the vault behind `ctx`. Throws IMPORT_INVALID (and
 * writes nothing) on the first problem.
 */
export function importCasesCsv(
  ctx: RecordContext,
  text: string,
  options: { delimiter?: CsvDelimiter } = {},
): CsvImportSummary {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES)
    throw new CaseVaultError('IMPORT_INVALID', 'line 1, column 1: the file is larger than 200 MB');
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text, options);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new CaseVaultError(
        'IMPORT_INVALID',
        `line ${error.line}, column ${error.column}: ${error.message.replace(/^line \d+, column \d+: /, '')}`,
      );
    throw error;
  }
  const [header, ...body] = table.rows;
  if (!header) throw csvError(1, '1', 'the file is empty (expected a header line)');

  // Header → column definition, refusing unknown and repeated columns (a typo would lose data).
  const columns: Array<{ def: Column; name: string }> = [];
  const byField = new Map<string, string>();
  for (const [index, raw] of header.cells.entries()) {
    const name = raw.trim() || String(index + 1);
    const def = CSV_COLUMNS.find((c) => c.names.includes(normaliseHeader(raw)));
    if (!def)
      throw csvError(header.line, name, 'unknown column (docs/csv-import.md lists the accepted names)');
    const key = `${def.record}.${def.field}`;
    if (byField.has(key)) throw csvError(header.line, name, `same field as column ${byField.get(key)}`);
    byField.set(key, name);
    columns.push({ def, name });
  }
  for (const field of REQUIRED_CASE_FIELDS) {
    if (!byField.has(`case.${field}`)) {
      const def = CSV_COLUMNS.find((c) => c.record === 'case' && c.field === field)!;
      throw csvError(header.line, def.names[0]!, `missing column (accepted names: ${def.names.join(', ')})`);
    }
  }
  const columnName = (record: 'case' | 'incident', field: string) =>
    byField.get(`${record}.${field}`) ?? field;

  const customKinds = ctx.db
    .prepare('SELECT code, label_fr AS fr, label_en AS en FROM custom_kinds')
    .all() as Array<{ code: string; fr: string; en: string }>;
  const incidentKinds = lookupOf([...BUILTIN_INCIDENT_KINDS, ...customKinds]);
  const lists = new Map<PickListName, Lookup>();
  const listLookup = (name: PickListName) => {
    if (!lists.has(name)) lists.set(name, lookupOf(PICK_LISTS[name]));
    return lists.get(name)!;
  };
  const convert = (how: Convert, value: string): unknown => {
    if (how === 'text') return value;
    if (how === 'date') return toIsoDate(value);
    if (how === 'tags')
      return value
        .split('|')
        .map((t) => t.trim())
        .filter(Boolean);
    const lookup = how === 'incidentKind' ? incidentKinds : listLookup(how.list);
    const code = lookup.get(normaliseLabel(value));
    if (!code) {
      throw new RowError(
        how === 'incidentKind'
          ? 'unknown incident kind (use a code such as mrm.abduction or its French or English label)'
          : `not an allowed value (codes: ${PICK_LISTS[how.list].map((t) => t.code).join(', ')}, or their labels)`,
      );
    }
    return code;
  };

  const cases = new Map<string, PendingCase>();
  let rowCount = 0;
  for (const row of body) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    rowCount++;
    if (row.cells.slice(columns.length).some((c) => c.trim() !== ''))
      throw csvError(
        row.line,
        String(columns.length + 1),
        `more cells than the ${columns.length} columns of the header`,
      );
    const caseData: Record<string, unknown> = {};
    const incidentData: Record<string, unknown> = {};
    const caseCells = new Map<string, string>();
    for (const [index, { def, name }] of columns.entries()) {
      const value = (row.cells[index] ?? '').trim();
      if (value === '') continue;
      let converted: unknown;
      try {
        converted = convert(def.convert, value);
      } catch (error) {
        if (error instanceof RowError) throw csvError(row.line, name, error.message);
        throw error;
      }
      if (def.record === 'case') caseCells.set(name, JSON.stringify(converted));
      setPath(def.record === 'case' ? caseData : incidentData, def.field, converted);
    }
    const code = caseData.code as string | undefined;
    if (!code) throw csvError(row.line, columnName('case', 'code'), 'empty (every row names its case)');
    let pending = cases.get(code);
    if (!pending) {
      pending = { line: row.line, data: caseData, cells: caseCells, incidents: [] };
      cases.set(code, pending);
    } else {
      for (const [name, value] of caseCells) {
        const first = pending.cells.get(name);
        if (first === undefined) {
          pending.cells.set(name, value);
          const def = columns.find((c) => c.name === name)!.def;
          setPath(pending.data, def.field, JSON.parse(value));
        } else if (first !== value) {
          throw csvError(row.line, name, `differs from line ${pending.line}, which has the same case code`);
        }
      }
    }
    if (Object.keys(incidentData).length > 0) {
      for (const field of REQUIRED_INCIDENT_FIELDS) {
        if (incidentData[field] === undefined)
          throw csvError(row.line, columnName('incident', field), 'empty, but this row has an incident');
      }
      pending.incidents.push({ line: row.line, data: incidentData });
    }
  }

  /** The store names the field; the user needs the column. */
  const located = (line: number, record: 'case' | 'incident', error: unknown) => {
    if (!(error instanceof CaseVaultError)) return error;
    const detail = error.detail ?? '';
    const colon = detail.indexOf(': ');
    const field = (colon === -1 ? detail : detail.slice(0, colon)).replace(/\.\d+$/, '');
    const column = columnName(record, field);
    if (error.code === 'RECORD_CONFLICT')
      return csvError(line, column, 'a case with this code is already in the vault');
    if (error.code === 'RECORD_INVALID')
      return csvError(line, column, colon === -1 ? 'not valid' : detail.slice(colon + 2));
    return error;
  };

  let incidentCount = 0;
  withBulkCache(ctx.db, () =>
    ctx.db.transaction(() => {
      for (const pending of cases.values()) {
        let caseId: string;
        try {
          caseId = createRecord(ctx, 'case', pending.data, { audit: false }).id;
        } catch (error) {
          throw located(pending.line, 'case', error);
        }
        for (const incident of pending.incidents) {
          try {
            createRecord(ctx, 'incident', { ...incident.data, caseId }, { audit: false });
          } catch (error) {
            throw located(incident.line, 'incident', error);
          }
          incidentCount++;
        }
      }
      appendAudit(ctx.db, ctx.mac, {
        at: ctx.now().toISOString(),
        actor: ctx.actor,
        action: 'records.import',
        detail: { source: 'csv', counts: { cases: cases.size, incidents: incidentCount } },
      });
    })(),
  );
  return { delimiter: table.delimiter, rows: rowCount, cases: cases.size, incidents: incidentCount };
}
