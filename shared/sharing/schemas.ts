/**
 * The sharing service's operations (electron/core/sharing/sharing-ops.ts): sealed exports to
 * contacts with consent gating, opening and importing received exports, receipts, backup and
 * restore. These are SERVICE-level schemas: inputs carry real paths already resolved by main (the
 * renderer never invents a path: main maps its file tokens / dialogs to these), and outputs are
 * plain data that never carries a secret key or a passphrase. See docs/sharing.md.
 */
import { z } from 'zod';
import { CONTACT_ROLES, VERIFICATION_STATES } from '../identity/constants.ts';
import { CaseCode, Id, IsoDateTime } from '../records/schemas.ts';
import { ReceivedFileIdInput, ReceivedFileRangeInput } from './received-files.ts';

/** A real filesystem path resolved by main (or typed on the CLI). */
const FsPath = z.string().min(1).max(4096);
/** A passphrase as a text field gives it; never logged, never echoed. */
const Secret = z.string().min(1).max(1024);
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** At most this many recipients per export (the format allows more; the wizard does not need them). */
export const MAX_EXPORT_RECIPIENTS = 20;
export const MAX_EXPORT_CASES = 200;
/** A backup reminder is due when the last backup is older than this (docs/sharing.md). */
export const BACKUP_REMINDER_DAYS = 30;

export const EXPORT_MODES = ['full', 'redacted'] as const;
export type ExportMode = (typeof EXPORT_MODES)[number];

/** Why a case may not go to a recipient (per case, per recipient). */
export const CONSENT_REFUSALS = [
  /** The case has no consent record at all. */
  'no-consent',
  /** Every consent of the case was withdrawn: nothing of it leaves, not even redacted. */
  'consent-withdrawn',
  /** A consent in force is for anonymised data only: identifying data may not leave. */
  'anonymised-only',
  /** A consent in force does not list the recipient's role among its recipient kinds. */
  'role-not-consented',
] as const;
export type ConsentRefusal = (typeof CONSENT_REFUSALS)[number];

/** Which report a sealed report export carries (manifest `report`, docs/export-format.md §6.1). */
export const ReportDescriptorView = z.object({
  format: z.string(),
  reportId: z.string(),
  from: z.string(),
  to: z.string(),
  granularity: z.enum(['month', 'quarter']),
  threshold: z.number().int(),
  language: z.enum(['fr', 'en']),
});
export type ReportDescriptorView = z.infer<typeof ReportDescriptorView>;

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const Selection = {
  /** Cases by code and/or by id (at least one case in all). */
  caseCodes: z.array(CaseCode).max(MAX_EXPORT_CASES).default([]),
  caseIds: z.array(Id).max(MAX_EXPORT_CASES).default([]),
  recipientContactIds: z.array(Id).min(1).max(MAX_EXPORT_RECIPIENTS),
  mode: z.enum(EXPORT_MODES),
  /** Include evidence files (originals in full mode, redacted copies in redacted mode). */
  includeEvidence: z.boolean().default(true),
};
const atLeastOneCase = (s: { caseCodes: string[]; caseIds: string[] }) =>
  s.caseCodes.length + s.caseIds.length > 0;

export const ExportPlanInput = z
  .strictObject(Selection)
  .refine(atLeastOneCase, { message: 'choose at least one case', path: ['caseCodes'] });
export type ExportPlanInput = z.input<typeof ExportPlanInput>;

export const ExportInput = z
  .strictObject({
    ...Selection,
    purpose: z.string().trim().max(2000).default(''),
    /** Where the export file goes; never overwritten (FILE_EXISTS). */
    outPath: FsPath,
    /** The vault passphrase, entered again: creating an export requires it. */
    passphrase: Secret,
  })
  .refine(atLeastOneCase, { message: 'choose at least one case', path: ['caseCodes'] });
export type ExportInput = z.input<typeof ExportInput>;

export const PathInput = z.strictObject({ path: FsPath });
export type PathInput = z.input<typeof PathInput>;

