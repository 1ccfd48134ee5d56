/**
 * `restore`: a backup file into a NEW vault in a new folder (docs/sharing.md §Backup). Works without
 * any unlocked vault: the backup passphrase opens the file. Steps:
 * 1. verify the whole file (kind `backup`, passphrase recipient);
 * 2. create the new vault (refuses a folder that already holds one);
 * 3. extract: every file re-encrypted under a fresh key into the new vault's evidence folder as it
 *    streams; the records document and vault-state.json kept in memory;
 * 4. check the backup was signed by the identity it carries, verify the audit history it carries
 *    (backup-history.ts: every MAC recomputed under the former vault's key), then one transaction:
 *    records import, identity, contacts, item rows (with the new blob names and wrapped keys),
 *    received and sharing logs, the history segments pinned by an `audit.history-restored` entry,
 *    an `evidence.restore` custody entry per item, and the whole history re-verified as `check`
 *    will; then a `sharing.restore` audit entry.
 * Any failure after (2) deletes the new vault's files: nothing is left behind. A backup made before
 * history travelled restores without it (`history: null`), and the front ends say so.
 * `inspectBackup` is step 1 alone, for the app to show who signed what before anything is written.
 */
import { promises as fs } from 'node:fs';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { KdfParams, KdfPresetName } from '../crypto/kdf.ts';
import { loadSodium } from '../crypto/sodium.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { appendCustody } from '../evidence/custody.ts';
import { extractExport, fileSource, verifyExport } from '../export/index.ts';
import { fingerprintOf } from '../identity/fingerprint.ts';
import { appendAudit } from '../records/audit.ts';
import { HISTORY_PIN_ACTION, pinFor, storeSegments, verifyAuditHistory } from '../records/audit-history.ts';
import { importRecordsJson } from '../records/format/import.ts';
import { createVault, type VaultSession } from '../vault/vault.ts';
import { type CarriedHistory, HISTORY_FILE_ID, verifyCarriedHistory } from './backup-history.ts';
import { insertRows, parseState, STATE_FILE_ID, STATE_TABLES } from './backup-state.ts';
import { BlobSink } from './blob-sink.ts';
import { checkAbort } from './context.ts';
import { countsByKind } from './receiver.ts';

export interface RestoreRequest {
  path: string;
  backupPassphrase: string;
  newDir: string;
  newPassphrase: string;
  kdf?: KdfPresetName | KdfParams;
  now?: () => Date;
  /** Bytes of the backup file read so far (it is read twice: verified, then extracted). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the restore with TASK_CANCELLED and removes what it wrote. */
  signal?: AbortSignal;
  /**
   * The last resort when a backup's history does not verify (BACKUP_HISTORY_INVALID): restore the
   * records, evidence and identity anyway, leaving the carried history out, as for an old backup.
   * The restore's audit entry says so (`history: "left-out"`). Never the default.
   */
  withoutHistory?: boolean;
}

export interface RestoreResult {
  dir: string;
  recoveryKey: string;
  backupId: string;
  records: Record<string, number>;
  files: number;
  /** The audit history carried and verified, or null for a backup made before it travelled. */
  history: { segments: number; entries: number } | null;
}

/** What a backup holds, verified, before anything is written (the app's confirmation step). */
export interface BackupInspection {
  backupId: string;
  createdAt: string;
  fileSha256: string;
  fileLength: number;
  /** The fingerprint of the vault identity that signed it (computed over the signed keys). */
  signer: { fingerprintId: string; fingerprintDigits: string[]; name?: string };
  records: Record<string, number>;
  /** Evidence and received files (not the backup's own state and history parts). */
  files: number;
  bytes: number;
  /** Whether the backup carries its audit history (backups made before it travelled do not). */
  history: boolean;
}

async function assertReadable(path: string): Promise<number> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new CaseVaultError('FILE_NOT_READABLE');
    return stat.size;
  } catch (error) {
    if (error instanceof CaseVaultError) throw error;
    throw new CaseVaultError('FILE_NOT_READABLE', (error as NodeJS.ErrnoException).code);
  }
}

/** The file's bytes, counted for progress and stopped by the signal between chunks. */
async function* counted(
  path: string,
  progress: { done: number; total: number; report?: (done: number, total: number) => void },
  signal: AbortSignal | undefined,
): AsyncIterable<Uint8Array> {
  for await (const chunk of fileSource(path)) {
    checkAbort(signal);
    progress.done += chunk.length;
    progress.report?.(progress.done, progress.total);
    yield chunk;
  }
}

