/**
 * Opening received exports (docs/sharing.md §Opening):
 * - `verifyFile`: the whole file checked with this vault's identity (verifyExport: header, MAC,
 *   every chunk, signature, recipient listing, every hash); the sender looked up among contacts.
 *   Nothing is written.
 * - `importFile`: verified, then extracted a second time (extractExport re-checks everything):
 *   files re-encrypted into blobs as they stream (blob-sink.ts), committed by the opener only after
 *   every check; then ONE transaction stores the received export (provenance + records document as
 *   received, kept apart from the user's cases), its files, and the custody/audit entries. Any
 *   failure removes the blobs: nothing imported.
 * - `extractTo`: the same, but plaintext files into an empty folder the user chose (explicit flag).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { ExtractResult, SenderView, VerifyReport } from '../../../shared/sharing/schemas.ts';
import {
  type ExportManifest,
  extractExport,
  type FileSink,
  fileSource,
  type VerifiedExport,
  verifyExport,
} from '../export/index.ts';
import { fingerprintOf } from '../identity/fingerprint.ts';
import { appendAudit } from '../records/audit.ts';
import { RecordsFile } from '../records/format/records-file.ts';
import { ioError } from '../vault/files.ts';
import { BlobSink } from './blob-sink.ts';
import type { SharingContext, TaskOptions } from './context.ts';
import { withSender } from './context.ts';

const fromHex = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));

async function checkReadable(file: string): Promise<void> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new CaseVaultError('FILE_NOT_READABLE');
  } catch (error) {
    if (error instanceof CaseVaultError) throw error;
    throw new CaseVaultError('FILE_NOT_READABLE', (error as NodeJS.ErrnoException).code);
  }
}

/** Who signed: fingerprint over the signed keys, and the contact holding that key if any. */
export function senderView(ctx: SharingContext, manifest: ExportManifest): SenderView {
  const keys = {
    signPublicKey: fromHex(manifest.sender.signingPublicKey),
    boxPublicKey: fromHex(manifest.sender.encryptionPublicKey),
  };
  const fingerprint = fingerprintOf(ctx.sodium, keys);
  const owner = ctx.identity.findContactByKey({ signPublicKey: keys.signPublicKey });
  const view: SenderView = {
    fingerprintId: fingerprint.id,
    fingerprintDigits: [...fingerprint.digits],
    known: owner !== undefined && owner.keyStatus === 'current',
  };
  if (owner) {
    view.contactId = owner.contact.id;
    view.name = owner.contact.name;
    view.keyStatus = owner.keyStatus;
  } else if (manifest.sender.name) {
    view.name = manifest.sender.name;
  }
  return view;
}

export function countsByKind(manifest: ExportManifest): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of manifest.records?.items ?? []) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return counts;
}

export const CHECKS = [
  'recipient-entry',
  'header-mac',
  'payload-chunks',
  'signature',
  'recipient-listed',
  'records-hash',
  'file-hashes',
] as const;

export async function verifyAs(
  ctx: SharingContext,
  file: string,
  kinds: Array<ExportManifest['kind']>,
): Promise<VerifiedExport> {
  await checkReadable(file);
  const own = ctx.identity.ownPublic();
  return withSender(ctx, (_sender, boxSecretKey) =>
    verifyExport(
      { sodium: ctx.sodium },
      fileSource(file),
      { type: 'x25519', publicKey: own.boxPublicKey, secretKey: boxSecretKey },
      { kinds },
    ),
  );
}

export function reportOf(ctx: SharingContext, verified: VerifiedExport): VerifyReport {
  const m = verified.manifest;
  const already = ctx.session.db
    .prepare('SELECT id FROM received_exports WHERE export_id = ?')
    .pluck()
    .get(m.exportId) as string | undefined;
  return {
    kind: m.kind,
    exportId: m.exportId,
    createdAt: m.createdAt,
    purpose: m.purpose,
    sender: senderView(ctx, m),
    fileSha256: verified.fileSha256,
    fileLength: verified.fileLength,
    records: m.records ? { counts: countsByKind(m), size: m.records.size } : null,
    files: m.files.map((f) => ({ id: f.id, name: f.name, size: f.size, sha256: f.sha256 })),
    recipients: m.recipients.length,
    checks: [...CHECKS],
    ...(already ? { alreadyReceivedId: already } : {}),
    ...(m.report ? { report: m.report } : {}),
  };
}

