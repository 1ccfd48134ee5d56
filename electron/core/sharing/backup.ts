/**
 * `backup`: the whole vault into one file in the export format (docs/export-format.md, kind
 * `backup`), sealed to a backup passphrase recipient that is ALONE (age's rule for scrypt
 * recipients: a passphrase file proves nothing about who else could open it) and signed by the
 * vault's identity. Content: the records document of the whole vault WITH identities, every
 * evidence item and received file (streamed from their blobs), and vault-state.json
 * (backup-state.ts: identity with its secret keys, contacts, item rows, logs). Re-entering the
 * vault passphrase is required. Written atomically; logged (`sharing_backups`, `sharing.backup`).
 */
import type { BackupResult } from '../../../shared/sharing/schemas.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import type { SealFileSource, SealResult } from '../export/index.ts';
import { appendAudit } from '../records/audit.ts';
import { collect, serializeRecordsDocument } from '../records/format/export.ts';
import type { RecordsDocument } from '../records/format/records-file.ts';
import { verifyPassphrase } from '../vault/vault.ts';
import { historyFileSource } from './backup-history.ts';
import { dumpState, STATE_FILE_ID } from './backup-state.ts';
import { recordContext, type SharingContext, type TaskOptions } from './context.ts';
import { blobSources, sealToFile, type VaultBlob } from './seal-to-file.ts';
import { countsOf, recordItems } from './selection.ts';

export interface BackupOptions {
  /** Argon2id cost of the passphrase recipient (default: the format's moderate preset). Tests lower it. */
  kdf?: { opslimit: number; memlimitKiB: number };
}

export async function createBackup(
  ctx: SharingContext,
  input: { outPath: string; backupPassphrase: string; passphrase: string },
  task: TaskOptions = {},
  options: BackupOptions = {},
): Promise<BackupResult> {
  await verifyPassphrase(ctx.session.dir, input.passphrase);
  const db = ctx.session.db;
  const createdAt = ctx.now();
  ctx.identity.ownPublic(); // the identity exists before it is dumped (and signs)
  const body = collect(recordContext(ctx), { includeIdentities: true });
  const { format, ...rest } = body;
  const doc = { format, exportedAt: createdAt.toISOString(), ...rest } as RecordsDocument;
  const recordsBytes = new TextEncoder().encode(serializeRecordsDocument(doc));
  const stateBytes = new TextEncoder().encode(JSON.stringify(dumpState(db, LATEST_SCHEMA_VERSION)));

  const blobs: VaultBlob[] = [
    ...(
      db
        .prepare(
          'SELECT id, original_name, size, sha256, mime, blob_name, wrapped_key FROM evidence_items ORDER BY rowid',
        )
        .all() as Array<{
        id: string;
        original_name: string;
        size: number;
        sha256: string;
        mime: string;
        blob_name: string;
        wrapped_key: Uint8Array;
      }>
    ).map((r) => ({
      fileId: r.id,
      rowId: r.id,
      name: r.original_name,
      size: r.size,
      sha256: r.sha256,
      mime: r.mime,
      blobName: r.blob_name,
      wrappedKey: r.wrapped_key,
    })),
    ...(
      db
        .prepare(
          'SELECT id, name, size, sha256, media_type, blob_name, wrapped_key FROM received_files ORDER BY rowid',
        )
        .all() as Array<{
        id: string;
        name: string;
        size: number;
        sha256: string;
        media_type: string | null;
        blob_name: string;
        wrapped_key: Uint8Array;
      }>
    ).map((r) => ({
      fileId: `r:${r.id}`,
      rowId: r.id,
      name: r.name,
      size: r.size,
      sha256: r.sha256,
      mime: r.media_type,
      blobName: r.blob_name,
      wrappedKey: r.wrapped_key,
    })),
  ];
  // The audit chain (and history from earlier restores) travels too: backup-history.ts.
  const history = historyFileSource(ctx.session);
  const files: SealFileSource[] = [
    {
      id: STATE_FILE_ID,
      name: 'vault-state.json',
      size: stateBytes.length,
      mediaType: 'application/json',
      async *open() {
        yield stateBytes;
      },
    },
    history.source,
    ...blobSources(ctx, blobs, task),
  ];

  let result: SealResult;
  try {
    result = await sealToFile(ctx, input.outPath, createdAt, task, (sender) => ({
      kind: 'backup',
      sender,
      recipients: [
        {
          type: 'passphrase',
          passphrase: input.backupPassphrase,
          ...(options.kdf ? { opslimit: options.kdf.opslimit, memlimitKiB: options.kdf.memlimitKiB } : {}),
        },
      ],
      purpose: 'backup',
      records: { bytes: recordsBytes, items: recordItems(doc) },
      files,
    }));
  } finally {
    recordsBytes.fill(0);
    stateBytes.fill(0);
    history.wipe();
  }
  const at = createdAt.toISOString();
  const counts = countsOf(doc);
  db.transaction(() => {
    db.prepare(
      'INSERT INTO sharing_backups (backup_id, created_at, file_sha256, bytes) VALUES (?, ?, ?, ?)',
    ).run(result.exportId, at, result.fileSha256, result.bytesWritten);
    appendAudit(db, ctx.session.auditMac, {
      at,
      actor: ctx.actor,
      action: 'sharing.backup',
      entity: 'backup',
      recordId: result.exportId,
      detail: { fileSha256: result.fileSha256, bytes: result.bytesWritten, counts, files: blobs.length },
    });
  })();
  return {
    outPath: input.outPath,
    backupId: result.exportId,
    fileSha256: result.fileSha256,
    bytes: result.bytesWritten,
    createdAt: at,
    records: counts,
    files: blobs.length,
  };
}
