/**
 * What export and backup share: evidence blobs as seal sources (decrypted segment by segment,
 * never in clear on disk) and the seal itself, signed by this vault's identity and written
 * atomically to the output path (atomic-out.ts; deleted again on any failure or cancellation).
 */
import { blobPlaintext } from '../evidence/blob-reader.ts';
import {
  type SealFileSource,
  type SealRequest,
  type SealResult,
  type SenderIdentity,
  sealExport,
} from '../export/index.ts';
import { openAtomicOut } from './atomic-out.ts';
import { checkAbort, plainFileName, type SharingContext, type TaskOptions, withSender } from './context.ts';

/** An encrypted blob of the vault (an evidence item or a received file) and its row's facts. */
export interface VaultBlob {
  /** The id the file gets in the export manifest. */
  fileId: string;
  /** The row id its file key is bound to (unwrapEvidenceKey). */
  rowId: string;
  name: string;
  size: number;
  /** SHA-256 of the plaintext, recorded when the blob was written. */
  sha256: string;
  mime: string | null;
  blobName: string;
  wrappedKey: Uint8Array;
}

/**
 * Seal sources for vault blobs, reporting progress over all of them. Each blob's segments are
 * authenticated (AEAD under the blob's own file key) as they are decrypted, and its SHA-256 is the
 * one recorded at intake, so the seal trusts that hash instead of hashing the file again
 * (`trustSha256`, docs/export-format.md §7): a mismatch would still be refused by every receiver.
 */
export function blobSources(ctx: SharingContext, blobs: VaultBlob[], task: TaskOptions): SealFileSource[] {
  const total = blobs.reduce((sum, b) => sum + b.size, 0);
  let done = 0;
  return blobs.map((b) => ({
    id: b.fileId,
    name: plainFileName(b.name, b.rowId),
    size: b.size,
    sha256: b.sha256,
    trustSha256: true,
    ...(b.mime ? { mediaType: b.mime } : {}),
    async *open() {
      const key = ctx.session.unwrapEvidenceKey(b.wrappedKey, b.rowId);
      try {
        const ref = { blobName: b.blobName, size: b.size };
        for await (const plain of blobPlaintext(ctx.sodium, ctx.session.dir, ref, key, task.signal)) {
          done += plain.length;
          task.onProgress?.(done, total, b.fileId);
          yield plain;
        }
      } finally {
        ctx.sodium.memzero(key);
      }
    },
  }));
}

/**
 * Seals `request(sender)` into a new file at `outPath`, signed by this vault's identity, and puts
 * it in place only if the seal completed and the task was not cancelled.
 */
export async function sealToFile(
  ctx: SharingContext,
  outPath: string,
  createdAt: Date,
  task: TaskOptions,
  request: (sender: SenderIdentity) => SealRequest,
): Promise<SealResult> {
  const out = await openAtomicOut(outPath);
  try {
    const result = await withSender(ctx, (sender) =>
      sealExport({ sodium: ctx.sodium, now: () => createdAt }, request(sender), out.sink),
    );
    checkAbort(task.signal);
    await out.commit();
    return result;
  } catch (error) {
    await out.abort();
    throw error;
  }
}
