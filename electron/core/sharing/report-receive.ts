/**
 * Receiving a sealed report (kind `report`, docs/sharing.md §Reports):
 * - `importReport`: the file is verified completely (receiver.ts verifyAs, as for exports), then
 *   extracted once more (extractExport re-checks every byte and hash) into MEMORY — a report file
 *   is at most 8 MiB by the format — and its model is validated (parseReceivedReport: schema,
 *   bounds, consistency, no small count shown, and it is the report the signed manifest announces:
 *   REPORT_RECEIVED_INVALID otherwise). Only then are its files re-encrypted into blobs and ONE
 *   transaction stores the received row (provenance, like any received export), its files and the
 *   audit entries. Nothing is stored on any failure.
 * - `receivedReport`: the stored model, decrypted from its blob and validated again before it is
 *   handed to a screen (the stored bytes could only change with the vault key, but the check is
 *   cheap and the renderer draws what it gets).
 */
import { createHash } from 'node:crypto';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { ReportModel } from '../../../shared/reports/model.ts';
import { parseReceivedReport } from '../../../shared/reports/received-model.ts';
import type {
  ExportLogEntry,
  ReceivedSummary,
  ReportDescriptorView,
  VerifyReport,
} from '../../../shared/sharing/schemas.ts';
import { blobPlaintext } from '../evidence/blob-reader.ts';
import {
  type ExportManifest,
  extractExport,
  fileSource,
  REPORT_FILE_IDS,
  type ReportDescriptor,
} from '../export/index.ts';
import { BlobSink } from './blob-sink.ts';
import type { SharingContext, TaskOptions } from './context.ts';
import { withSender } from './context.ts';
import { receivedRow } from './received-store.ts';
import { type HeldReceivedFile, insertReceived, reportOf, verifyAs } from './receiver.ts';

const utf8 = (bytes: Uint8Array) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CaseVaultError('REPORT_RECEIVED_INVALID', 'not UTF-8');
  }
};

/** The model, or REPORT_RECEIVED_INVALID naming what is wrong. */
export function checkedReport(text: string, descriptor: ReportDescriptor): ReportModel {
  const result = parseReceivedReport(text, descriptor);
  if (!result.ok) throw new CaseVaultError('REPORT_RECEIVED_INVALID', result.problem.slice(0, 200));
  return result.model;
}

export async function importReport(
  ctx: SharingContext,
  file: string,
  task: TaskOptions = {},
): Promise<{ id: string; report: VerifyReport; model: ReportModel }> {
  const verified = await verifyAs(ctx, file, ['report']);
  const m = verified.manifest;
  const descriptor = m.report;
  if (!descriptor) throw new CaseVaultError('EXPORT_MALFORMED', 'report');
  const report = reportOf(ctx, verified);
  if (report.alreadyReceivedId) throw new CaseVaultError('RECEIVED_ALREADY_IMPORTED');
  const own = ctx.identity.ownPublic();
  const held = new Map<string, Uint8Array[]>();
  await withSender(ctx, (_sender, boxSecretKey) =>
    extractExport(
      { sodium: ctx.sodium },
      verified,
      fileSource(file),
      { type: 'x25519', publicKey: own.boxPublicKey, secretKey: boxSecretKey },
      {
        file(entry) {
          const parts: Uint8Array[] = [];
          held.set(entry.id, parts);
          return {
            async write(bytes) {
              if (task.signal?.aborted) throw new CaseVaultError('TASK_CANCELLED');
              parts.push(Uint8Array.from(bytes));
            },
            async close() {},
            async abort() {
              for (const p of parts) p.fill(0);
            },
          };
        },
      },
      { kinds: ['report'] },
    ),
  );
  const bytesOf = (id: string) => Buffer.concat(held.get(id) ?? []);
  const sinks: HeldReceivedFile[] = [];
  try {
    const model = checkedReport(utf8(bytesOf(REPORT_FILE_IDS.model)), descriptor);
    for (const entry of m.files) {
      const bytes = bytesOf(entry.id);
      // extractExport checked every hash; checked again on the bytes actually held here.
      if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256)
        throw new CaseVaultError('EXPORT_FILE_HASH_MISMATCH', entry.id);
      const key = ctx.sodium.randombytes_buf(32);
      const sink = new BlobSink(ctx.sodium, ctx.session.dir, key);
      sinks.push({ sink, key, id: ctx.newId(), entry });
      await sink.write(bytes);
      await sink.close();
      bytes.fill(0);
    }
    const id = insertReceived(ctx, verified, report, null, sinks, { report: descriptor.reportId });
    return { id, report, model };
  } catch (error) {
    for (const s of sinks) await s.sink.abort();
    throw error;
  } finally {
    for (const parts of held.values()) for (const p of parts) p.fill(0);
    for (const s of sinks) ctx.sodium.memzero(s.key);
  }
}

/** The received report's model, from its encrypted blob, validated again. */
export async function receivedReport(ctx: SharingContext, id: string): Promise<ReportModel> {
  const row = receivedRow(ctx, id);
  const manifest = JSON.parse(row.manifest) as ExportManifest;
  if (!manifest.report) throw new CaseVaultError('RECEIVED_NOT_FOUND', 'not a report');
  const file = ctx.session.db
    .prepare(
      'SELECT id, blob_name, wrapped_key, size, sha256 FROM received_files WHERE received_id = ? AND export_file_id = ?',
    )
    .get(id, REPORT_FILE_IDS.model) as
    | { id: string; blob_name: string; wrapped_key: Uint8Array; size: number; sha256: string }
    | undefined;
  if (!file) throw new CaseVaultError('RECEIVED_NOT_FOUND', 'report file');
  const key = ctx.session.unwrapEvidenceKey(file.wrapped_key, file.id);
  const parts: Uint8Array[] = [];
  try {
    for await (const plain of blobPlaintext(
      ctx.sodium,
      ctx.session.dir,
      { blobName: file.blob_name, size: file.size },
      key,
    ))
      parts.push(Uint8Array.from(plain));
  } finally {
    ctx.sodium.memzero(key);
  }
  const bytes = Buffer.concat(parts);
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256)
    throw new CaseVaultError('EVIDENCE_DAMAGED', 'hash');
  return checkedReport(utf8(bytes), manifest.report);
}

/** Received summaries say which are reports (and which report), read from the stored manifest. */
export function markReceivedReports<T extends ReceivedSummary>(
  ctx: SharingContext,
  items: T[],
): Array<T & { kind?: 'report'; report?: ReportDescriptorView }> {
  const select = ctx.session.db.prepare('SELECT kind, manifest FROM received_exports WHERE id = ?');
  return items.map((item) => {
    const row = select.get(item.id) as { kind: string; manifest: string } | undefined;
    if (row?.kind !== 'report') return item;
    const manifest = JSON.parse(row.manifest) as ExportManifest;
    return manifest.report ? { ...item, kind: 'report' as const, report: manifest.report } : item;
  });
}

/** Exports-log entries say which were reports (migration 0010 columns). */
export function markLoggedReports(ctx: SharingContext, entries: ExportLogEntry[]): ExportLogEntry[] {
  const select = ctx.session.db.prepare('SELECT kind, report FROM sharing_exports WHERE export_id = ?');
  return entries.map((entry) => {
    const row = select.get(entry.exportId) as { kind: string; report: string | null } | undefined;
    if (row?.kind !== 'report' || row.report === null) return entry;
    return { ...entry, kind: 'report' as const, report: JSON.parse(row.report) as ReportDescriptorView };
  });
}
