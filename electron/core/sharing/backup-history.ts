/**
 * The audit history a backup carries (`audit-history.json`, format `casevault.backup-history/1`,
 * docs/sharing.md §Backup, docs/vault-format.md §Audit history): the vault's own audit chain
 * verbatim with its audit key, after the segments it already held from earlier restores. Restore
 * recomputes every MAC under the carried keys, checks the own chain ends at the head the vault had
 * recorded, stores the segments and pins the newest one in the new chain; `check` re-verifies all
 * of it later (records/audit-history.ts). A backup without this file (made before it existed)
 * restores without history, and says so.
 */
import { z } from 'zod';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { SealFileSource } from '../export/index.ts';
import type { AuditEntry } from '../records/audit.ts';
import {
  type HistorySegment,
  loadSegments,
  type MacFor,
  verifySegmentChain,
} from '../records/audit-history.ts';
import type { VaultSession } from '../vault/session.ts';

export const HISTORY_FILE_ID = 'audit-history';
export const BACKUP_HISTORY_FORMAT = 'casevault.backup-history/1';

const Hex32 = z.string().regex(/^[0-9a-f]{64}$/);
const Entry = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string().nullable(),
  recordId: z.string().nullable(),
  detail: z.string(),
  prevMac: Hex32,
  mac: Hex32,
});
const HistoryFile = z.strictObject({
  format: z.literal(BACKUP_HISTORY_FORMAT),
  /** The backed-up vault: its chain is the LAST segment. */
  vaultId: z.string().min(1).max(200),
  /** Its `audit_head` when the backup was made: `<seq>:<mac>` (catches a cut tail). */
  head: z.string().regex(/^\d+:[0-9a-f]{64}$/),
  segments: z
    .array(z.strictObject({ vaultId: z.string().min(1).max(200), auditKey: Hex32, entries: z.array(Entry) }))
    .min(1),
});

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The bytes of audit-history.json for this vault (the caller wipes them after sealing). */
export function historyBytes(session: VaultSession): Uint8Array {
  const db = session.db;
  const own = db
    .prepare(
      'SELECT seq, at, actor, action, entity, record_id AS recordId, detail, prev_mac AS prevMac, mac FROM audit_log ORDER BY seq',
    )
    .all() as AuditEntry[];
  const head = (db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").pluck().get() as string) ?? '';
  const key = session.auditKeyForBackup();
  const carried = loadSegments(db);
  try {
    const segments = [...carried, { vaultId: session.vaultId, auditKey: key, entries: own }];
    const file = {
      format: BACKUP_HISTORY_FORMAT,
      vaultId: session.vaultId,
      head,
      segments: segments.map((s) => ({ vaultId: s.vaultId, auditKey: hex(s.auditKey), entries: s.entries })),
    };
    return new TextEncoder().encode(JSON.stringify(file));
  } finally {
    key.fill(0);
    for (const segment of carried) segment.auditKey.fill(0);
  }
}

/**
 * The history file as one more file of the backup; `wipe()` after sealing (the sealer may open a
 * source more than once).
 */
export function historyFileSource(session: VaultSession): { source: SealFileSource; wipe(): void } {
  const bytes = historyBytes(session);
  return {
    source: {
      id: HISTORY_FILE_ID,
      name: 'audit-history.json',
      size: bytes.length,
      mediaType: 'application/json',
      async *open() {
        yield bytes;
      },
    },
    wipe: () => bytes.fill(0),
  };
}

export interface CarriedHistory {
  /** Oldest first; the last is the backed-up vault's own chain. */
  segments: HistorySegment[];
  /** Entries verified over all segments. */
  entries: number;
}

/**
 * Parses and verifies the history a backup carried: every segment's chain under its key, the own
 * chain ending at the recorded head, no vault twice. BACKUP_HISTORY_INVALID otherwise.
 */
export function verifyCarriedHistory(bytes: Uint8Array, macFor: MacFor): CarriedHistory {
  let parsed: z.infer<typeof HistoryFile>;
  try {
    parsed = HistoryFile.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch {
    throw new CaseVaultError('BACKUP_HISTORY_INVALID', 'audit-history.json');
  }
  const own = parsed.segments[parsed.segments.length - 1]!;
  if (own.vaultId !== parsed.vaultId) throw new CaseVaultError('BACKUP_HISTORY_INVALID', 'vault');
  if (new Set(parsed.segments.map((s) => s.vaultId)).size !== parsed.segments.length)
    throw new CaseVaultError('BACKUP_HISTORY_INVALID', 'vault');
  const segments: HistorySegment[] = [];
  let entries = 0;
  for (const s of parsed.segments) {
    const auditKey = Uint8Array.from(Buffer.from(s.auditKey, 'hex'));
    const chain = verifySegmentChain(s.entries, macFor(auditKey));
    if (!chain.ok) throw new CaseVaultError('BACKUP_HISTORY_INVALID', `entry ${chain.seq} (${chain.reason})`);
    if (s === own && `${chain.entries}:${chain.headMac}` !== parsed.head)
      throw new CaseVaultError('BACKUP_HISTORY_INVALID', 'head');
    segments.push({ vaultId: s.vaultId, auditKey, entries: s.entries });
    entries += chain.entries;
  }
  return { segments, entries };
}