export async function inspectBackup(request: {
  path: string;
  backupPassphrase: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}): Promise<BackupInspection> {
  const sodium = await loadSodium();
  const size = await assertReadable(request.path);
  const progress = { done: 0, total: size, report: request.onProgress };
  const identity = { type: 'passphrase' as const, passphrase: request.backupPassphrase };
  const verified = await verifyExport({ sodium }, counted(request.path, progress, request.signal), identity, {
    kinds: ['backup'],
  });
  const m = verified.manifest;
  const fingerprint = fingerprintOf(sodium, {
    signPublicKey: Uint8Array.from(Buffer.from(m.sender.signingPublicKey, 'hex')),
    boxPublicKey: Uint8Array.from(Buffer.from(m.sender.encryptionPublicKey, 'hex')),
  });
  const parts = new Set([STATE_FILE_ID, HISTORY_FILE_ID]);
  const files = m.files.filter((f) => !parts.has(f.id));
  return {
    backupId: m.exportId,
    createdAt: m.createdAt,
    fileSha256: verified.fileSha256,
    fileLength: verified.fileLength,
    signer: {
      fingerprintId: fingerprint.id,
      fingerprintDigits: [...fingerprint.digits],
      ...(m.sender.name ? { name: m.sender.name } : {}),
    },
    records: countsByKind(m),
    files: files.length,
    bytes: files.reduce((n, f) => n + f.size, 0),
    history: m.files.some((f) => f.id === HISTORY_FILE_ID),
  };
}

export async function restoreBackup(request: RestoreRequest): Promise<RestoreResult> {
  const { session, result } = await restoreBackupSession(request);
  session.lock();
  return result;
}

/** The same, leaving the new vault unlocked (the app opens it at once). The caller locks it. */
export async function restoreBackupSession(
  request: RestoreRequest,
): Promise<{ session: VaultSession; result: RestoreResult }> {
  const sodium = await loadSodium();
  const now = request.now ?? (() => new Date());
  const size = await assertReadable(request.path);
  const progress = { done: 0, total: 2 * size, report: request.onProgress };
  const identity = { type: 'passphrase' as const, passphrase: request.backupPassphrase };
  const verified = await verifyExport({ sodium }, counted(request.path, progress, request.signal), identity, {
    kinds: ['backup'],
  });

  const existed = await fs.readdir(request.newDir).then(
    (names) => names,
    () => undefined,
  );
  if (existed && existed.length > 0) throw new CaseVaultError('VAULT_ALREADY_EXISTS');
  const { session, recoveryKey } = await createVault(request.newDir, request.newPassphrase, {
    ...(request.kdf ? { kdf: request.kdf } : {}),
    now,
  });
  const sinks = new Map<string, { sink: BlobSink; key: Uint8Array }>();
  try {
    let records: Uint8Array | undefined;
    let state: Uint8Array | undefined;
    let historyFile: Uint8Array | undefined;
    await extractExport(
      { sodium },
      verified,
      counted(request.path, progress, request.signal),
      identity,
      {
        records(bytes) {
          records = Uint8Array.from(bytes);
        },
        file(entry) {
          if (entry.id === STATE_FILE_ID || entry.id === HISTORY_FILE_ID) {
            const parts: Uint8Array[] = [];
            return {
              write: (bytes) => void parts.push(Uint8Array.from(bytes)),
              close: () => {
                if (entry.id === STATE_FILE_ID) state = Buffer.concat(parts);
                else historyFile = Buffer.concat(parts);
                for (const part of parts) part.fill(0);
              },
              abort: () => undefined,
            };
          }
          const key = sodium.randombytes_buf(32);
          const sink = new BlobSink(sodium, session.dir, key);
          sinks.set(entry.id, { sink, key });
          return sink;
        },
      },
      { kinds: ['backup'] },
    );
    if (!records || !state) throw new CaseVaultError('BACKUP_CONTENT_INVALID', 'missing part');
    const parsed = parseState(state, LATEST_SCHEMA_VERSION);
    state.fill(0);
    const identityRow = parsed.tables.identity?.[0] as { sign_public?: { $hex?: string } } | undefined;
    if (identityRow?.sign_public?.$hex !== verified.manifest.sender.signingPublicKey)
      throw new CaseVaultError('BACKUP_CONTENT_INVALID', 'not signed by the identity it carries');
    checkAbort(request.signal);
    const history =
      historyFile && !request.withoutHistory
        ? verifyCarriedHistory(historyFile, (key) => session.historyMac(key))
        : null;
    historyFile?.fill(0);
    const backupId = verified.manifest.exportId;
    let counts: Record<string, number>;
    try {
      counts = restoreRows(session, parsed.tables, sinks, new TextDecoder().decode(records), now, {
        backupId,
        history,
      });
    } finally {
      for (const segment of history?.segments ?? []) segment.auditKey.fill(0);
    }
    records.fill(0);
    const historySummary = history ? { segments: history.segments.length, entries: history.entries } : null;
    session.db.transaction(() =>
      appendAudit(session.db, session.auditMac, {
        at: now().toISOString(),
        actor: 'owner',
        action: 'sharing.restore',
        entity: 'backup',
        recordId: backupId,
        detail: {
          fileSha256: verified.fileSha256,
          counts,
          files: sinks.size,
          history: historySummary ?? (historyFile ? 'left-out' : false),
        },
      }),
    )();
    return {
      session,
      result: {
        dir: request.newDir,
        recoveryKey,
        backupId,
        records: counts,
        files: sinks.size,
        history: historySummary,
      },
    };
  } catch (error) {
    if (!session.locked) session.lock();
    for (const { sink } of sinks.values()) await sink.abort();
    // The vault was created by this call: remove it whole (its folder too if it was new or empty).
    await fs.rm(request.newDir, { recursive: true, force: true }).catch(() => undefined);
    if (existed) await fs.mkdir(request.newDir, { recursive: true }).catch(() => undefined);
    throw error;
  } finally {
    for (const { key } of sinks.values()) sodium.memzero(key);
  }
}