/** The app and `casevault open` open exports and sealed reports (report-receive.ts imports those). */
export async function verifyFile(ctx: SharingContext, file: string): Promise<VerifyReport> {
  return reportOf(ctx, await verifyAs(ctx, file, ['export', 'report']));
}

export async function importFile(
  ctx: SharingContext,
  file: string,
  task: TaskOptions = {},
): Promise<{ id: string; report: VerifyReport }> {
  const verified = await verifyAs(ctx, file, ['export']);
  const report = reportOf(ctx, verified);
  if (report.alreadyReceivedId) throw new CaseVaultError('RECEIVED_ALREADY_IMPORTED');
  const own = ctx.identity.ownPublic();
  const sinks = new Map<string, { sink: BlobSink; key: Uint8Array; id: string }>();
  let recordsJson: string | null = null;
  const total = verified.manifest.files.reduce((s, f) => s + f.size, 0);
  let done = 0;
  try {
    await withSender(ctx, (_sender, boxSecretKey) =>
      extractExport(
        { sodium: ctx.sodium },
        verified,
        fileSource(file),
        { type: 'x25519', publicKey: own.boxPublicKey, secretKey: boxSecretKey },
        {
          records(bytes) {
            recordsJson = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          },
          file(entry) {
            const key = ctx.sodium.randombytes_buf(32);
            const sink = new BlobSink(ctx.sodium, ctx.session.dir, key);
            sinks.set(entry.id, { sink, key, id: ctx.newId() });
            const counted: FileSink = {
              async write(bytes) {
                if (task.signal?.aborted) throw new CaseVaultError('TASK_CANCELLED');
                await sink.write(bytes);
                done += bytes.length;
                task.onProgress?.(done, total, entry.id);
              },
              close: () => sink.close(),
              abort: () => sink.abort(),
            };
            return counted;
          },
        },
        { kinds: ['export'] },
      ),
    );
    if (recordsJson !== null) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(recordsJson);
      } catch {
        throw new CaseVaultError('EXPORT_MALFORMED', 'records JSON');
      }
      if (!RecordsFile.safeParse(parsed).success)
        throw new CaseVaultError('EXPORT_MALFORMED', 'records document');
    }
    const files = verified.manifest.files.map((entry) => {
      const held = sinks.get(entry.id);
      if (!held) throw new CaseVaultError('EXPORT_FILE_HASH_MISMATCH', entry.id);
      return { ...held, entry };
    });
    const id = insertReceived(ctx, verified, report, recordsJson, files, {
      records: report.records?.counts ?? {},
    });
    return { id, report };
  } catch (error) {
    for (const held of sinks.values()) await held.sink.abort();
    throw error;
  } finally {
    for (const held of sinks.values()) ctx.sodium.memzero(held.key);
  }
}

/** A received file whose blob is written and closed, waiting for its row. */
export interface HeldReceivedFile {
  entry: ExportManifest['files'][number];
  sink: BlobSink;
  key: Uint8Array;
  id: string;
}

/**
 * Puts a verified file into the Received area in one transaction: the export's row (with its
 * records JSON, or null), a row per file (each blob's hash checked against the manifest once more),
 * a custody entry per file and the receive entry (`detail` adds what the kind needs: record counts,
 * the report's id). Shared by exports (importFile) and sealed reports (report-receive.ts).
 */
