/**
 * The fixed table from a reports operation to the ReportsService call that answers it, used by the
 * vault worker (VaultService.reports). `list` and `build` answer the `reports:*` channels; `render`
 * and `record-export` are main's own steps when it saves a report (main never gets a path from the
 * renderer). An unknown operation is refused.
 */
import { CaseVaultError, type Language } from '../../../shared/errors.ts';
import type { ReportQuery } from '../../../shared/reports/model.ts';
import type { ReportFormat } from './render.ts';
import type { ReportsService } from './reports-service.ts';

type RenderInput = ReportQuery & { format: ReportFormat; lang: Language };

const OPS: Record<string, (service: ReportsService, input: never) => unknown> = {
  list: (s) => s.list(),
  build: (s, i: ReportQuery) => s.build(i),
  render: (s, i: RenderInput) => {
    const { format, lang, ...query } = i;
    const { report, bytes } = s.render(query, format, lang);
    return { bytes, reportId: report.reportId, from: report.period.from, to: report.period.to };
  },
  'record-export': (s, i: RenderInput) => {
    const { format, lang: _lang, ...query } = i;
    s.recordExport(s.build(query), format, 'app');
    return { ok: true };
  },
};

export const REPORTS_OPS = Object.keys(OPS);

export function runReportsOp(service: ReportsService, op: string, input: unknown): unknown {
  if (!Object.hasOwn(OPS, op)) throw new CaseVaultError('INVALID_INPUT', 'operation');
  return OPS[op]!(service, input as never);
}
