/**
 * The vault state a backup carries besides the records document and the files
 * (`vault-state.json`, format `casevault.backup-state/1`, docs/sharing.md §Backup): the rows of the
 * identity, contacts, evidence, received and sharing tables, BLOB values as `{ "$hex": "…" }`.
 * Blob names and wrapped file keys are NOT carried (they belong to the old vault's evidence key);
 * each file travels in clear inside the sealed backup and is re-encrypted under a new key on restore.
 * Restoring checks every column name against the table's real columns before any SQL is built.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { VaultDatabase } from '../db/open.ts';

export const BACKUP_STATE_FORMAT = 'casevault.backup-state/1';
export const STATE_FILE_ID = 'vault-state';
export const RECORDS_IN_BACKUP = 'records';

/** In insertion order (foreign keys), with the columns that are re-made on restore. */
export const STATE_TABLES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['identity', []],
  ['contacts', []],
  ['contact_keys', []],
  ['evidence_items', ['blob_name', 'wrapped_key']],
  ['received_exports', []],
  ['received_files', ['blob_name', 'wrapped_key']],
  ['sharing_exports', []],
  ['sharing_export_acks', []],
  ['sharing_backups', []],
];

type Row = Record<string, unknown>;
export interface BackupState {
  format: typeof BACKUP_STATE_FORMAT;
  schemaVersion: number;
  tables: Record<string, Row[]>;
}

function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $hex: Buffer.from(value).toString('hex') };
  return value;
}

function decodeValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    const hex = (value as { $hex?: unknown }).$hex;
    if (typeof hex !== 'string' || !/^(?:[0-9a-f]{2})*$/.test(hex) || Object.keys(value).length !== 1)
      throw new CaseVaultError('BACKUP_CONTENT_INVALID', 'value');
    return Buffer.from(hex, 'hex');
  }
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  throw new CaseVaultError('BACKUP_CONTENT_INVALID', 'value');
}

export function dumpState(db: VaultDatabase, schemaVersion: number): BackupState {
  const tables: Record<string, Row[]> = {};
  for (const [table, skip] of STATE_TABLES) {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Row[];
    tables[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([k]) => !skip.includes(k))
          .map(([k, v]) => [k, encodeValue(v)]),
      ),
    );
  }
  return { format: BACKUP_STATE_FORMAT, schemaVersion, tables };
}

export function parseState(bytes: Uint8Array, maxSchemaVersion: number): BackupState {
  let state: BackupState;
  try {
    state = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as BackupState;
  } catch {
    throw new CaseVaultError('BACKUP_CONTENT_INVALID', 'vault-state.json');
  }
  if (
    state === null ||
    typeof state !== 'object' ||
    state.format !== BACKUP_STATE_FORMAT ||
    !Number.isInteger(state.schemaVersion) ||
    state.schemaVersion > maxSchemaVersion ||
    typeof state.tables !== 'object' ||
    state.tables === null
  )
    throw new CaseVaultError('BACKUP_CONTENT_INVALID', 'vault-state.json');
  for (const [table] of STATE_TABLES) {
    const rows = state.tables[table] ?? [];
    if (!Array.isArray(rows)) throw new CaseVaultError('BACKUP_CONTENT_INVALID', table);
    state.tables[table] = rows;
  }
  return state;
}

/** Inserts one table's rows, `extra(row)` adding the re-made columns. Call inside a transaction. */
export function insertRows(
  db: VaultDatabase,
  table: string,
  rows: readonly Row[],
  extra: (row: Row) => Row = () => ({}),
): void {
  const columns = new Set(
    (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name),
  );
  const statements = new Map<string, ReturnType<VaultDatabase['prepare']>>();
  for (const raw of rows) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
      throw new CaseVaultError('BACKUP_CONTENT_INVALID', table);
    const row: Row = {
      ...Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeValue(v)])),
      ...extra(raw),
    };
    const names = Object.keys(row);
    if (names.some((name) => !columns.has(name)))
      throw new CaseVaultError('BACKUP_CONTENT_INVALID', `${table} column`);
    const key = names.join(',');
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      );
      statements.set(key, statement);
    }
    try {
      (statement.run as (...values: unknown[]) => unknown)(...names.map((n) => row[n]));
    } catch {
      throw new CaseVaultError('BACKUP_CONTENT_INVALID', table);
    }
  }
}