export const ExtractToInput = z.strictObject({
  path: FsPath,
  /** An existing, empty folder: files are written there IN CLEAR. */
  outDir: FsPath,
  /** Must be true: the caller has shown the plaintext warning. */
  acceptPlaintext: z.literal(true),
});
export type ExtractToInput = z.input<typeof ExtractToInput>;

export const ReceivedIdInput = z.strictObject({ id: Id });
/** A decrypted copy of one received file (`ReceivedDetail.fileList[].id`); never overwrites. */
export const ReceivedFileExtractInput = z.strictObject({ id: Id, outPath: FsPath });
export const ReceivedListInput = z.strictObject({}).default({});

export const ReceiptCreateInput = z.strictObject({
  receivedId: Id,
  outPath: FsPath,
  note: z.string().trim().min(1).max(2000).optional(),
});
export type ReceiptCreateInput = z.input<typeof ReceiptCreateInput>;

export const ExportsListInput = z.strictObject({}).default({});

export const BackupInput = z.strictObject({
  outPath: FsPath,
  /** The backup's own passphrase (the backup file's only recipient). */
  backupPassphrase: Secret,
  /** The vault passphrase, entered again. */
  passphrase: Secret,
});
export type BackupInput = z.input<typeof BackupInput>;

export const BackupStatusInput = z.strictObject({}).default({});

/** A built report sealed to contacts (electron/core/sharing/report-export.ts). */
export const ReportExportInput = z.strictObject({
  query: z.strictObject({
    reportId: z.string().min(1).max(60),
    from: z.string().min(1).max(10),
    to: z.string().min(1).max(10),
    granularity: z.enum(['month', 'quarter']).optional(),
    threshold: z.number().int().min(0).max(1000).optional(),
  }),
  /** The language of the CSV that travels with the model. */
  lang: z.enum(['fr', 'en']),
  recipientContactIds: z.array(Id).min(1).max(MAX_EXPORT_RECIPIENTS),
  purpose: z.string().trim().max(2000).default(''),
  outPath: FsPath,
  passphrase: Secret,
});
export type ReportExportInput = z.input<typeof ReportExportInput>;

export const ReportExportResult = z.object({
  exportId: Id,
  outPath: z.string(),
  fileSha256: Sha256Hex,
  bytes: z.number().int(),
  createdAt: IsoDateTime,
  recipients: z.array(z.object({ contactId: Id, fingerprintId: z.string() })),
  unverified: z.array(z.string()),
  report: ReportDescriptorView,
  hiddenCells: z.number().int(),
});
export type ReportExportResult = z.infer<typeof ReportExportResult>;

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

export const RecordCountsView = z.record(z.string(), z.number().int().min(0));

export const PlanRecipient = z.object({
  contactId: Id,
  name: z.string(),
  organisation: z.string(),
  role: z.enum(CONTACT_ROLES),
  verification: z.enum(VERIFICATION_STATES),
  /** Fingerprint id (64 hex) of the key the export would be sealed to. */
  fingerprintId: z.string(),
  /** `unverified` warns; `key-changed` blocks until the user accepts or rejects the new key. */
  issues: z.array(z.enum(['unverified', 'key-changed'])),
  /** Per case this recipient may not receive in the chosen mode, with the reason. */
  refusals: z.array(z.object({ caseId: Id, caseCode: z.string(), reason: z.enum(CONSENT_REFUSALS) })),
  /** True when this recipient may receive every selected case in the chosen mode. */
  allowed: z.boolean(),
  /** In full mode, when refused: whether the redacted mode would be allowed for this recipient. */
  redactedAllowed: z.boolean(),
});
export type PlanRecipient = z.infer<typeof PlanRecipient>;

export const PlanEvidence = z.object({
  id: Id,
  caseCode: z.string(),
  name: z.string(),
  size: z.number().int(),
  sha256: Sha256Hex,
  mime: z.string(),
  copy: z.enum(['original', 'redacted-copy']),
});
export type PlanEvidence = z.infer<typeof PlanEvidence>;

