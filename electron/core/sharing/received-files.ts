/**
 * Previewing received files without writing them in clear (docs/sharing.md §Previewing received
 * files). A received file is a blob of the evidence format (re-encrypted at import under its own
 * key, wrapped by the evidence subkey with the row id), so reading it back is the evidence reader:
 * a range read decrypts only the segments that cover it, and every segment is authenticated, so a
 * blob altered on disk is refused (`EVIDENCE_DAMAGED`, with the reason) instead of shown.
 *
 * - `receivedFileInfo`: what the file is, from its decrypted first MiB and last 64 KiB (type from
 *   the content like an evidence item, and the EXIF/GPS/device or PDF fields it carries, so the
 *   Received view can warn about a location exactly as the evidence view does). With `view: true`
 *   it also starts a viewing: one `sharing.received-view` audit entry (custody continues on the
 *   responder's side, as evidence previews log a `view`).
 * - `readReceivedRange`: plaintext bytes [start, end) for the preview route, not logged (a video
 *   makes dozens of range requests; the viewing was logged when it started).
 * - `verifyReceivedFile`: every segment decrypted and authenticated again and the plaintext
 *   re-hashed against the SHA-256 the sender signed; the outcome is logged
 *   (`sharing.received-verify`).
 *
 * File keys are unwrapped for one call and wiped after it; decrypted buffers used for detection are
 * wiped before returning. Nothing touches the disk but the encrypted blob being read.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { EvidenceMetadata, VerifyResult } from '../../../shared/evidence/schemas.ts';
import type { ReceivedFileInfo } from '../../../shared/sharing/received-files.ts';
import { wipe } from '../crypto/sodium.ts';
import { type BlobRef, readBlobRange, verifyBlob } from '../evidence/blob-reader.ts';
import { detectType, PREFIX_BYTES } from '../evidence/content-type.ts';
import { extractMetadata } from '../evidence/metadata.ts';
import { appendAudit } from '../records/audit.ts';
import type { SharingContext } from './context.ts';

/** The end of a file where PDF writers put their Info dictionary (same window as evidence intake). */
const TAIL_BYTES = 64 * 1024;

interface ReceivedFileRow {
  id: string;
  received_id: string;
  name: string;
  size: number;
  sha256: string;
  media_type: string | null;
  blob_name: string;
  wrapped_key: Uint8Array;
}

function fileRow(ctx: SharingContext, id: string): ReceivedFileRow {
  const row = ctx.session.db
    .prepare(
      'SELECT id, received_id, name, size, sha256, media_type, blob_name, wrapped_key FROM received_files WHERE id = ?',
    )
    .get(id) as ReceivedFileRow | undefined;
  if (!row) throw new CaseVaultError('RECEIVED_NOT_FOUND');
  return row;
}

const refOf = (row: ReceivedFileRow): BlobRef => ({ blobName: row.blob_name, size: row.size });

async function withFileKey<T>(
  ctx: SharingContext,
  row: ReceivedFileRow,
  work: (key: Uint8Array) => Promise<T>,
): Promise<T> {
  const key = ctx.session.unwrapEvidenceKey(row.wrapped_key, row.id);
  try {
    return await work(key);
  } finally {
    wipe(ctx.sodium, key);
  }
}

export async function receivedFileInfo(
  ctx: SharingContext,
  id: string,
  options: { view: boolean },
): Promise<ReceivedFileInfo> {
  const row = fileRow(ctx, id);
  const { detectedType, metadata } = await withFileKey(ctx, row, async (key) => {
    const dir = ctx.session.dir;
    const prefix = await readBlobRange(ctx.sodium, dir, refOf(row), key, 0, PREFIX_BYTES);
    // The tail overlaps the prefix for small files: read it from the prefix then, not twice.
    const tailStart = Math.max(0, row.size - TAIL_BYTES);
    const tail =
      row.size <= PREFIX_BYTES
        ? prefix.slice(tailStart)
        : await readBlobRange(ctx.sodium, dir, refOf(row), key, tailStart, row.size);
    try {
      const type = await detectType(prefix);
      const meta: EvidenceMetadata = await extractMetadata(type, prefix, tail);
      return { detectedType: type, metadata: meta };
    } finally {
      wipe(ctx.sodium, prefix, tail);
    }
  });
  if (options.view) {
    appendAudit(ctx.session.db, ctx.session.auditMac, {
      at: ctx.now().toISOString(),
      actor: ctx.actor,
      action: 'sharing.received-view',
      entity: 'received-file',
      recordId: row.id,
      detail: { sha256: row.sha256, receivedId: row.received_id },
    });
  }
  return {
    id: row.id,
    receivedId: row.received_id,
    name: row.name,
    size: row.size,
    sha256: row.sha256,
    ...(row.media_type ? { mediaType: row.media_type } : {}),
    detectedType,
    metadata,
  };
}

/** Plaintext bytes [start, end) of a received file (end clamped to its size); only the segments touched. */
export async function readReceivedRange(
  ctx: SharingContext,
  id: string,
  start: number,
  end: number,
): Promise<{ bytes: Uint8Array; size: number }> {
  const row = fileRow(ctx, id);
  const bytes = await withFileKey(ctx, row, (key) =>
    readBlobRange(ctx.sodium, ctx.session.dir, refOf(row), key, start, end),
  );
  return { bytes, size: row.size };
}

/** Re-reads the whole file: every segment authenticated, the plaintext hashed and compared. */
export async function verifyReceivedFile(
  ctx: SharingContext,
  id: string,
  signal?: AbortSignal,
): Promise<VerifyResult> {
  const row = fileRow(ctx, id);
  const result = await withFileKey(ctx, row, (key) =>
    verifyBlob(ctx.sodium, ctx.session.dir, { ...refOf(row), id: row.id, sha256: row.sha256 }, key, signal),
  );
  appendAudit(ctx.session.db, ctx.session.auditMac, {
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    action: 'sharing.received-verify',
    entity: 'received-file',
    recordId: row.id,
    detail: { sha256: row.sha256, ok: result.ok, ...(result.reason ? { reason: result.reason } : {}) },
  });
  return result;
}
