/**
 * `restore`: a backup file into a NEW vault in a new folder (docs/sharing.md §Backup). Works without
 * any unlocked vault: the backup passphrase opens the file. Steps:
 * 1. verify the whole file (kind `backup`, passphrase recipient);
 * 2. create the new vault (refuses a folder that already holds one);
 * 3. extract: every file re-encrypted under a fresh key into the new vault's evidence folder as it
 *    streams; the records document and vault-state.json kept in memory;
 * 4. check the backup was signed by the identity it carries, then one transaction: records import,
 *    identity, contacts, item rows (with the new blob names and wrapped keys), received and sharing
 *    logs, and a `sharing.restore` audit entry.
 * Any failure after (2) deletes the new vault's files: nothing is left behind.
 */
import { promises as fs } from 'node:fs';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { KdfParams, KdfPresetName } from '../crypto/kdf.ts';
import { loadSodium } from '../crypto/sodium.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { extractExport, fileSource, verifyExport } from '../export/index.ts';
import { appendAudit } from '../records/audit.ts';
import { importRecordsJson } from '../records/format/import.ts';
import { createVault, type VaultSession } from '../vault/vault.ts';
import { insertRows, parseState, STATE_FILE_ID, STATE_TABLES } from './backup-state.ts';
import { BlobSink } from './blob-sink.ts';

export interface RestoreRequest {
  path: string;
  backupPassphrase: string;
  newDir: string;
  newPassphrase: string;
  kdf?: KdfPresetName | KdfParams;
  now?: () => Date;
}

export interface RestoreResult {
  dir: string;
  recoveryKey: string;
  backupId: string;
  records: Record<string, number>;
  files: number;
}

export async function restoreBackup(request: RestoreRequest): Promise<RestoreResult> {
  const sodium = await loadSodium();
  const now = request.now ?? (() => new Date());
  try {
    if (!(await fs.stat(request.path)).isFile()) throw new CaseVaultError('FILE_NOT_READABLE');
  } catch (error) {
    if (error instanceof CaseVaultError) throw error;
    throw new CaseVaultError('FILE_NOT_READABLE', (error as NodeJS.ErrnoException).code);
  }
  const identity = { type: 'passphrase' as const, passphrase: request.backupPassphrase };
  const verified = await verifyExport({ sodium }, fileSource(request.path), identity, { kinds: ['backup'] });

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
    await extractExport(
      { sodium },
      verified,
      fileSource(request.path),
      identity,
      {
        records(bytes) {
          records = Uint8Array.from(bytes);
        },
        file(entry) {
          if (entry.id === STATE_FILE_ID) {
            const parts: Uint8Array[] = [];
            return {
              write: (bytes) => void parts.push(Uint8Array.from(bytes)),
              close: () => {
                state = Buffer.concat(parts);
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
    const counts = restoreRows(session, parsed.tables, sinks, new TextDecoder().decode(records), now);
    records.fill(0);
    session.db.transaction(() =>
      appendAudit(session.db, session.auditMac, {
        at: now().toISOString(),
        actor: 'owner',
        action: 'sharing.restore',
        entity: 'backup',
        recordId: verified.manifest.exportId,
        detail: { fileSha256: verified.fileSha256, counts, files: sinks.size },
      }),
    )();
    session.lock();
    return {
      dir: request.newDir,
      recoveryKey,
      backupId: verified.manifest.exportId,
      records: counts,
      files: sinks.size,
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
  })();
  return counts;
}
