/**
 * `export`: re-checks the vault passphrase, recomputes the plan and refuses what it refuses, then
 * seals the selected records (full or redacted) and evidence files to every recipient's X25519 key,
 * signed by this vault's identity, streaming each file from its encrypted blob (no plaintext temp
 * file) into an output written atomically (atomic-out.ts). Only once the file is in place does the
 * vault record it, in one transaction: the exports log row, one `evidence.export` custody entry per
 * item (naming the export id) and one `sharing.export` audit entry (to whom, what, when, file hash).
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { ExportInput, ExportResult } from '../../../shared/sharing/schemas.ts';
import { appendCustody } from '../evidence/custody.ts';
import { getEvidenceRow } from '../evidence/repository.ts';
import type { SealResult } from '../export/index.ts';
import { appendAudit } from '../records/audit.ts';
import { serializeRecordsDocument } from '../records/format/export.ts';
import type { RecordsDocument } from '../records/format/records-file.ts';
import { verifyPassphrase } from '../vault/vault.ts';
import { recordContext, type SharingContext, type TaskOptions } from './context.ts';
import { buildPlan } from './plan.ts';
import { blobSources, sealToFile } from './seal-to-file.ts';
import { recordItems, resolveCases } from './selection.ts';

type ParsedExport = Required<Pick<ExportInput, 'caseCodes' | 'caseIds' | 'includeEvidence' | 'purpose'>> &
  Omit<ExportInput, 'caseCodes' | 'caseIds' | 'includeEvidence' | 'purpose'>;

export async function createExport(
  ctx: SharingContext,
  input: ParsedExport,
  task: TaskOptions = {},
): Promise<ExportResult> {
  await verifyPassphrase(ctx.session.dir, input.passphrase);
  const db = ctx.session.db;
  const rctx = recordContext(ctx);
  const cases = resolveCases(db, input.caseCodes, input.caseIds);
  const { plan, selection } = buildPlan(rctx, ctx.identity, {
    cases,
    recipientContactIds: input.recipientContactIds,
    mode: input.mode,
    includeEvidence: input.includeEvidence,
  });
  if (plan.blockers.includes('consent-refused')) {
    const first = plan.recipients.find((r) => !r.allowed)!.refusals[0]!;
    throw new CaseVaultError('SHARING_CONSENT_REFUSED', `${first.caseCode}: ${first.reason}`);
  }
  if (!plan.canExport) throw new CaseVaultError('SHARING_NOT_SENDABLE', plan.blockers.join(', '));
  // Throws CONTACT_KEY_CHANGED / CONTACT_NOT_FOUND if a contact changed since the plan.
  const recipients = ctx.identity.recipientKeys(input.recipientContactIds);

  const files = blobSources(
    ctx,
    selection.evidence.map((item) => {
      // Throws EVIDENCE_NOT_FOUND before any output exists if an item went since the plan.
      const row = getEvidenceRow(db, item.id);
      return {
        fileId: item.id,
        rowId: row.id,
        name: item.name,
        size: item.size,
        sha256: item.sha256,
        mime: item.mime,
        blobName: row.blob_name,
        wrappedKey: row.wrapped_key,
      };
    }),
    task,
  );

  const createdAt = ctx.now();
  const { format, ...body } = selection.records;
  const doc = { format, exportedAt: createdAt.toISOString(), ...body } as RecordsDocument;
  const recordsBytes = new TextEncoder().encode(serializeRecordsDocument(doc));

  let result: SealResult;
  try {
    result = await sealToFile(ctx, input.outPath, createdAt, task, (sender) => ({
      kind: 'export',
      sender,
      recipients: recipients.map((r) => ({
        type: 'x25519' as const,
        publicKey: r.boxPublicKey,
        fingerprint: r.fingerprint.id,
        label: r.name.slice(0, 200) || r.contactId,
      })),
      purpose: input.purpose,
      records: { bytes: recordsBytes, items: recordItems(doc) },
      files,
      custody: selection.evidence.map((e) => ({
        at: createdAt.toISOString(),
        event: 'exported',
        fileId: e.id,
        actor: sender.fingerprint ?? 'sender',
        detail: `sha256 ${e.sha256}; ${e.copy}`,
      })),
    }));
  } finally {
    recordsBytes.fill(0);
  }

  const recipientLog = recipients.map((r) => ({
    contactId: r.contactId,
    name: r.name,
    fingerprintId: r.fingerprint.id,
  }));
  const caseCodes = cases.map((c) => c.code);
  const at = createdAt.toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO sharing_exports (export_id, created_at, mode, purpose, file_sha256, bytes, case_codes, recipients, counts, files)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      result.exportId,
      at,
      input.mode,
      input.purpose,
      result.fileSha256,
      result.bytesWritten,
      JSON.stringify(caseCodes),
      JSON.stringify(recipientLog),
      JSON.stringify(selection.counts),
      JSON.stringify(selection.evidence.map((e) => ({ id: e.id, sha256: e.sha256 }))),
    );
    for (const item of selection.evidence) {
      appendCustody(rctx, 'export', item.id, item.sha256, {
        exportId: result.exportId,
        to: recipientLog.map((r) => r.fingerprintId),
        copy: item.copy,
      });
    }
    appendAudit(db, ctx.session.auditMac, {
      at,
      actor: ctx.actor,
      action: 'sharing.export',
      entity: 'export',
      recordId: result.exportId,
      detail: {
        mode: input.mode,
        to: recipientLog.map((r) => ({ contactId: r.contactId, fingerprintId: r.fingerprintId })),
        cases: caseCodes,
        counts: selection.counts,
        files: selection.evidence.length,
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
    recipients: recipientLog.map((r) => ({ contactId: r.contactId, fingerprintId: r.fingerprintId })),
    records: selection.counts,
    files: selection.evidence.length,
    createdAt: at,
  };
}
