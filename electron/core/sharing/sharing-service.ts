/**
 * The sharing service on one unlocked vault session (docs/sharing.md): export plans and sealed
 * exports with consent gating, opening / importing / extracting received exports, receipts, and
 * backups. `sharing-ops.ts` maps the `sharing(op, input)` operations onto it.
 */
import { randomUUID } from 'node:crypto';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { BackupStatus, ExportInput, ExportPlanInput } from '../../../shared/sharing/schemas.ts';
import { BACKUP_REMINDER_DAYS } from '../../../shared/sharing/schemas.ts';
import type { Sodium } from '../crypto/sodium.ts';
import type { IdentityService } from '../identity/identity-service.ts';
import type { VaultSession } from '../vault/session.ts';
import { createBackup } from './backup.ts';
import { recordContext, type SharingContext, type TaskOptions } from './context.ts';
import { createExport } from './exporter.ts';
import { buildPlan } from './plan.ts';
import { createReceipt, importReceipt } from './receipts.ts';
import { readReceivedRange, receivedFileInfo, verifyReceivedFile } from './received-files.ts';
import { extractReceivedFile, getReceived, listExports, listReceived } from './received-store.ts';
import { extractTo, importFile, verifyFile } from './receiver.ts';
import { createReportExport, type ReportExportRequest } from './report-export.ts';
import { importReport, markLoggedReports, markReceivedReports, receivedReport } from './report-receive.ts';
import { resolveCases } from './selection.ts';

export interface SharingServiceOptions {
  now?: () => Date;
  newId?: () => string;
  actor?: string;
  /** Argon2id cost of a backup's passphrase recipient (default: the format's moderate preset). */
  backupKdf?: { opslimit: number; memlimitKiB: number };
}

type Parsed<T> = Required<T>;

export class SharingService {
  readonly #ctx: SharingContext;
  readonly #backupKdf: SharingServiceOptions['backupKdf'];

  constructor(
    session: VaultSession,
    identity: IdentityService,
    sodium: Sodium,
    options: SharingServiceOptions = {},
  ) {
    this.#ctx = {
      session,
      identity,
      sodium,
      now: options.now ?? (() => new Date()),
      newId: options.newId ?? randomUUID,
      actor: options.actor ?? 'owner',
    };
    this.#backupKdf = options.backupKdf;
  }

  plan(input: Parsed<Omit<ExportPlanInput, never>>) {
    const cases = resolveCases(this.#ctx.session.db, input.caseCodes, input.caseIds);
    return buildPlan(recordContext(this.#ctx), this.#ctx.identity, {
      cases,
      recipientContactIds: input.recipientContactIds,
      mode: input.mode,
      includeEvidence: input.includeEvidence,
    }).plan;
  }

  export(input: Parsed<ExportInput>, task: TaskOptions = {}) {
    return createExport(this.#ctx, input, task);
  }

  exportsList() {
    return markLoggedReports(this.#ctx, listExports(this.#ctx));
  }

  verify(path: string) {
    return verifyFile(this.#ctx, path);
  }

  /** An export into the Received area; a sealed report (kind `report`) through report-receive.ts. */
  async import(path: string, task: TaskOptions = {}) {
    let id: string;
    try {
      ({ id } = await importFile(this.#ctx, path, task));
    } catch (error) {
      // The kind is checked with the signed manifest, at the start of the file: a report is refused
      // by importFile before the rest is read, and imported here instead.
      if (!(error instanceof CaseVaultError && error.detail === 'unexpected kind report')) throw error;
      ({ id } = await importReport(this.#ctx, path, task));
    }
    return this.receivedGet(id);
  }

  extractTo(path: string, outDir: string, task: TaskOptions = {}) {
    return extractTo(this.#ctx, path, outDir, task);
  }

  receivedList() {
    return markReceivedReports(this.#ctx, listReceived(this.#ctx));
  }

  receivedGet(id: string) {
    return markReceivedReports(this.#ctx, [getReceived(this.#ctx, id)])[0]!;
  }

  /** A built report sealed to contacts (report-export.ts). */
  reportExport(input: ReportExportRequest, task: TaskOptions = {}) {
    return createReportExport(this.#ctx, input, task);
  }

  /** A received report's model, validated, for the read-only view. */
  receivedReport(id: string) {
    return receivedReport(this.#ctx, id);
  }

  receivedFileExtract(id: string, outPath: string) {
    return extractReceivedFile(this.#ctx, id, outPath);
  }

  /** What a received file is (type, metadata); `view` also logs a viewing (received-files.ts). */
  receivedFileInfo(id: string, view: boolean) {
    return receivedFileInfo(this.#ctx, id, { view });
  }

  receivedFileRange(id: string, start: number, end: number) {
    return readReceivedRange(this.#ctx, id, start, end);
  }

  receivedFileVerify(id: string, task: TaskOptions = {}) {
    return verifyReceivedFile(this.#ctx, id, task.signal);
  }

  receiptCreate(input: { receivedId: string; outPath: string; note?: string | undefined }) {
    return createReceipt(this.#ctx, input);
  }

  receiptImport(path: string) {
    return importReceipt(this.#ctx, path);
  }

  backup(input: { outPath: string; backupPassphrase: string; passphrase: string }, task: TaskOptions = {}) {
    return createBackup(this.#ctx, input, task, this.#backupKdf ? { kdf: this.#backupKdf } : {});
  }

  backupStatus(): BackupStatus {
    const last = this.#ctx.session.db.prepare('SELECT max(created_at) FROM sharing_backups').pluck().get() as
      | string
      | null;
    const due =
      last === null ||
      this.#ctx.now().getTime() - Date.parse(last) > BACKUP_REMINDER_DAYS * 24 * 60 * 60 * 1000;
    return { lastBackupAt: last, reminderDays: BACKUP_REMINDER_DAYS, reminderDue: due };
  }
}