function restoreRows(
  session: VaultSession,
  tables: Record<string, Array<Record<string, unknown>>>,
  sinks: Map<string, { sink: BlobSink; key: Uint8Array }>,
  recordsJson: string,
  now: () => Date,
  carried: { backupId: string; history: CarriedHistory | null },
): Record<string, number> {
  const db = session.db;
  const ctx = { db, mac: session.auditMac, now, newId: () => crypto.randomUUID(), actor: 'owner' };
  let counts: Record<string, number> = {};
  db.transaction(() => {
    counts = { ...importRecordsJson(ctx, recordsJson).counts };
    for (const [table] of STATE_TABLES) {
      const rows = tables[table] ?? [];
      if (table === 'evidence_items' || table === 'received_files') {
        const prefix = table === 'received_files' ? 'r:' : '';
        insertRows(db, table, rows, (row) => {
          const id = String(row.id);
          const held = sinks.get(`${prefix}${id}`);
          if (!held || held.sink.sha256 !== row.sha256)
            throw new CaseVaultError('BACKUP_CONTENT_INVALID', `${table} file`);
          return { blob_name: held.sink.blobName, wrapped_key: session.wrapEvidenceKey(held.key, id) };
        });
      } else {
        insertRows(db, table, rows);
      }
    }
    const at = now().toISOString();
    if (carried.history) {
      // The former chains, verbatim, pinned by one entry of this vault's own chain (the newest
      // segment; older ones are pinned inside it), then re-verified exactly as `check` will.
      const { segments } = carried.history;
      storeSegments(db, segments, carried.backupId, at);
      const own = segments[segments.length - 1]!;
      appendAudit(db, session.auditMac, {
        at,
        actor: 'owner',
        action: HISTORY_PIN_ACTION,
        entity: 'audit-history',
        recordId: own.vaultId,
        detail: { ...pinFor(own, carried.backupId) },
      });
      const verified = verifyAuditHistory(db, (key) => session.historyMac(key));
      if (!verified.ok)
        throw new CaseVaultError('BACKUP_HISTORY_INVALID', `${verified.broken?.reason ?? 'history'}`);
    }
    // Each item's custody goes on in this vault: restored, its plaintext hash checked on the way.
    const custody = { db, mac: session.auditMac, now, actor: 'owner' };
    for (const row of tables.evidence_items ?? [])
      appendCustody(custody, 'restore', String(row.id), String(row.sha256), { backupId: carried.backupId });
  })();
  return counts;
}
