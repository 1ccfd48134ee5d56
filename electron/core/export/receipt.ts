/**
 * Receipts: a responder acknowledges an export with a small file in the same format, sealed to the
 * original sender's X25519 key and signed by the responder, whose signed manifest names the export id
 * and the SHA-256 of the export file received (docs/export-format.md §9). It carries no records and
 * no files; the manifest is the whole content. Matching it to the sender's export log (same id, same
 * hash, responder among the export's recipients) is the caller's job: that log lives in the vault.
 */
import type { ExportIdentity } from './export-header.ts';
import type { ByteSink } from './export-payload.ts';
import type { ReceiptContent } from './manifest.ts';
import { type OpenDeps, type OpenOptions, type VerifiedExport, verifyExport } from './open.ts';
import { type SealDeps, type SealResult, type SenderIdentity, sealExport } from './seal.ts';

export interface ReceiptRequest {
  /** The responder (who signs the receipt). */
  responder: SenderIdentity;
  /** The original sender's X25519 public key (from the verified export's manifest). */
  originalSenderEncryptionKey: Uint8Array;
  originalSenderFingerprint?: string;
  exportId: string;
  exportSha256: string;
  receivedAt?: string;
  note?: string;
}

export function sealReceipt(deps: SealDeps, request: ReceiptRequest, sink: ByteSink): Promise<SealResult> {
  const receivedAt = request.receivedAt ?? (deps.now?.() ?? new Date()).toISOString();
  return sealExport(
    deps,
    {
      kind: 'receipt',
      sender: request.responder,
      recipients: [
        {
          type: 'x25519',
          publicKey: request.originalSenderEncryptionKey,
          ...(request.originalSenderFingerprint ? { fingerprint: request.originalSenderFingerprint } : {}),
        },
      ],
      purpose: 'receipt',
      receipt: {
        exportId: request.exportId,
        exportSha256: request.exportSha256,
        receivedAt,
        ...(request.note ? { note: request.note } : {}),
      },
    },
    sink,
  );
}

export interface OpenedReceipt {
  receipt: ReceiptContent;
  verified: VerifiedExport;
}

/** Verifies a receipt completely (header, payload, signature, listing) and returns what it says. */
export async function openReceipt(
  deps: OpenDeps,
  source: AsyncIterable<Uint8Array>,
  identity: ExportIdentity,
  options: Omit<OpenOptions, 'kinds'> = {},
): Promise<OpenedReceipt> {
  const verified = await verifyExport(deps, source, identity, { ...options, kinds: ['receipt'] });
  return { receipt: verified.manifest.receipt!, verified };
}
