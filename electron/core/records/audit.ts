/**
 * The audit log: append-only, each entry chained to the one before by a keyed MAC (BLAKE2b-256 with
 * the vault's `audit` subkey). Entry n's MAC covers entry n−1's MAC and entry n's canonical bytes,
 * so editing, reordering or removing any row breaks the chain from there on; the head (last seq and
 * MAC) is also kept in `meta`, so cutting the tail is caught too. Entries never hold record content:
 * an action, the kind of record, its id, and non-secret detail (field names, counts, a case code).
 */
import type { VaultDatabase } from '../db/open.ts';
import { plucked, prepared } from '../db/statements.ts';

export type AuditMac = (bytes: Uint8Array) => Uint8Array;

export type AuditAction =
  | 'vault.create'
  | 'key.passphrase-changed'
  | 'key.recovered'
  | 'record.create'
  | 'record.update'
  | 'record.delete'
  | 'person.reveal-identity'
  | 'records.import'
  | 'records.export'
  | 'kind.create'
  | 'evidence.acquire'
  | 'evidence.view'
  | 'evidence.export'
  | 'evidence.extract'
  | 'evidence.verify'
  | 'evidence.redact'
  | 'evidence.delete'
  | 'identity.create'
  | 'identity.update'
  | 'contact.add'
  | 'contact.update'
  | 'contact.verify'
  | 'contact.key-changed'
  | 'contact.key-accepted'
  | 'contact.key-rejected'
  | 'contact.delete'
  | 'report.export'
  | 'evidence.acknowledged'
  | 'sharing.export'
  | 'sharing.receive'
  | 'sharing.receipt-create'
  | 'sharing.receipt-import'
  | 'sharing.backup'
  | 'sharing.restore'
  | 'sharing.received-view'
  | 'sharing.received-verify'
  | 'audit.history-restored'
  | 'evidence.restore';

export interface AuditInput {
  at: string;
  actor: string;
  action: AuditAction;
  entity?: string | null;
  recordId?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  recordId: string | null;
  detail: string;
  prevMac: string;
  mac: string;
}

export const GENESIS_MAC = '0'.repeat(64);

/** The bytes an entry's MAC covers: the previous MAC (hex) then a JSON array of the entry's fields. */
export function auditEntryBytes(e: Omit<AuditEntry, 'mac'>): Uint8Array {
  return new TextEncoder().encode(
    `${e.prevMac}${JSON.stringify([e.seq, e.at, e.actor, e.action, e.entity, e.recordId, e.detail])}`,
  );
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function head(db: VaultDatabase): { seq: number; mac: string } {
  const row = prepared(db, 'SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; mac: string }
    | undefined;
  return row ?? { seq: 0, mac: GENESIS_MAC };
}

/** Appends one entry; call inside the transaction of the change it records. */
export function appendAudit(db: VaultDatabase, mac: AuditMac, input: AuditInput): AuditEntry {
  const last = head(db);
  const entry: Omit<AuditEntry, 'mac'> = {
    seq: last.seq + 1,
    at: input.at,
    actor: input.actor,
    action: input.action,
    entity: input.entity ?? null,
    recordId: input.recordId ?? null,
    detail: JSON.stringify(input.detail ?? {}),
    prevMac: last.mac,
  };
  const full: AuditEntry = { ...entry, mac: hex(mac(auditEntryBytes(entry))) };
  prepared(
    db,
    'INSERT INTO audit_log (seq, at, actor, action, entity, record_id, detail, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    full.seq,
    full.at,
    full.actor,
    full.action,
    full.entity,
    full.recordId,
    full.detail,
    full.prevMac,
    full.mac,
  );
  prepared(
    db,
    "INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(`${full.seq}:${full.mac}`);
  return full;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry that does not verify, and why. */
  broken?: { seq: number; reason: 'mac' | 'link' | 'gap' | 'head' | 'history' };
  /** Chains carried from former vaults by restores (records/audit-history.ts), when there are any. */
  history?: { segments: number; entries: number };
}

/** Walks the whole chain. Constant memory: rows are iterated, not loaded. */
export function verifyAuditChain(db: VaultDatabase, mac: AuditMac): AuditVerification {
  let expectedSeq = 1;
  let prev = GENESIS_MAC;
  let count = 0;
  const rows = prepared(
    db,
    'SELECT seq, at, actor, action, entity, record_id AS recordId, detail, prev_mac AS prevMac, mac FROM audit_log ORDER BY seq',
  ).iterate() as IterableIterator<AuditEntry>;
  for (const row of rows) {
    if (row.seq !== expectedSeq)
      return { ok: false, entries: count, broken: { seq: expectedSeq, reason: 'gap' } };
    if (row.prevMac !== prev) return { ok: false, entries: count, broken: { seq: row.seq, reason: 'link' } };
    const { mac: stored, ...rest } = row;
    const computed = hex(mac(auditEntryBytes(rest)));
    if (computed !== stored) return { ok: false, entries: count, broken: { seq: row.seq, reason: 'mac' } };
    prev = stored;
    expectedSeq++;
    count++;
  }
  const headRow = plucked(db, "SELECT value FROM meta WHERE key = 'audit_head'").get() as string | undefined;
  const expectedHead = count === 0 ? undefined : `${count}:${prev}`;
  if (headRow !== expectedHead)
    return { ok: false, entries: count, broken: { seq: count + 1, reason: 'head' } };
  return { ok: true, entries: count };
}

export function listAudit(
  db: VaultDatabase,
  options: { recordIds?: string[]; limit?: number; beforeSeq?: number } = {},
): AuditEntry[] {
  const limit = Math.min(Math.max(options.limit ?? 200, 1), 1000);
  const before = options.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  const select =
    'SELECT seq, at, actor, action, entity, record_id AS recordId, detail, prev_mac AS prevMac, mac FROM audit_log';
  if (options.recordIds && options.recordIds.length > 0) {
    return prepared(
      db,
      `${select} WHERE seq < ? AND record_id IN (SELECT value FROM json_each(?)) ORDER BY seq DESC LIMIT ?`,
    ).all(before, JSON.stringify(options.recordIds), limit) as AuditEntry[];
  }
  return prepared(db, `${select} WHERE seq < ? ORDER BY seq DESC LIMIT ?`).all(before, limit) as AuditEntry[];
}
