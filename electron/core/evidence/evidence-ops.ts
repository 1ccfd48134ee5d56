/**
 * The fixed table from an evidence operation (service level: inputs carry real paths resolved by
 * main) to the EvidenceService call that answers it. Every input is parsed with its schema here,
 * so the worker never trusts a caller's shape; an unknown operation is refused.
 */

import type { z } from 'zod';
import { CaseVaultError } from '../../../shared/errors.ts';
import { EVIDENCE_OP_INPUTS, type EvidenceOp } from '../../../shared/evidence/schemas.ts';
import type { EvidenceService, TaskOptions } from './evidence-service.ts';

type Input<Op extends EvidenceOp> = z.output<(typeof EVIDENCE_OP_INPUTS)[Op]>;
type OpTable = { [Op in EvidenceOp]: (s: EvidenceService, input: Input<Op>, task: TaskOptions) => unknown };

const OK = { ok: true } as const;

export const EVIDENCE_OPS_TABLE: OpTable = {
  add: (s, i, t) => s.add(i, t),
  list: (s, i) => s.list(i),
  get: (s, i) => s.get(i.id),
  custody: (s, i) => s.custody(i.id),
  'view-start': (s, i) => s.viewStart(i.id),
  'read-range': (s, i) => s.readRange(i.id, i.start, i.end),
  extract: (s, i, t) => s.extract(i.id, i.outPath, i.purpose, t),
  verify: (s, i, t) => s.verify(i.ids, t),
  redact: (s, i, t) => s.redact(i.id, i.regions, t),
  delete: async (s, i) => {
    await s.delete(i.id);
    return OK;
  },
  check: (s, i, t) => s.check(i.repair, t),
};

export async function runEvidenceOp(
  service: EvidenceService,
  op: string,
  input: unknown,
  task: TaskOptions = {},
): Promise<unknown> {
  if (!Object.hasOwn(EVIDENCE_OPS_TABLE, op)) throw new CaseVaultError('INVALID_INPUT', 'operation');
  const parsed = EVIDENCE_OP_INPUTS[op as EvidenceOp].safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CaseVaultError('INVALID_INPUT', issue.path.join('.') || 'input');
  }
  const handler = EVIDENCE_OPS_TABLE[op as EvidenceOp] as (
    s: EvidenceService,
    i: unknown,
    t: TaskOptions,
  ) => unknown;
  return await handler(service, parsed.data, task);
}
