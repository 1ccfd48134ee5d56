/**
 * Receipts (docs/sharing.md §Receipts). The responder seals a small signed file to the original
 * sender naming the export id and the SHA-256 of the export file as received; the sender imports
 * it, and it must match an export in the log: same id, same file hash, and a responder whose key
 * fingerprint is one of that export's recipients. Then the export shows acknowledged and each
 * exported evidence item gets an `acknowledged` custody entry: the chain closes on the sender's side.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { ReceiptImportResult } from '../../../shared/sharing/schemas.ts';
import { appendCustody } from '../evidence/custody.ts';
import type { ExportManifest } from '../export/index.ts';
import { fileSource, openReceipt, sealReceipt } from '../export/index.ts';
import { appendAudit } from '../records/audit.ts';
import { openAtomicOut } from './atomic-out.ts';
import { recordContext, type SharingContext, withSender } from './context.ts';
import { receivedRow } from './received-store.ts';
import { senderView } from './receiver.ts';

export async function createReceipt(
  ctx: SharingContext,
  input: { receivedId: string; outPath: string; note?: string | undefined },
): Promise<{ outPath: string; exportId: string; fileSha256: string }> {
  const row = receivedRow(ctx, input.receivedId);
  const manifest = JSON.parse(row.manifest) as ExportManifest;
  const out = await openAtomicOut(input.outPath);
  let result: Awaited<ReturnType<typeof sealReceipt>>;
  try {
    result = await withSender(ctx, (responder) =>
      sealReceipt(
        { sodium: ctx.sodium, now: ctx.now },
        {
          responder,
          originalSenderEncryptionKey: Uint8Array.from(
            Buffer.from(manifest.sender.encryptionPublicKey, 'hex'),
          ),
          exportId: row.export_id,
          exportSha256: row.file_sha256,
          receivedAt: row.received_at,
          ...(input.note ? { note: input.note } : {}),
        },
        out.sink,
      ),
    );
    await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  }
  const at = ctx.now().toISOString();
  const db = ctx.session.db;
  db.transaction(() => {
    db.prepare('UPDATE received_exports SET receipt_created_at = ? WHERE id = ?').run(at, row.id);
    appendAudit(db, ctx.session.auditMac, {
      at,
      actor: ctx.actor,
      action: 'sharing.receipt-create',
      entity: 'received',
      recordId: row.id,
      detail: { exportId: row.export_id, exportSha256: row.file_sha256, receiptSha256: result.fileSha256 },
    });
  })();
  return { outPath: input.outPath, exportId: row.export_id, fileSha256: result.fileSha256 };
}

export async function importReceipt(ctx: SharingContext, file: string): Promise<ReceiptImportResult> {
  const own = ctx.identity.ownPublic();
  const opened = await withSender(ctx, (_s, boxSecretKey) =>
    openReceipt({ sodium: ctx.sodium }, fileSource(file), {
      type: 'x25519',
      publicKey: own.boxPublicKey,
      secretKey: boxSecretKey,
    }),
  );
  const { receipt } = opened;
  const responder = senderView(ctx, opened.verified.manifest);
  const db = ctx.session.db;
  const row = db
    .prepare('SELECT file_sha256, recipients, files FROM sharing_exports WHERE export_id = ?')
    .get(receipt.exportId) as { file_sha256: string; recipients: string; files: string } | undefined;
  if (!row) throw new CaseVaultError('RECEIPT_NO_MATCH', 'export id');
  if (row.file_sha256 !== receipt.exportSha256) throw new CaseVaultError('RECEIPT_NO_MATCH', 'file hash');
  const recipients = JSON.parse(row.recipients) as Array<{ contactId: string; fingerprintId: string }>;
  const match = recipients.find((r) => r.fingerprintId === responder.fingerprintId);
  if (!match) throw new CaseVaultError('RECEIPT_NO_MATCH', 'responder');
  const at = ctx.now().toISOString();
  const rctx = recordContext(ctx);
  db.transaction(() => {
    const inserted = db
      .prepare(
        `INSERT OR IGNORE INTO sharing_export_acks (export_id, responder_key, contact_id, received_at, acknowledged_at, note)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        receipt.exportId,
        responder.fingerprintId,
        match.contactId,
        receipt.receivedAt,
        at,
        receipt.note ?? null,
      );
    if (inserted.changes === 0) return; // the same receipt imported twice: nothing new
    for (const item of JSON.parse(row.files) as Array<{ id: string; sha256: string }>) {
      appendCustody(rctx, 'acknowledged', item.id, item.sha256, {
        exportId: receipt.exportId,
        by: responder.fingerprintId,
        receivedAt: receipt.receivedAt,
      });
    }
    appendAudit(db, ctx.session.auditMac, {
      at,
      actor: ctx.actor,
      action: 'sharing.receipt-import',
      entity: 'export',
      recordId: receipt.exportId,
      detail: {
        by: responder.fingerprintId,
        contactId: match.contactId,
        receivedAt: receipt.receivedAt,
        receiptSha256: opened.verified.fileSha256,
      },
    });
  })();
  const stored = db
    .prepare('SELECT acknowledged_at FROM sharing_export_acks WHERE export_id = ? AND responder_key = ?')
    .pluck()
    .get(receipt.exportId, responder.fingerprintId) as string;
  return {
    exportId: receipt.exportId,
    acknowledgedAt: stored,
    responder,
    receivedAt: receipt.receivedAt,
    ...(receipt.note ? { note: receipt.note } : {}),
  };
}