export const ExportPlan = z.object({
  mode: z.enum(EXPORT_MODES),
  cases: z.array(z.object({ id: Id, code: z.string(), kind: z.string() })),
  recipients: z.array(PlanRecipient),
  /** What leaves: the same sealed file goes to every recipient. */
  leaves: z.object({
    /** Real names, exact ages, localities, contact details: true only in full mode. */
    identifying: z.boolean(),
    records: RecordCountsView,
    /** Record arrays left out by the redacted mode (e.g. notes, planContacts, ocseaReports). */
    recordsLeftOut: z.array(z.string()),
    /** Free-text fields that go as written: the user must check them for identifying details. */
    freeTextKept: z.array(z.string()),
    evidence: z.array(PlanEvidence),
    totalBytes: z.number().int(),
  }),
  /** Evidence not included, with why (redacted mode: no redacted copy exists). */
  evidenceLeftOut: z.array(
    z.object({ id: Id, caseCode: z.string(), name: z.string(), reason: z.enum(['no-redacted-copy']) }),
  ),
  /** True when `export` with the same selection would go ahead. */
  canExport: z.boolean(),
  /** Why not, when `canExport` is false. */
  blockers: z.array(z.enum(['consent-refused', 'recipient-key-changed', 'recipient-missing'])),
});
export type ExportPlan = z.infer<typeof ExportPlan>;

export const ExportResult = z.object({
  exportId: Id,
  outPath: z.string(),
  fileSha256: Sha256Hex,
  bytes: z.number().int(),
  recipients: z.array(z.object({ contactId: Id, fingerprintId: z.string() })),
  records: RecordCountsView,
  files: z.number().int(),
  createdAt: IsoDateTime,
});
export type ExportResult = z.infer<typeof ExportResult>;

export const SenderView = z.object({
  /** Fingerprint id (64 hex) computed over the signed keys. */
  fingerprintId: z.string(),
  /** Groups of digits to compare by phone or in person. */
  fingerprintDigits: z.array(z.string()),
  known: z.boolean(),
  contactId: z.string().optional(),
  /** The contact's name when known; else the name the sender wrote (only a claim). */
  name: z.string().optional(),
  /** Known but with an old, pending or rejected key of that contact. */
  keyStatus: z.string().optional(),
});
export type SenderView = z.infer<typeof SenderView>;

export const VerifyReport = z.object({
  kind: z.enum(['export', 'backup', 'receipt', 'report']),
  exportId: Id,
  createdAt: IsoDateTime,
  purpose: z.string(),
  sender: SenderView,
  fileSha256: Sha256Hex,
  fileLength: z.number().int(),
  records: z.object({ counts: RecordCountsView, size: z.number().int() }).nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number().int(), sha256: Sha256Hex })),
  recipients: z.number().int(),
  /** Every check that passed (all of them, or verify would have thrown). */
  checks: z.array(z.string()),
  /** Already imported into the Received area (its id). */
  alreadyReceivedId: z.string().optional(),
  /** Kind `report`: which report it carries. */
  report: ReportDescriptorView.optional(),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export const ReceivedSummary = z.object({
  id: Id,
  exportId: Id,
  receivedAt: IsoDateTime,
  createdAt: IsoDateTime,
  purpose: z.string(),
  sender: SenderView,
  fileSha256: Sha256Hex,
  records: RecordCountsView,
  files: z.number().int(),
  receiptCreatedAt: IsoDateTime.nullable(),
  /** Set for a sealed report (kind `report`), with which report it carries. */
  kind: z.literal('report').optional(),
  report: ReportDescriptorView.optional(),
});
export type ReceivedSummary = z.infer<typeof ReceivedSummary>;

export const ReceivedDetail = ReceivedSummary.extend({
  /** The records document as received (casevault.records/1), read-only. */
  recordsJson: z.string().nullable(),
  files: z.number().int(),
  fileList: z.array(
    z.object({
      id: Id,
      exportFileId: z.string(),
      name: z.string(),
      size: z.number().int(),
      sha256: Sha256Hex,
      mediaType: z.string().optional(),
    }),
  ),
});
export type ReceivedDetail = z.infer<typeof ReceivedDetail>;

