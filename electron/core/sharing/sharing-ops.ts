/**
 * The fixed table from a sharing operation (service level: inputs carry real paths resolved by
 * main) to the SharingService call that answers it. Every input is parsed with its schema here
 * (shared/sharing/schemas.ts SHARING_OP_INPUTS); an unknown operation is refused. Results never
 * carry a secret key or a passphrase.
 */
import type { z } from 'zod';
import { CaseVaultError } from '../../../shared/errors.ts';
import { SHARING_OP_INPUTS, type SharingOp } from '../../../shared/sharing/schemas.ts';
import type { TaskOptions } from './context.ts';
import type { SharingService } from './sharing-service.ts';

type Input<Op extends SharingOp> = z.output<(typeof SHARING_OP_INPUTS)[Op]>;
type OpTable = { [Op in SharingOp]: (s: SharingService, input: Input<Op>, task: TaskOptions) => unknown };

export const SHARING_OPS_TABLE: OpTable = {
  'export-plan': (s, i) => s.plan(i),
  export: (s, i, t) => s.export(i, t),
  'exports-list': (s) => s.exportsList(),
  'open-verify': (s, i) => s.verify(i.path),
  'open-import': (s, i, t) => s.import(i.path, t),
  'extract-to': (s, i, t) => s.extractTo(i.path, i.outDir, t),
  'received-list': (s) => s.receivedList(),
  'received-get': (s, i) => s.receivedGet(i.id),
  'received-file-extract': (s, i) => s.receivedFileExtract(i.id, i.outPath),
  'receipt-create': (s, i) => s.receiptCreate(i),
  'receipt-import': (s, i) => s.receiptImport(i.path),
  backup: (s, i, t) => s.backup(i, t),
  'backup-status': (s) => s.backupStatus(),
  'received-file-info': (s, i) => s.receivedFileInfo(i.id, false),
  'received-file-view': (s, i) => s.receivedFileInfo(i.id, true),
  'received-file-read-range': (s, i) => s.receivedFileRange(i.id, i.start, i.end),
  'received-file-verify': (s, i, t) => s.receivedFileVerify(i.id, t),
  'report-export': (s, i, t) => s.reportExport(i, t),
  'received-report': (s, i) => s.receivedReport(i.id),
};

export async function runSharingOp(
  service: SharingService,
  op: string,
  input: unknown,
  task: TaskOptions = {},
): Promise<unknown> {
  if (!Object.hasOwn(SHARING_OPS_TABLE, op)) throw new CaseVaultError('INVALID_INPUT', 'operation');
  const parsed = SHARING_OP_INPUTS[op as SharingOp].safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CaseVaultError('INVALID_INPUT', issue.path.join('.') || 'input');
  }
  const handler = SHARING_OPS_TABLE[op as SharingOp] as (
    s: SharingService,
    i: unknown,
    t: TaskOptions,
  ) => unknown;
  return await handler(service, parsed.data, task);
}
