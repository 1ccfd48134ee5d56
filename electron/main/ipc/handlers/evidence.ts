/**
 * Evidence handlers: tokens become paths here (files/file-tokens.ts), the save dialog is main's,
 * and every call goes to the vault service in the worker. Nothing here reads or writes a file.
 */
import { CaseVaultError, type ErrorCode, serializeError } from '../../../../shared/errors.ts';
import type { EvidenceDetail, EvidenceItem, EvidenceViewInfo } from '../../../../shared/evidence/schemas.ts';
import { type EvidenceOutput, TEXT_PREVIEW_BYTES } from '../../../../shared/ipc/evidence-contract.ts';
import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

/** Errors after which the rest of a batch cannot succeed either. */
const STOP_BATCH: ReadonlySet<ErrorCode> = new Set(['VAULT_LOCKED', 'RECORD_NOT_FOUND', 'RECORD_INVALID']);

export function registerEvidenceHandlers(register: Register, deps: IpcDeps): void {
  const evidence = (op: string, input: unknown, task?: { taskId: string }) =>
    deps.service.evidence(op, input, task);

  register('evidence:add', async (request) => {
    deps.activity();
    // All tokens are spent up front (all or nothing): a refused batch leaves them usable.
    const files = deps.fileTokens.take(request.tokens);
    const task = deps.tasks.begin(request.taskId, files.length);
    const outcome: EvidenceOutput<'evidence:add'> = { items: [], failed: [], cancelled: false };
    try {
      for (const [index, file] of files.entries()) {
        if (task.cancelled) break;
        const serviceTaskId = task.startFile(index, file.name, file.size);
        try {
          const adding = evidence(
            'add',
            {
              caseId: request.caseId,
              incidentId: request.incidentId,
              riskEntryId: request.riskEntryId,
              path: file.path,
              originalName: file.name,
              capturedAt: request.capturedAt,
              source: request.source,
              ocseaAcknowledged: request.ocseaAcknowledged,
            },
            { taskId: serviceTaskId },
          );
          // A cancel that came between startFile and the call above found no service task to stop.
          if (task.cancelled) void deps.service.cancel(serviceTaskId);
          const item = (await adding) as EvidenceItem;
          outcome.items.push(item);
          task.finishFile(file.size);
          deps.activity();
        } catch (error) {
          const { code } = serializeError(error);
          if (code === 'TASK_CANCELLED' && task.cancelled) break;
          if (code === 'TASK_CANCELLED') {
            // Stopped from inside (the vault locked mid-file): say so for this file and the rest.
            for (const rest of files.slice(index)) outcome.failed.push({ name: rest.name, code });
            break;
          }
          outcome.failed.push({ name: file.name, code });
          if (STOP_BATCH.has(code)) {
            for (const rest of files.slice(index + 1)) outcome.failed.push({ name: rest.name, code });
            break;
          }
        }
      }
      outcome.cancelled = task.cancelled;
      return outcome;
    } finally {
      task.end();
    }
  });

  register('task:cancel', async ({ taskId }) => {
    await deps.tasks.cancel(taskId);
    return { ok: true as const };
  });

  register(
    'evidence:list',
    async (input) => evidence('list', input) as Promise<EvidenceOutput<'evidence:list'>>,
  );
  register(
    'evidence:get',
    async (input) => evidence('get', input) as Promise<EvidenceOutput<'evidence:get'>>,
  );
  register('evidence:verify', async (input) => {
    deps.activity();
    return evidence('verify', input) as Promise<EvidenceOutput<'evidence:verify'>>;
  });
  register('evidence:redact', async (input) => {
    deps.activity();
    return evidence('redact', input) as Promise<EvidenceItem>;
  });
  register('evidence:delete', async (input) => {
    deps.activity();
    await evidence('delete', input);
    return { ok: true as const };
  });

  register('evidence:save-copy', async ({ id }) => {
    deps.activity();
    // The name comes from the vault, not from the renderer; the folder from the user, in the dialog.
    const detail = (await evidence('get', { id })) as EvidenceDetail;
    const outPath = await deps.saveDialog({
      defaultName: detail.item.originalName,
      filters: [
        { name: detail.item.detectedType.ext || '*', extensions: [detail.item.detectedType.ext || '*'] },
      ],
    });
    if (!outPath) return { saved: false };
    await evidence('extract', { id, outPath, purpose: 'extract' });
    return { saved: true };
  });

  register('evidence:read-text', async ({ id }) => {
    const info = (await evidence('view-start', { id })) as EvidenceViewInfo;
    if (info.mime !== 'text/plain') throw new CaseVaultError('INVALID_INPUT', 'not text');
    const length = Math.min(info.size, TEXT_PREVIEW_BYTES);
    const { bytes } = (await evidence('read-range', { id, start: 0, end: length })) as { bytes: Uint8Array };
    // `stream: true` keeps a character cut at the limit out instead of turning it into U+FFFD.
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes, { stream: length < info.size });
    bytes.fill(0);
    return { text, truncated: length < info.size, size: info.size };
  });
}
