/**
 * `report-export`: a built report sealed to contacts (docs/sharing.md §Reports). The report is
 * built here from the query, in the vault core, so only the PROTECTED model can leave (suppressed
 * cells carry no value); the same query gives the same model the Reports screen shows. The model
 * (JSON, `casevault.report/1`) and its CSV are held in memory only — no plaintext temp file — and
 * sealed as an export file of kind `report` (docs/export-format.md §6.1), signed by this vault.
 *
 * Recipient rules are the exporter's: the vault passphrase is re-checked, a contact with a changed
 * key waiting or a deleted contact blocks (SHARING_NOT_SENDABLE), an unverified one is only a
 * warning (returned, and shown by the app and the CLI before sending). There is no per-case
 * consent gate: a report holds only cases whose consent allows anonymised statistics (the report
 * engine leaves the others out and says how many, itself as a protected count).
 *
 * Once the file is in place: one exports-log row (kind `report`, so receipts close it like any
 * export) and one `report.export` audit entry with `via: 'sealed'`, in one transaction.
 */
import type { Language } from '../../../shared/errors.ts';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { ReportModel, ReportQuery } from '../../../shared/reports/model.ts';
import { REPORT_FILE_IDS, type ReportDescriptor, type SealFileSource, sealExport } from '../export/index.ts';
import type { IdentityService } from '../identity/identity-service.ts';
import { appendAudit } from '../records/audit.ts';
import { renderReport } from '../reports/render.ts';
import { ReportsService } from '../reports/reports-service.ts';
import { verifyPassphrase } from '../vault/vault.ts';
import { openAtomicOut } from './atomic-out.ts';
import { checkAbort, type SharingContext, type TaskOptions, withSender } from './context.ts';

export interface ReportExportRequest {
  query: ReportQuery;
  /** The language of the CSV that travels with the model (the model itself is bilingual). */
  lang: Language;
  recipientContactIds: string[];
  purpose: string;
  outPath: string;
  passphrase: string;
}

export interface ReportExportResult {
  exportId: string;
  outPath: string;
  fileSha256: string;
  bytes: number;
  createdAt: string;
  recipients: Array<{ contactId: string; fingerprintId: string }>;
  /** Contacts whose fingerprint was never compared: sent anyway, as for exports, with a warning. */
  unverified: string[];
  report: ReportDescriptor;
  hiddenCells: number;
}

/** Refuses what the exporter refuses; returns the unverified contact ids (a warning only). */
export function checkReportRecipients(identity: IdentityService, ids: readonly string[]): string[] {
  const sendable = identity.checkSendable(ids);
  if (sendable.missing.length > 0) throw new CaseVaultError('SHARING_NOT_SENDABLE', 'recipient-missing');
  if (sendable.contacts.some((c) => c.issues.includes('key-changed')))
    throw new CaseVaultError('SHARING_NOT_SENDABLE', 'recipient-key-changed');
  return sendable.contacts.filter((c) => c.issues.includes('unverified')).map((c) => c.id);
}

export function descriptorOf(model: ReportModel, lang: Language): ReportDescriptor {
  return {
    format: model.format,
    reportId: model.reportId,
    from: model.period.from,
    to: model.period.to,
    granularity: model.period.granularity,
    threshold: model.threshold,
    language: lang,
  };
}

function memoryFile(id: string, name: string, mediaType: string, bytes: Uint8Array): SealFileSource {
  return {
    id,
    name,
    size: bytes.length,
    mediaType,
    async *open() {
      yield bytes;
    },
  };
}

export async function createReportExport(
  ctx: SharingContext,
  input: ReportExportRequest,
  task: TaskOptions = {},
): Promise<ReportExportResult> {
  await verifyPassphrase(ctx.session.dir, input.passphrase);
  const unverified = checkReportRecipients(ctx.identity, input.recipientContactIds);
  // Throws CONTACT_KEY_CHANGED / CONTACT_NOT_FOUND if a contact changed since the check.
  const recipients = ctx.identity.recipientKeys(input.recipientContactIds);
  const db = ctx.session.db;
  const reports = new ReportsService(db, ctx.session.auditMac, { now: ctx.now, actor: ctx.actor });
  const model = reports.build(input.query);
  const report = descriptorOf(model, input.lang);
  const json = renderReport(model, 'json', input.lang);
  const csv = renderReport(model, 'csv', input.lang);
  const base = `${model.reportId}-${model.period.from}-${model.period.to}`;
  const createdAt = ctx.now();
  checkAbort(task.signal);

  const out = await openAtomicOut(input.outPath);
  let result: Awaited<ReturnType<typeof sealExport>>;
  try {
    result = await withSender(ctx, (sender) =>
      sealExport(
        { sodium: ctx.sodium, now: () => createdAt },
        {
          kind: 'report',
          sender,
          recipients: recipients.map((r) => ({
            type: 'x25519' as const,
            publicKey: r.boxPublicKey,
            fingerprint: r.fingerprint.id,
            label: r.name.slice(0, 200) || r.contactId,
          })),
          purpose: input.purpose,
          records: null,
          files: [
            memoryFile(REPORT_FILE_IDS.model, `${base}.json`, 'application/json', json),
            memoryFile(REPORT_FILE_IDS.csv, `${base}.csv`, 'text/csv', csv),
          ],
          report,
        },
        out.sink,
      ),
    );
    checkAbort(task.signal);
    await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  } finally {
    json.fill(0);
    csv.fill(0);
  }

  const recipientLog = recipients.map((r) => ({
    contactId: r.contactId,
    name: r.name,
    fingerprintId: r.fingerprint.id,
  }));
  const to = recipientLog.map((r) => ({ contactId: r.contactId, fingerprintId: r.fingerprintId }));
  const at = createdAt.toISOString();
  db.transaction(() => {
    // mode `redacted`: a report is aggregated, protected counts — nothing identifying leaves.
    db.prepare(
      `INSERT INTO sharing_exports (export_id, created_at, mode, purpose, file_sha256, bytes, case_codes, recipients, counts, files, kind, report)
       VALUES (?, ?, 'redacted', ?, ?, ?, '[]', ?, '{}', ?, 'report', ?)`,
    ).run(
      result.exportId,
      at,
      input.purpose,
      result.fileSha256,
      result.bytesWritten,
      JSON.stringify(recipientLog),
      JSON.stringify(result.manifest.files.map((f) => ({ id: f.id, sha256: f.sha256 }))),
      JSON.stringify(report),
    );
    appendAudit(db, ctx.session.auditMac, {
      at,
      actor: ctx.actor,
      action: 'report.export',
      entity: 'export',
      recordId: result.exportId,
      detail: {
        report: model.reportId,
        from: model.period.from,
        to: model.period.to,
        granularity: model.period.granularity,
        threshold: model.threshold,
        format: 'sealed',
        via: 'sealed',
        recipients: to,
        fileSha256: result.fileSha256,
        bytes: result.bytesWritten,
      },
    });
  })();
  return {
    exportId: result.exportId,
    outPath: input.outPath,
    fileSha256: result.fileSha256,
    bytes: result.bytesWritten,
    createdAt: at,
    recipients: to,
    unverified,
    report,
    hiddenCells: model.notes.suppressedCells,
  };
}
