/**
 * The manifest: the first section of the payload, signed by the sender (docs/export-format.md §6).
 * It declares everything that follows — records JSON size and SHA-256, every file with its size and
 * SHA-256 — so the opener knows every length before reading and checks every hash. It also lists the
 * recipients the sender chose: an opener whose key is not listed refuses (a recipient re-sealing a
 * signed export to someone else is caught even before the header-MAC binding of the signature).
 */
import { z } from 'zod';
import { CaseVaultError } from '../../../shared/errors.ts';
import { Id, IsoDate, IsoDateTime } from '../../../shared/records/schemas.ts';
import { LIMITS, MANIFEST_LENGTH_BYTES, MAX_STANZAS, SIGNATURE_BYTES } from './format-constants.ts';

export const MANIFEST_FORMAT = 'casevault.export-manifest/1' as const;
export const RECORDS_FORMAT = 'casevault.records/1' as const;

const hexBytes = (n: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${n * 2}}$`), `expected ${n} bytes in hex`);
const Key = hexBytes(32);
const Sha256 = hexBytes(32);
const Size = (max: number) => z.number().int().min(0).max(max);
const Label = z.string().min(1).max(200);
/** A file name only (extraction joins it to a folder the user chose): no separators, no dot-names. */
const FileName = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !hasSeparatorOrControl(s) && s !== '.' && s !== '..', 'not a plain file name');

function hasSeparatorOrControl(name: string): boolean {
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (ch === '/' || ch === '\\' || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const X25519Recipient = z.strictObject({
  type: z.literal('x25519'),
  publicKey: Key,
  fingerprint: Label.optional(),
  label: Label.optional(),
});
const PassphraseRecipient = z.strictObject({ type: z.literal('passphrase') });

export const ManifestFileSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: FileName,
  size: Size(LIMITS.maxFileBytes),
  sha256: Sha256,
  mediaType: z.string().min(1).max(200).optional(),
  recordId: z.string().min(1).max(100).optional(),
});

export const CustodyEntrySchema = z.strictObject({
  at: IsoDateTime,
  event: z.string().min(1).max(80),
  fileId: z.string().min(1).max(100).optional(),
  actor: z.string().min(1).max(200).optional(),
  detail: z.string().min(1).max(2000).optional(),
});

export const ReceiptSchema = z.strictObject({
  exportId: Id,
  exportSha256: Sha256,
  receivedAt: IsoDateTime,
  note: z.string().min(1).max(2000).optional(),
});

/**
 * A sealed report (kind `report`): which report, over which period, at which threshold, and the
 * language of its CSV. The report itself travels as files (REPORT_FILE_IDS), never as records.
 */
export const REPORT_MODEL_FORMAT = 'casevault.report/1' as const;
export const REPORT_FILE_IDS = { model: 'report-json', csv: 'report-csv' } as const;
/** A report file is small (a few tables of counts): an opener holds it in memory to validate it. */
export const MAX_REPORT_FILE_BYTES = 8 * 1024 * 1024;

export const ReportDescriptorSchema = z.strictObject({
  format: z.literal(REPORT_MODEL_FORMAT),
  reportId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'a report id'),
  from: IsoDate,
  to: IsoDate,
  granularity: z.enum(['month', 'quarter']),
  threshold: z.number().int().min(3).max(1000),
  language: z.enum(['fr', 'en']),
});

export const MANIFEST_KINDS = ['export', 'backup', 'receipt', 'report'] as const;

/** Kind `report`: no records, no custody, the model file (JSON) and at most a CSV of it. */
function checkReportShape(
  m: {
    records: unknown;
    custody: unknown[];
    files: Array<{ id: string; size: number; mediaType?: string | undefined }>;
  },
  issue: (message: string) => void,
): void {
  if (m.records !== null) issue('a report carries no records');
  if (m.custody.length > 0) issue('a report carries no custody entries');
  const model = m.files.filter((f) => f.id === REPORT_FILE_IDS.model);
  if (model.length !== 1 || model[0]?.mediaType !== 'application/json')
    issue('a report carries its model as report-json (application/json)');
  for (const f of m.files) {
    if (f.id === REPORT_FILE_IDS.csv && f.mediaType !== 'text/csv') issue('report-csv is text/csv');
    else if (f.id !== REPORT_FILE_IDS.model && f.id !== REPORT_FILE_IDS.csv)
      issue('a report carries only report-json and report-csv');
    if (f.size > MAX_REPORT_FILE_BYTES) issue('a report file is at most 8 MiB');
  }
}

export const ManifestSchema = z
  .strictObject({
    format: z.literal(MANIFEST_FORMAT),
    kind: z.enum(MANIFEST_KINDS),
    exportId: Id,
    createdAt: IsoDateTime,
    sender: z.strictObject({
      signingPublicKey: Key,
      encryptionPublicKey: Key,
      fingerprint: Label.optional(),
      name: Label.optional(),
    }),
    recipients: z
      .array(z.discriminatedUnion('type', [X25519Recipient, PassphraseRecipient]))
      .min(1)
      .max(MAX_STANZAS),
    purpose: z.string().max(2000),
    records: z
      .strictObject({
        format: z.literal(RECORDS_FORMAT),
        size: Size(LIMITS.maxRecordsBytes),
        sha256: Sha256,
        items: z
          .array(z.strictObject({ kind: z.string().min(1).max(40), id: z.string().min(1).max(100) }))
          .max(LIMITS.maxRecordItems),
      })
      .nullable(),
    files: z.array(ManifestFileSchema).max(LIMITS.maxFiles),
    custody: z.array(CustodyEntrySchema).max(LIMITS.maxCustodyEntries),
    receipt: ReceiptSchema.optional(),
    report: ReportDescriptorSchema.optional(),
  })
  .superRefine((m, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    if ((m.kind === 'receipt') !== (m.receipt !== undefined))
      issue('a receipt manifest, and only it, has `receipt`');
    if ((m.kind === 'report') !== (m.report !== undefined))
      issue('a report manifest, and only it, has `report`');
    if (m.kind === 'report') checkReportShape(m, issue);
    if (m.recipients.some((r) => r.type === 'passphrase') && m.recipients.length > 1) {
      issue('a passphrase recipient must be alone');
    }
    const keys = m.recipients.flatMap((r) => (r.type === 'x25519' ? [r.publicKey] : []));
    if (new Set(keys).size !== keys.length) issue('a recipient is listed twice');
    const ids = m.files.map((f) => f.id);
    if (new Set(ids).size !== ids.length) issue('two files share an id');
  });

export type ExportManifest = z.infer<typeof ManifestSchema>;
export type ManifestFile = z.infer<typeof ManifestFileSchema>;
export type CustodyEntry = z.infer<typeof CustodyEntrySchema>;
export type ReceiptContent = z.infer<typeof ReceiptSchema>;
export type ReportDescriptor = z.infer<typeof ReportDescriptorSchema>;

export function encodeManifest(manifest: ExportManifest): Uint8Array {
  const checked = ManifestSchema.safeParse(manifest);
  if (!checked.success) {
    throw new CaseVaultError(
      'INVALID_INPUT',
      `manifest: ${checked.error.issues[0]?.path.join('.') || checked.error.issues[0]?.message}`,
    );
  }
  const bytes = new TextEncoder().encode(JSON.stringify(checked.data));
  if (bytes.length > LIMITS.maxManifestBytes) throw new CaseVaultError('INVALID_INPUT', 'manifest too large');
  return bytes;
}

/** Strict UTF-8, JSON, then the schema; any failure is EXPORT_MALFORMED (the bytes were signed-over). */
export function decodeManifest(bytes: Uint8Array): ExportManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new CaseVaultError('EXPORT_MALFORMED', 'manifest is not UTF-8 JSON');
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new CaseVaultError('EXPORT_MALFORMED', `manifest: ${first?.path.join('.') || first?.message}`);
  }
  return parsed.data;
}

/** The payload's exact length: every section is declared by the manifest. */
export function payloadLengthFor(manifestByteLength: number, manifest: ExportManifest): number {
  let total = MANIFEST_LENGTH_BYTES + manifestByteLength + SIGNATURE_BYTES + (manifest.records?.size ?? 0);
  for (const file of manifest.files) total += file.size;
  return total;
}
