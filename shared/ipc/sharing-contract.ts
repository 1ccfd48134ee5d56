/**
 * IPC channels for sharing (`sharing:*`): the export wizard, opening a received file, the Received
 * area, receipts, the exports log and backups. As with `evidence:add`, the renderer never sends a
 * path: main asks its own save dialog where an export, a receipt or a backup goes, and its own open
 * dialog (or spends a `files:*` token) for a file to open. An opened file is then named by an opaque
 * `openId` main issued, so "import what I just verified" cannot be pointed at another file.
 *
 * Passphrases (the vault passphrase re-entered for an export, a backup passphrase) cross as bounded
 * strings and are never logged (the registry logs channel names only).
 *
 * Outputs are the vault service's views (shared/sharing/schemas.ts), except where they would carry a
 * path: main hands back the file NAME of what it wrote, never the folder.
 */
import { z } from 'zod';
import { Id } from '../records/schemas.ts';
import { ReceivedReportModel } from '../reports/received-model.ts';
import {
  BackupStatus,
  ExportLogEntry,
  ExportPlan,
  ReceiptImportResult,
  ReceivedDetail,
  ReceivedSummary,
  VerifyReport,
} from '../sharing/schemas.ts';
import { TaskId } from './evidence-contract.ts';
import { FileToken } from './files-contract.ts';
import { ReportQuerySchema } from './reports-contract.ts';

const Passphrase = z.string().min(1).max(1024);
const Empty = z.object({}).strict();
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const MAX_EXPORT_CASES = 50; // the wizard's bound; the service allows more
export const MAX_EXPORT_RECIPIENTS = 20;
export const MAX_PURPOSE_CHARS = 500;

export const ExportSelection = z
  .object({
    caseIds: z.array(Id).min(1).max(MAX_EXPORT_CASES),
    recipientIds: z.array(Id).min(1).max(MAX_EXPORT_RECIPIENTS),
    /** Aliases, age groups, regions and redacted evidence copies instead of identifying data. */
    redacted: z.boolean(),
  })
  .strict();

export const ExportRequest = ExportSelection.extend({
  taskId: TaskId,
  purpose: z.string().trim().min(1).max(MAX_PURPOSE_CHARS),
  /** The vault passphrase, re-entered: creating an export needs it every time. */
  passphrase: Passphrase,
}).strict();

export const ExportDone = z.union([
  z.object({ saved: z.literal(false), cancelled: z.boolean() }).strict(),
  z
    .object({
      saved: z.literal(true),
      exportId: z.string(),
      /** The name only: the folder is the user's business (they chose it in main's dialog). */
      fileName: z.string(),
      sha256: Sha256,
      bytes: z.number().int(),
    })
    .strict(),
]);

export const OpenedFile = z.union([
  z.object({ cancelled: z.literal(true) }).strict(),
  z
    .object({
      cancelled: z.literal(false),
      fileName: z.string(),
      /** Names the file main holds for this window; `sharing:import` spends it. Null: nothing to import. */
      openId: Id.nullable(),
      /** Every check passed: the report. */
      report: VerifyReport.nullable(),
      /** A check failed: the error code (EXPORT_*), and nothing can be imported. */
      failure: z.object({ code: z.string(), detail: z.string().max(500).optional() }).nullable(),
    })
    .strict(),
]);

const SaveOutcome = z.union([
  z.object({ saved: z.literal(false) }).strict(),
  z.object({ saved: z.literal(true), fileName: z.string() }).strict(),
]);

/** Either a token from `files:pick`/drop, or nothing: main then opens its own dialog. */
const PickedFile = z.object({ token: FileToken.optional() }).strict();

