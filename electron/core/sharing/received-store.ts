/** The Received area, read-only: list and detail of imported exports (received_exports/_files). */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { ExportLogEntry, ReceivedDetail, ReceivedSummary } from '../../../shared/sharing/schemas.ts';
import { blobPlaintext } from '../evidence/blob-reader.ts';
import type { ExportManifest } from '../export/index.ts';
import { appendAudit } from '../records/audit.ts';
import { ioError } from '../vault/files.ts';
import type { SharingContext } from './context.ts';
import { countsByKind, senderView } from './receiver.ts';

interface ReceivedRow {
  id: string;
  export_id: string;
  created_at: string;
  received_at: string;
  purpose: string;
  file_sha256: string;
  manifest: string;
  records_json: string | null;
  receipt_created_at: string | null;
}

function summary(ctx: SharingContext, row: ReceivedRow): ReceivedSummary {
  const manifest = JSON.parse(row.manifest) as ExportManifest;
  return {
    id: row.id,
    exportId: row.export_id,
    receivedAt: row.received_at,
    createdAt: row.created_at,
    purpose: row.purpose,
    // Looked up again: a sender imported as unknown shows as known once their card is imported.
    sender: senderView(ctx, manifest),
    fileSha256: row.file_sha256,
    records: countsByKind(manifest),
    files: manifest.files.length,
    receiptCreatedAt: row.receipt_created_at,
  };
}

export function receivedRow(ctx: SharingContext, id: string): ReceivedRow {
  const row = ctx.session.db.prepare('SELECT * FROM received_exports WHERE id = ?').get(id) as
    | ReceivedRow
    | undefined;
  if (!row) throw new CaseVaultError('RECEIVED_NOT_FOUND');
  return row;
}

export function listReceived(ctx: SharingContext): ReceivedSummary[] {
  const rows = ctx.session.db
    .prepare('SELECT * FROM received_exports ORDER BY received_at DESC, id LIMIT 10000')
    .all() as ReceivedRow[];
  return rows.map((row) => summary(ctx, row));
}

export function getReceived(ctx: SharingContext, id: string): ReceivedDetail {
  const row = receivedRow(ctx, id);
  const files = ctx.session.db
    .prepare(
      'SELECT id, export_file_id, name, size, sha256, media_type FROM received_files WHERE received_id = ? ORDER BY rowid',
    )
    .all(id) as Array<{
    id: string;
    export_file_id: string;
    name: string;
    size: number;
    sha256: string;
    media_type: string | null;
  }>;
  return {
    ...summary(ctx, row),
    recordsJson: row.records_json,
    fileList: files.map((f) => ({
      id: f.id,
      exportFileId: f.export_file_id,
      name: f.name,
      size: f.size,
      sha256: f.sha256,
      ...(f.media_type ? { mediaType: f.media_type } : {}),
    })),
  };
}

interface ExportRow {
  export_id: string;
  created_at: string;
  mode: 'full' | 'redacted';
  purpose: string;
  file_sha256: string;
  bytes: number;
  case_codes: string;
  recipients: string;
  counts: string;
  files: string;
}

export function listExports(ctx: SharingContext): ExportLogEntry[] {
  const db = ctx.session.db;
  const rows = db
    .prepare('SELECT * FROM sharing_exports ORDER BY created_at DESC LIMIT 10000')
    .all() as ExportRow[];
  const acks = db.prepare(
    'SELECT responder_key, contact_id, received_at, acknowledged_at FROM sharing_export_acks WHERE export_id = ? ORDER BY acknowledged_at',
  );
  return rows.map((r) => ({
    exportId: r.export_id,
    createdAt: r.created_at,
    mode: r.mode,
    purpose: r.purpose,
    fileSha256: r.file_sha256,
    bytes: r.bytes,
    caseCodes: JSON.parse(r.case_codes) as string[],
    recipients: JSON.parse(r.recipients) as ExportLogEntry['recipients'],
    records: JSON.parse(r.counts) as Record<string, number>,
    files: (JSON.parse(r.files) as unknown[]).length,
    acknowledgements: (
      acks.all(r.export_id) as Array<{
        responder_key: string;
        contact_id: string | null;
        received_at: string;
        acknowledged_at: string;
      }>
    ).map((a) => ({
      fingerprintId: a.responder_key,
      ...(a.contact_id ? { contactId: a.contact_id } : {}),
      receivedAt: a.received_at,
      at: a.acknowledged_at,
    })),
  }));
}

/**
 * A decrypted copy of one received file at `outPath` (exclusive create: never overwrites), its
 * SHA-256 checked on the way; a failure removes the partial copy. Recorded in the audit chain
 * (`sharing.receive`, entity `received-file`, `extractedInClear`).
 */
export async function extractReceivedFile(
  ctx: SharingContext,
  id: string,
  outPath: string,
): Promise<{ outPath: string; size: number; sha256: string }> {
  const row = ctx.session.db
    .prepare('SELECT id, blob_name, wrapped_key, size, sha256 FROM received_files WHERE id = ?')
    .get(id) as
    | { id: string; blob_name: string; wrapped_key: Uint8Array; size: number; sha256: string }
    | undefined;
  if (!row) throw new CaseVaultError('RECEIVED_NOT_FOUND');
  let out: fs.FileHandle;
  try {
    out = await fs.open(outPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CaseVaultError('FILE_EXISTS');
    throw ioError(error);
  }
  const key = ctx.session.unwrapEvidenceKey(row.wrapped_key, row.id);
  const hash = createHash('sha256');
  try {
    for await (const plain of blobPlaintext(
      ctx.sodium,
      ctx.session.dir,
      { blobName: row.blob_name, size: row.size },
      key,
    )) {
      hash.update(plain);
      await out.write(plain);
    }
    if (hash.digest('hex') !== row.sha256) throw new CaseVaultError('EVIDENCE_DAMAGED', 'hash');
    await out.sync();
    await out.close();
  } catch (error) {
    await out.close().catch(() => undefined);
    await fs.rm(outPath, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    ctx.sodium.memzero(key);
  }
  appendAudit(ctx.session.db, ctx.session.auditMac, {
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    action: 'sharing.receive',
    entity: 'received-file',
    recordId: row.id,
    detail: { sha256: row.sha256, extractedInClear: true },
  });
  return { outPath, size: row.size, sha256: row.sha256 };
}