export function insertReceived(
  ctx: SharingContext,
  verified: VerifiedExport,
  report: VerifyReport,
  recordsJson: string | null,
  files: HeldReceivedFile[],
  detail: Record<string, unknown>,
): string {
  const id = ctx.newId();
  const at = ctx.now().toISOString();
  const db = ctx.session.db;
  const m = verified.manifest;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO received_exports (id, export_id, kind, created_at, received_at, purpose, sender_sign_key,
         sender_box_key, sender_fingerprint, sender_contact_id, sender_name, file_sha256, file_length, manifest, records_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      m.exportId,
      m.kind,
      m.createdAt,
      at,
      m.purpose,
      m.sender.signingPublicKey,
      m.sender.encryptionPublicKey,
      report.sender.fingerprintId,
      report.sender.known ? (report.sender.contactId ?? null) : null,
      report.sender.name ?? null,
      verified.fileSha256,
      verified.fileLength,
      JSON.stringify(m),
      recordsJson,
    );
    const insertFile = db.prepare(
      `INSERT INTO received_files (id, received_id, export_file_id, name, size, sha256, media_type, record_id, blob_name, wrapped_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const { entry, sink, key, id: fileId } of files) {
      if (sink.sha256 !== entry.sha256) throw new CaseVaultError('EXPORT_FILE_HASH_MISMATCH', entry.id);
      insertFile.run(
        fileId,
        id,
        entry.id,
        entry.name,
        entry.size,
        entry.sha256,
        entry.mediaType ?? null,
        entry.recordId ?? null,
        sink.blobName,
        ctx.session.wrapEvidenceKey(key, fileId),
      );
      appendAudit(db, ctx.session.auditMac, {
        at,
        actor: ctx.actor,
        action: 'sharing.receive',
        entity: 'received-file',
        recordId: fileId,
        detail: {
          sha256: entry.sha256,
          exportId: m.exportId,
          exportFileId: entry.id,
          from: report.sender.fingerprintId,
        },
      });
    }
    appendAudit(db, ctx.session.auditMac, {
      at,
      actor: ctx.actor,
      action: 'sharing.receive',
      entity: 'received',
      recordId: id,
      detail: {
        exportId: m.exportId,
        ...(m.kind === 'export' ? {} : { kind: m.kind }),
        from: report.sender.fingerprintId,
        contactId: report.sender.known ? (report.sender.contactId ?? null) : null,
        fileSha256: verified.fileSha256,
        ...detail,
        files: m.files.length,
      },
    });
  })();
  return id;
}

/** Plaintext extraction into an existing empty folder (the caller showed the warning). */
export async function extractTo(
  ctx: SharingContext,
  file: string,
  outDir: string,
  task: TaskOptions = {},
): Promise<ExtractResult> {
  let entries: string[];
  try {
    entries = await fs.readdir(outDir);
  } catch {
    throw new CaseVaultError('EXTRACT_DIR_NOT_EMPTY');
  }
  if (entries.length > 0) throw new CaseVaultError('EXTRACT_DIR_NOT_EMPTY');
  const verified = await verifyAs(ctx, file, ['export', 'report']);
  const own = ctx.identity.ownPublic();
  const written: string[] = [];
  const files: ExtractResult['files'] = [];
  const used = new Set<string>(['records.json']);
  let recordsFile: string | null = null;
  const total = verified.manifest.files.reduce((s, f) => s + f.size, 0);
  let done = 0;
  try {
    await withSender(ctx, (_s, boxSecretKey) =>
      extractExport(
        { sodium: ctx.sodium },
        verified,
        fileSource(file),
        { type: 'x25519', publicKey: own.boxPublicKey, secretKey: boxSecretKey },
        {
          async records(bytes) {
            recordsFile = path.join(outDir, 'records.json');
            written.push(recordsFile);
            await fs.writeFile(recordsFile, bytes, { flag: 'wx', mode: 0o600 });
          },
          async file(entry) {
            let name = entry.name;
            if (used.has(name)) name = `${entry.id}-${entry.name}`.slice(0, 255);
            used.add(name);
            const target = path.join(outDir, name);
            written.push(target);
            const handle = await fs.open(target, 'wx', 0o600).catch((error: unknown) => {
              throw ioError(error);
            });
            files.push({ name, size: entry.size });
            return {
              async write(bytes) {
                if (task.signal?.aborted) throw new CaseVaultError('TASK_CANCELLED');
                await handle.write(bytes);
                done += bytes.length;
                task.onProgress?.(done, total, entry.id);
              },
              async close() {
                await handle.sync();
                await handle.close();
              },
              async abort() {
                await handle.close().catch(() => undefined);
                await fs.rm(target, { force: true });
              },
            };
          },
        },
        { kinds: ['export', 'report'] },
      ),
    );
  } catch (error) {
    for (const target of written) await fs.rm(target, { force: true }).catch(() => undefined);
    throw error;
  }
  appendAudit(ctx.session.db, ctx.session.auditMac, {
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    action: 'sharing.receive',
    entity: 'export',
    recordId: verified.manifest.exportId,
    detail: { extractedInClear: true, files: files.length, fileSha256: verified.fileSha256 },
  });
  return { outDir, files, recordsFile };
}
