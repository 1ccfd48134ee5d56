/**
 * Audit history carried across a restore (docs/vault-format.md §Audit history).
 *
 * A restored vault has a new master key, so a new `audit` subkey and a new chain. The chains of the
 * vaults it descends from are kept as SEGMENTS (migration 0011): each one verbatim — seq, fields,
 * prev_mac, mac — with the former vault's audit key, so every MAC can be recomputed. Each segment is
 * PINNED by exactly one `audit.history-restored` entry (record id = the former vault's id, detail
 * `{ backupId, entries, headMac }`) in the current chain or, for an older restore, in a newer
 * segment. Verification (`verifyAuditHistory`, run by `check` and before a restore commits):
 * every segment's chain recomputes from seq 1 under its key, ends at the count and head MAC its pin
 * names, every pin names a stored segment, and no segment is pinned twice or not at all.
 * Editing a history row changes its MAC or breaks the links; recomputing the MACs (the key is in
 * the database) changes the head, which no longer matches a pin covered by the current chain.
 */
import type { VaultDatabase } from '../db/open.ts';
import { type AuditEntry, type AuditMac, auditEntryBytes, GENESIS_MAC } from './audit.ts';

export const HISTORY_PIN_ACTION = 'audit.history-restored';

/** One former vault's chain, as a backup carries it and as it is stored. */
export interface HistorySegment {
  vaultId: string;
  auditKey: Uint8Array;
  entries: AuditEntry[];
}

export interface HistoryPin {
  backupId: string;
  entries: number;
  headMac: string;
}

export interface HistoryVerification {
  ok: boolean;
  segments: number;
  /** History entries verified (all segments). */
  entries: number;
  broken?: { vaultId: string; seq: number; reason: 'mac' | 'link' | 'gap' | 'head' | 'pin' };
}

export type MacFor = (key: Uint8Array) => AuditMac;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Recomputes one chain from seq 1; the head it ends at, or where it breaks. */
export function verifySegmentChain(
  entries: Iterable<AuditEntry>,
  mac: AuditMac,
):
  | { ok: true; entries: number; headMac: string }
  | { ok: false; seq: number; reason: 'mac' | 'link' | 'gap' } {
  let expectedSeq = 1;
  let prev = GENESIS_MAC;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { ok: false, seq: expectedSeq, reason: 'gap' };
    if (entry.prevMac !== prev) return { ok: false, seq: entry.seq, reason: 'link' };
    const { mac: stored, ...rest } = entry;
    if (hex(mac(auditEntryBytes(rest))) !== stored) return { ok: false, seq: entry.seq, reason: 'mac' };
    prev = stored;
    expectedSeq++;
  }
  return { ok: true, entries: expectedSeq - 1, headMac: prev };
}

const ENTRY_COLUMNS =
  'seq, at, actor, action, entity, record_id AS recordId, detail, prev_mac AS prevMac, mac';