export const ExtractResult = z.object({
  outDir: z.string(),
  files: z.array(z.object({ name: z.string(), size: z.number().int() })),
  recordsFile: z.string().nullable(),
});
export type ExtractResult = z.infer<typeof ExtractResult>;

export const ReceiptResult = z.object({
  outPath: z.string(),
  exportId: Id,
  fileSha256: Sha256Hex,
});

export const ReceiptImportResult = z.object({
  exportId: Id,
  acknowledgedAt: IsoDateTime,
  responder: SenderView,
  receivedAt: IsoDateTime,
  note: z.string().optional(),
});
export type ReceiptImportResult = z.infer<typeof ReceiptImportResult>;

export const ExportLogEntry = z.object({
  exportId: Id,
  createdAt: IsoDateTime,
  mode: z.enum(EXPORT_MODES),
  purpose: z.string(),
  fileSha256: Sha256Hex,
  bytes: z.number().int(),
  caseCodes: z.array(z.string()),
  recipients: z.array(z.object({ contactId: z.string(), name: z.string(), fingerprintId: z.string() })),
  records: RecordCountsView,
  files: z.number().int(),
  acknowledgements: z.array(
    z.object({
      fingerprintId: z.string(),
      contactId: z.string().optional(),
      receivedAt: IsoDateTime,
      at: IsoDateTime,
    }),
  ),
  /** Set for a sealed report (kind `report`), with which report was sent. */
  kind: z.literal('report').optional(),
  report: ReportDescriptorView.optional(),
});
export type ExportLogEntry = z.infer<typeof ExportLogEntry>;

export const BackupResult = z.object({
  outPath: z.string(),
  backupId: Id,
  fileSha256: Sha256Hex,
  bytes: z.number().int(),
  createdAt: IsoDateTime,
  records: RecordCountsView,
  files: z.number().int(),
});
export type BackupResult = z.infer<typeof BackupResult>;

export const BackupStatus = z.object({
  lastBackupAt: IsoDateTime.nullable(),
  reminderDays: z.number().int(),
  reminderDue: z.boolean(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

/** Every sharing operation and its input schema (what `VaultService.sharing(op, input)` accepts). */
export const SHARING_OP_INPUTS = {
  'export-plan': ExportPlanInput,
  export: ExportInput,
  'exports-list': ExportsListInput,
  'open-verify': PathInput,
  'open-import': PathInput,
  'extract-to': ExtractToInput,
  'received-list': ReceivedListInput,
  'received-get': ReceivedIdInput,
  'received-file-extract': ReceivedFileExtractInput,
  'receipt-create': ReceiptCreateInput,
  'receipt-import': PathInput,
  backup: BackupInput,
  'backup-status': BackupStatusInput,
  'received-file-info': ReceivedFileIdInput,
  'received-file-view': ReceivedFileIdInput,
  'received-file-read-range': ReceivedFileRangeInput,
  'received-file-verify': ReceivedFileIdInput,
  'report-export': ReportExportInput,
  'received-report': ReceivedIdInput,
} as const;
export type SharingOp = keyof typeof SHARING_OP_INPUTS;
export const SHARING_OPS = Object.keys(SHARING_OP_INPUTS) as SharingOp[];
/** Operations that accept a task id (progress + cancel). */
/** (`open-verify` takes a task id too but reports no progress: the opener's verify pass has no hook.) */
export const SHARING_TASK_OPS: readonly SharingOp[] = [
  'export',
  'open-import',
  'extract-to',
  'backup',
  'report-export',
];

/**
 * Restore runs with the vault LOCKED (it creates a new vault elsewhere), so it is not a
 * `sharing` op: the CLI calls electron/core/sharing/restore.ts directly. Documented here for the UI.
 */
export const RestoreInput = z.strictObject({
  path: FsPath,
  backupPassphrase: Secret,
  newDir: FsPath,
  newPassphrase: Secret,
});
export type RestoreInput = z.input<typeof RestoreInput>;