export const sharingContract = {
  /** What would leave, per recipient, with the consent check and sendability; writes nothing. */
  'sharing:plan': { input: ExportSelection, output: ExportPlan },
  /** Re-checks the plan, asks main's save dialog where to write, seals, logs. Progress: task:progress. */
  'sharing:export': { input: ExportRequest, output: ExportDone },
  /** Opens a received file (dialog or token) and verifies it completely; imports nothing. */
  'sharing:open': { input: PickedFile, output: OpenedFile },
  /** Imports the file verified under `openId` into the read-only Received area. */
  'sharing:import': {
    input: z.object({ openId: Id, taskId: TaskId }).strict(),
    output: z.object({ receivedId: z.string() }).strict(),
  },
  /**
   * After the UI's plaintext warning: main's save dialog names a NEW folder, main creates it, and the
   * verified file under `openId` is written there IN CLEAR (records.json and the files).
   */
  'sharing:extract': {
    input: z.object({ openId: Id, taskId: TaskId, acceptPlaintext: z.literal(true) }).strict(),
    output: z.union([
      z.object({ saved: z.literal(false), cancelled: z.boolean() }).strict(),
      z.object({ saved: z.literal(true), folderName: z.string(), files: z.number().int() }).strict(),
    ]),
  },
  /** Forgets an opened file without importing it. */
  'sharing:discard': { input: z.object({ openId: Id }).strict(), output: z.object({ ok: z.literal(true) }) },
  'sharing:received-list': { input: Empty, output: z.array(ReceivedSummary) },
  'sharing:received-get': { input: z.object({ id: Id }).strict(), output: ReceivedDetail },
  /**
   * After the UI's warning: main's save dialog (the file's received name as default) says where a
   * decrypted copy of one received file goes; never overwrites.
   */
  'sharing:received-file-save': {
    input: z.object({ receivedId: Id, fileId: Id }).strict(),
    output: z.object({ saved: z.boolean() }).strict(),
  },
  /** A signed receipt for a received export, written where main's save dialog says. */
  'sharing:receipt-create': {
    input: z.object({ receivedId: Id, note: z.string().max(2000).optional() }).strict(),
    output: SaveOutcome,
  },
  /** Imports a receipt (dialog or token): the matching export is acknowledged in the log. */
  'sharing:receipt-import': {
    input: PickedFile,
    output: z.union([
      z.object({ cancelled: z.literal(true) }).strict(),
      z.object({ cancelled: z.literal(false), result: ReceiptImportResult }).strict(),
    ]),
  },
  'sharing:exports-log': { input: Empty, output: z.array(ExportLogEntry) },
  'sharing:backup-status': { input: Empty, output: BackupStatus },
  /** A full encrypted backup sealed to this vault's identity and to a backup passphrase. */
  'sharing:backup': {
    input: z.object({ taskId: TaskId, backupPassphrase: Passphrase, passphrase: Passphrase }).strict(),
    output: z.union([
      z.object({ saved: z.literal(false), cancelled: z.boolean() }).strict(),
      z.object({ saved: z.literal(true), fileName: z.string(), sha256: Sha256 }).strict(),
    ]),
  },
  /**
   * A report (the query the Reports screen shows) sealed to contacts: main's save dialog, then the
   * core builds the protected model and seals it (docs/sharing.md §Reports). Progress: task:progress.
   */
  'sharing:report-export': {
    input: z
      .object({
        query: ReportQuerySchema,
        lang: z.enum(['fr', 'en']),
        recipientIds: z.array(Id).min(1).max(MAX_EXPORT_RECIPIENTS),
        taskId: TaskId,
        purpose: z.string().trim().min(1).max(MAX_PURPOSE_CHARS),
        passphrase: Passphrase,
      })
      .strict(),
    output: ExportDone,
  },
  /** A received report's model, validated in the core and again here, for the read-only view. */
  'sharing:received-report': { input: z.object({ id: Id }).strict(), output: ReceivedReportModel },
} as const;

export type SharingChannel = keyof typeof sharingContract;
export type SharingInput<C extends SharingChannel> = z.input<(typeof sharingContract)[C]['input']>;
export type SharingOutput<C extends SharingChannel> = z.output<(typeof sharingContract)[C]['output']>;
export type ExportPlanView = z.output<typeof ExportPlan>;
export type RecipientPlanView = ExportPlanView['recipients'][number];
export type Verification = z.output<typeof VerifyReport>;
export type ReceivedSummaryView = z.output<typeof ReceivedSummary>;
export type ReceivedDetailView = z.output<typeof ReceivedDetail>;
export type ExportLogView = z.output<typeof ExportLogEntry>;
export type BackupStatusView = z.output<typeof BackupStatus>;