/** Stored segments, oldest first, with their entries (what a new backup carries on). */
export function loadSegments(db: VaultDatabase): HistorySegment[] {
  const segments = db
    .prepare(
      'SELECT vault_id AS vaultId, audit_key AS auditKey FROM audit_history_segments ORDER BY position',
    )
    .all() as Array<{ vaultId: string; auditKey: Uint8Array }>;
  const entries = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_history WHERE vault_id = ? ORDER BY seq`);
  return segments.map((s) => ({
    vaultId: s.vaultId,
    auditKey: Uint8Array.from(s.auditKey),
    entries: entries.all(s.vaultId) as AuditEntry[],
  }));
}

/** The pin detail the current chain records for a segment; call `appendAudit` with it. */
export function pinFor(segment: HistorySegment, backupId: string): HistoryPin {
  const last = segment.entries[segment.entries.length - 1];
  return { backupId, entries: segment.entries.length, headMac: last ? last.mac : GENESIS_MAC };
}

/** Inserts segments after any already stored; call inside the restore's transaction. */
export function storeSegments(
  db: VaultDatabase,
  segments: readonly HistorySegment[],
  backupId: string,
  restoredAt: string,
): void {
  let position = (db.prepare('SELECT coalesce(max(position), 0) FROM audit_history_segments').pluck().get() ??
    0) as number;
  const insertSegment = db.prepare(
    'INSERT INTO audit_history_segments (vault_id, position, audit_key, entries, head_mac, backup_id, restored_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertEntry = db.prepare(
    'INSERT INTO audit_history (vault_id, seq, at, actor, action, entity, record_id, detail, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const segment of segments) {
    const pin = pinFor(segment, backupId);
    insertSegment.run(
      segment.vaultId,
      ++position,
      segment.auditKey,
      pin.entries,
      pin.headMac,
      backupId,
      restoredAt,
    );
    for (const e of segment.entries)
      insertEntry.run(
        segment.vaultId,
        e.seq,
        e.at,
        e.actor,
        e.action,
        e.entity,
        e.recordId,
        e.detail,
        e.prevMac,
        e.mac,
      );
  }
}

function parsePin(detail: string): HistoryPin | undefined {
  try {
    const value = JSON.parse(detail) as Partial<HistoryPin>;
    if (typeof value.entries === 'number' && typeof value.headMac === 'string')
      return { backupId: String(value.backupId ?? ''), entries: value.entries, headMac: value.headMac };
  } catch {
    // an unparsable pin is reported below as a pin that matches nothing
  }
  return undefined;
}

/**
 * Verifies every stored segment and its pin (see the module comment). The current chain itself is
 * verified by `verifyAuditChain`; call this after it passed. Memory: one segment's entries at a time.
 */
export function verifyAuditHistory(db: VaultDatabase, macFor: MacFor): HistoryVerification {
  const segments = db
    .prepare(
      'SELECT vault_id AS vaultId, audit_key AS auditKey, entries, head_mac AS headMac FROM audit_history_segments ORDER BY position',
    )
    .all() as Array<{ vaultId: string; auditKey: Uint8Array; entries: number; headMac: string }>;
  const pins = [
    ...(db
      .prepare('SELECT record_id AS target, detail FROM audit_log WHERE action = ?')
      .all(HISTORY_PIN_ACTION) as Array<{ target: string | null; detail: string }>),
    ...(db
      .prepare('SELECT record_id AS target, detail FROM audit_history WHERE action = ?')
      .all(HISTORY_PIN_ACTION) as Array<{ target: string | null; detail: string }>),
  ];
  const known = new Set(segments.map((s) => s.vaultId));
  const orphan = pins.find((p) => p.target === null || !known.has(p.target));
  if (orphan)
    return {
      ok: false,
      segments: segments.length,
      entries: 0,
      broken: { vaultId: orphan.target ?? '', seq: 0, reason: 'pin' },
    };

  const rows = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_history WHERE vault_id = ? ORDER BY seq`);
  let total = 0;
  for (const segment of segments) {
    const fail = (seq: number, reason: NonNullable<HistoryVerification['broken']>['reason']) => ({
      ok: false,
      segments: segments.length,
      entries: total,
      broken: { vaultId: segment.vaultId, seq, reason },
    });
    const chain = verifySegmentChain(
      rows.iterate(segment.vaultId) as Iterable<AuditEntry>,
      macFor(segment.auditKey),
    );
    if (!chain.ok) return fail(chain.seq, chain.reason);
    if (chain.entries !== segment.entries || chain.headMac !== segment.headMac)
      return fail(chain.entries + 1, 'head');
    const matching = pins.filter((p) => p.target === segment.vaultId);
    const pin = matching.length === 1 ? parsePin(matching[0]!.detail) : undefined;
    if (!pin || pin.entries !== chain.entries || pin.headMac !== chain.headMac)
      return fail(chain.entries, 'pin');
    total += chain.entries;
  }
  return { ok: true, segments: segments.length, entries: total };
}

/** History entries, newest segment and entry first; with `recordIds`, only those. Bounded. */
export function listAuditHistory(
  db: VaultDatabase,
  options: { recordIds?: string[]; limit?: number } = {},
): Array<AuditEntry & { restoredFrom: string }> {
  const limit = Math.min(Math.max(options.limit ?? 200, 1), 1000);
  const select = `SELECT h.vault_id AS restoredFrom, h.seq, h.at, h.actor, h.action, h.entity,
      h.record_id AS recordId, h.detail, h.prev_mac AS prevMac, h.mac
    FROM audit_history h JOIN audit_history_segments s ON s.vault_id = h.vault_id`;
  const order = 'ORDER BY s.position DESC, h.seq DESC LIMIT ?';
  if (options.recordIds && options.recordIds.length > 0)
    return db
      .prepare(`${select} WHERE h.record_id IN (SELECT value FROM json_each(?)) ${order}`)
      .all(JSON.stringify(options.recordIds), limit) as Array<AuditEntry & { restoredFrom: string }>;
  return db.prepare(`${select} ${order}`).all(limit) as Array<AuditEntry & { restoredFrom: string }>;
}
