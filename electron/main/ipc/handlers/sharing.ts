/**
 * Sharing handlers: the renderer names cases, contacts, received exports and its own task ids;
 * every path comes from main — its save dialog for an export, a receipt or a backup, its open dialog
 * (or a `files:*` token) for a file to open. A verified file is remembered here under a random
 * `openId` so the import that follows reads the very file the user saw verified (the service also
 * re-verifies it while importing). Passphrases go straight to the service and are never logged.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rmdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { CaseVaultError, serializeError } from '../../../../shared/errors.ts';
import type { ReportModel } from '../../../../shared/reports/model.ts';
import type {
  BackupResult,
  BackupStatus,
  ExportLogEntry,
  ExportPlan,
  ExportResult,
  ExtractResult,
  ReceiptImportResult,
  ReceivedDetail,
  ReceivedSummary,
  ReportExportResult,
  VerifyReport,
} from '../../../../shared/sharing/schemas.ts';
import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

/** Exports, receipts and backups are all files of the export format (docs/export-format.md). */
export const EXPORT_FILTERS = [{ name: 'CaseVault', extensions: ['cvx'] }];
/** At most this many verified-but-not-imported files are remembered (oldest forgotten first). */
export const MAX_PENDING_OPENS = 16;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Verification failures the renderer shows as "this file did not verify" rather than as a crash. */
function isVerificationFailure(code: string): boolean {
  return code.startsWith('EXPORT_') || code === 'CARD_MALFORMED';
}

