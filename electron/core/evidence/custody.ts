/**
 * Chain of custody: every acquire, view, export/extract, verify, redaction and deletion of an item
 * is an entry in the vault's keyed audit chain (records/audit.ts) with entity `evidence`, the item
 * id as record id, and the item's SHA-256 in the detail. The timeline of an item is those entries.
 * In a vault restored from a backup, the entries of the former vaults' chains come first (kept
 * verbatim in `audit_history`, records/audit-history.ts), oldest vault first, marked `restoredFrom`.
 */
import type { CustodyAction, CustodyEntry } from '../../../shared/evidence/schemas.ts';
import type { VaultDatabase } from '../db/open.ts';
import { type AuditMac, appendAudit } from '../records/audit.ts';

export interface CustodyContext {
  db: VaultDatabase;
  mac: AuditMac;
  now(): Date;
  actor: string;
}

export function appendCustody(
  ctx: CustodyContext,
  action: CustodyAction,
  itemId: string,
  sha256: string,
  detail: Record<string, unknown> = {},
): void {
  appendAudit(ctx.db, ctx.mac, {
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    action: `evidence.${action}`,
    entity: 'evidence',
    recordId: itemId,
    detail: { sha256, ...detail },
  });
}

/** The item's custody entries, oldest first (an item's timeline is short; bounded anyway). */
export function custodyTimeline(db: VaultDatabase, itemId: string): CustodyEntry[] {
  const history = db
    .prepare(
      `SELECT h.vault_id AS restoredFrom, h.seq, h.at, h.actor, h.action, h.detail
         FROM audit_history h JOIN audit_history_segments s ON s.vault_id = h.vault_id
        WHERE h.record_id = ? AND h.entity = 'evidence' ORDER BY s.position, h.seq LIMIT 10000`,
    )
    .all(itemId) as Row[];
  const rows = db
    .prepare(
      `SELECT seq, at, actor, action, detail FROM audit_log
        WHERE record_id = ? AND entity = 'evidence' ORDER BY seq LIMIT 10000`,
    )
    .all(itemId) as Row[];
  return [...history, ...rows].map((row) => {
    const { sha256, ...detail } = JSON.parse(row.detail) as Record<string, unknown>;
    return {
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action.slice('evidence.'.length) as CustodyAction,
      hash: typeof sha256 === 'string' ? sha256 : '',
      detail,
      ...(row.restoredFrom ? { restoredFrom: row.restoredFrom } : {}),
    };
  });
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: string;
  restoredFrom?: string;
}