export function registerSharingHandlers(register: Register, deps: IpcDeps): void {
  const sharing = (op: string, input: unknown, task?: { taskId: string }) =>
    deps.service.sharing(op, input, task);
  const pending = new Map<string, { path: string; name: string }>();
  // Like file tokens, a verified-but-not-imported file is forgotten when the vault locks.
  deps.service.onLocked(() => pending.clear());

  /** Runs one service operation as a renderer-named task: progress relayed, `task:cancel` honoured. */
  async function asTask<T>(
    taskId: string,
    name: string,
    run: (task: { taskId: string }) => Promise<T>,
  ): Promise<{ value: T } | { cancelled: true }> {
    const task = deps.tasks.begin(taskId, 1);
    try {
      const serviceTaskId = task.startFile(0, name, 0);
      const value = await run({ taskId: serviceTaskId });
      task.finishFile(0);
      return { value };
    } catch (error) {
      if (serializeError(error).code === 'TASK_CANCELLED' && task.cancelled) return { cancelled: true };
      throw error;
    } finally {
      task.end();
    }
  }

  /** A file to open: the renderer's token (from files:pick or a drop), else main's own dialog. */
  async function chooseFile(token: string | undefined): Promise<{ path: string; name: string } | undefined> {
    if (token !== undefined) {
      const [file] = deps.fileTokens.take([token]);
      return file ? { path: file.path, name: file.name } : undefined;
    }
    const [path] = await deps.openDialog({ multiple: false, filters: EXPORT_FILTERS });
    return path === undefined ? undefined : { path, name: basename(path) };
  }

  register('sharing:plan', async ({ caseIds, recipientIds, redacted }) => {
    deps.activity();
    return (await sharing('export-plan', {
      caseIds,
      recipientContactIds: recipientIds,
      mode: redacted ? 'redacted' : 'full',
      includeEvidence: true,
    })) as ExportPlan;
  });

  register('sharing:export', async (request) => {
    deps.activity();
    const outPath = await deps.saveDialog({
      defaultName: `casevault-export-${today()}.cvx`,
      filters: EXPORT_FILTERS,
    });
    if (outPath === undefined) return { saved: false as const, cancelled: false };
    const outcome = await asTask(
      request.taskId,
      basename(outPath),
      (task) =>
        sharing(
          'export',
          {
            caseIds: request.caseIds,
            recipientContactIds: request.recipientIds,
            mode: request.redacted ? 'redacted' : 'full',
            includeEvidence: true,
            purpose: request.purpose,
            outPath,
            passphrase: request.passphrase,
          },
          task,
        ) as Promise<ExportResult>,
    );
    if ('cancelled' in outcome) return { saved: false as const, cancelled: true };
    const result = outcome.value;
    return {
      saved: true as const,
      exportId: result.exportId,
      fileName: basename(result.outPath),
      sha256: result.fileSha256,
      bytes: result.bytes,
    };
  });

  register('sharing:open', async ({ token }) => {
    deps.activity();
    const file = await chooseFile(token);
    if (!file) return { cancelled: true as const };
    try {
      const report = (await sharing('open-verify', { path: file.path })) as VerifyReport;
      const openId = randomUUID();
      pending.set(openId, file);
      while (pending.size > MAX_PENDING_OPENS) pending.delete(pending.keys().next().value as string);
      return { cancelled: false as const, fileName: file.name, openId, report, failure: null };
    } catch (error) {
      const { code, detail } = serializeError(error);
      if (!isVerificationFailure(code)) throw error;
      return {
        cancelled: false as const,
        fileName: file.name,
        openId: null,
        report: null,
        failure: detail ? { code, detail } : { code },
      };
    }
  });

  register('sharing:import', async ({ openId, taskId }) => {
    deps.activity();
    const file = pending.get(openId);
    if (!file) throw new CaseVaultError('INVALID_INPUT', 'openId');
    pending.delete(openId);
    const outcome = await asTask(
      taskId,
      file.name,
      (task) =>
        sharing('open-import', { path: file.path }, task) as Promise<{ id?: string; receivedId?: string }>,
    );
    if ('cancelled' in outcome) throw new CaseVaultError('TASK_CANCELLED');
    const receivedId = outcome.value.receivedId ?? outcome.value.id;
    if (typeof receivedId !== 'string') throw new CaseVaultError('INTERNAL', 'received id');
    return { receivedId };
  });

  register('sharing:extract', async ({ openId, taskId }) => {
    deps.activity();
    const file = pending.get(openId);
    if (!file) throw new CaseVaultError('INVALID_INPUT', 'openId');
    // The save dialog names a folder that does not exist yet; main creates it (never an existing
    // one: `mkdir` without `recursive` refuses), so nothing of the user's is mixed with the files.
    const outDir = await deps.saveDialog({
      defaultName: file.name.replace(/\.cvx$/i, '') || 'casevault-export',
      filters: [],
    });
    if (outDir === undefined) return { saved: false as const, cancelled: false };
    try {
      await mkdir(outDir, { mode: 0o700 });
    } catch {
      throw new CaseVaultError('FILE_EXISTS', 'folder');
    }
    try {
      const outcome = await asTask(
        taskId,
        file.name,
        (task) =>
          sharing(
            'extract-to',
            { path: file.path, outDir, acceptPlaintext: true },
            task,
          ) as Promise<ExtractResult>,
      );
      if ('cancelled' in outcome) {
        await rmdir(outDir).catch(() => {});
        return { saved: false as const, cancelled: true };
      }
      return { saved: true as const, folderName: basename(outDir), files: outcome.value.files.length };
    } catch (error) {
      // The service removes what it wrote on failure; the folder main made goes too if empty.
      await rmdir(outDir).catch(() => {});
      throw error;
    }
  });

  register('sharing:discard', async ({ openId }) => {
    pending.delete(openId);
    return { ok: true as const };
  });

  register('sharing:received-list', async () => (await sharing('received-list', {})) as ReceivedSummary[]);
  register(
    'sharing:received-get',
    async ({ id }) => (await sharing('received-get', { id })) as ReceivedDetail,
  );

  register('sharing:received-file-save', async ({ receivedId, fileId }) => {
    deps.activity();
    // The name comes from the vault (as received), not from the renderer; the folder from the user.
    const received = (await sharing('received-get', { id: receivedId })) as ReceivedDetail;
    const file = received.fileList.find((entry) => entry.id === fileId);
    if (!file) throw new CaseVaultError('INVALID_INPUT', 'fileId');
    const outPath = await deps.saveDialog({ defaultName: file.name, filters: [] });
    if (outPath === undefined) return { saved: false };
    await sharing('received-file-extract', { id: fileId, outPath });
    return { saved: true };
  });

  register('sharing:receipt-create', async ({ receivedId, note }) => {
    deps.activity();
    const received = (await sharing('received-get', { id: receivedId })) as ReceivedDetail;
    const outPath = await deps.saveDialog({
      defaultName: `casevault-receipt-${received.exportId.slice(0, 8)}.cvx`,
      filters: EXPORT_FILTERS,
    });
    if (outPath === undefined) return { saved: false as const };
    await sharing('receipt-create', note ? { receivedId, outPath, note } : { receivedId, outPath });
    return { saved: true as const, fileName: basename(outPath) };
  });

  register('sharing:receipt-import', async ({ token }) => {
    deps.activity();
    const file = await chooseFile(token);
    if (!file) return { cancelled: true as const };
    const result = (await sharing('receipt-import', { path: file.path })) as ReceiptImportResult;
    return { cancelled: false as const, result };
  });

  register('sharing:exports-log', async () => (await sharing('exports-list', {})) as ExportLogEntry[]);
  register('sharing:backup-status', async () => (await sharing('backup-status', {})) as BackupStatus);

  register('sharing:backup', async ({ taskId, backupPassphrase, passphrase }) => {
    deps.activity();
    const outPath = await deps.saveDialog({
      defaultName: `casevault-backup-${today()}.cvx`,
      filters: EXPORT_FILTERS,
    });
    if (outPath === undefined) return { saved: false as const, cancelled: false };
    const outcome = await asTask(
      taskId,
      basename(outPath),
      (task) => sharing('backup', { outPath, backupPassphrase, passphrase }, task) as Promise<BackupResult>,
    );
    if ('cancelled' in outcome) return { saved: false as const, cancelled: true };
    return {
      saved: true as const,
      fileName: basename(outcome.value.outPath),
      sha256: outcome.value.fileSha256,
    };
  });

  register('sharing:report-export', async (request) => {
    deps.activity();
    const outPath = await deps.saveDialog({
      defaultName: `casevault-report-${request.query.reportId}-${today()}.cvx`,
      filters: EXPORT_FILTERS,
    });
    if (outPath === undefined) return { saved: false as const, cancelled: false };
    const outcome = await asTask(
      request.taskId,
      basename(outPath),
      (task) =>
        sharing(
          'report-export',
          {
            query: request.query,
            lang: request.lang,
            recipientContactIds: request.recipientIds,
            purpose: request.purpose,
            outPath,
            passphrase: request.passphrase,
          },
          task,
        ) as Promise<ReportExportResult>,
    );
    if ('cancelled' in outcome) return { saved: false as const, cancelled: true };
    const result = outcome.value;
    return {
      saved: true as const,
      exportId: result.exportId,
      fileName: basename(result.outPath),
      sha256: result.fileSha256,
      bytes: result.bytes,
    };
  });

  register('sharing:received-report', async ({ id }) => {
    deps.activity();
    return (await sharing('received-report', { id })) as ReportModel;
  });
}
