/**
 * A report that came from someone else (a sealed report export, docs/sharing.md §Reports) is
 * checked before anything draws it: a signed file from a known sender can still be malformed, or
 * carry a figure its own threshold forbids. `parseReceivedReport` accepts only a `casevault.report/1`
 * model (shared/ipc/reports-contract.ts ReportModelSchema) that is bounded, internally consistent
 * (every row has its cells and totals), protected (no hidden cell has a value, no shown count lies
 * between 1 and threshold − 1) and that is the report its manifest announces.
 */
import type { z } from 'zod';
import { ReportModelSchema } from '../ipc/reports-contract.ts';
import type { ReportModel } from './model.ts';

export const RECEIVED_REPORT_BOUNDS = {
  tables: 64,
  rows: 2_000,
  columns: 500,
  labelChars: 500,
} as const;

export interface ReportAnnouncement {
  reportId: string;
  from: string;
  to: string;
  granularity: 'month' | 'quarter';
  threshold: number;
}

type Cell = { status: string; value: number | null };

/** Why a parsed model may not be drawn, or null when it may. */
export function reportModelProblem(model: ReportModel): string | null {
  const { threshold } = model;
  if (threshold < 3) return 'threshold';
  if (model.tables.length > RECEIVED_REPORT_BOUNDS.tables) return 'tables';
  const labels = [model.label, model.description];
  const cells: Cell[] = [model.notes.excludedForConsent];
  for (const [i, t] of model.tables.entries()) {
    const at = `tables.${i}`;
    if (t.rows.length > RECEIVED_REPORT_BOUNDS.rows) return `${at}.rows`;
    if (t.columns.length > RECEIVED_REPORT_BOUNDS.columns) return `${at}.columns`;
    if ((t.columnDimension === null) !== (t.columns.length === 0)) return `${at}.columns`;
    // A one-dimensional table has an empty cell row per row (or none at all).
    if (t.cells.length !== t.rows.length && !(t.columnDimension === null && t.cells.length === 0))
      return `${at}.cells`;
    if (t.cells.some((row) => row.length !== t.columns.length)) return `${at}.cells`;
    if (t.rowTotals.length !== t.rows.length) return `${at}.rowTotals`;
    if (t.columnTotals.length !== t.columns.length) return `${at}.columnTotals`;
    if (t.statistics && t.statistics.length !== t.rows.length + 1) return `${at}.statistics`;
    if (t.rates && t.rates.rows.length !== t.rows.length) return `${at}.rates`;
    labels.push(t.label, t.unitLabel, t.rowDimension.label, ...t.rows.map((r) => r.label));
    labels.push(...t.columns.map((c) => c.label));
    if (t.columnDimension) labels.push(t.columnDimension.label);
    cells.push(...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total);
    for (const s of t.statistics ?? []) {
      cells.push(s.n);
      // A statistic is shown only over a shown count of at least the threshold.
      const allowed = s.n.status === 'shown' && (s.n.value ?? 0) >= threshold;
      if (!allowed && [s.median, s.q1, s.q3, s.mean].some((v) => v !== null)) return `${at}.statistics`;
    }
    if (t.rates) {
      for (const v of [...t.rates.rows, t.rates.total])
        if (v !== null && !(v >= 0 && v <= 1)) return `${at}.rates`;
    }
  }
  for (const label of labels) {
    if (
      label.fr.length > RECEIVED_REPORT_BOUNDS.labelChars ||
      label.en.length > RECEIVED_REPORT_BOUNDS.labelChars
    )
      return 'label';
  }
  for (const c of cells) {
    // The schema already refuses a hidden cell with a value; a shown small count is a leak too.
    if (c.status === 'shown' && c.value !== null && c.value > 0 && c.value < threshold)
      return 'small count shown';
  }
  return null;
}

export type ReceivedReportResult = { ok: true; model: ReportModel } | { ok: false; problem: string };

/** The model file's text, checked; `announced` is what the signed manifest says it is. */
export function parseReceivedReport(text: string, announced: ReportAnnouncement): ReceivedReportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const parsed = ReportModelSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, problem: first?.path.join('.') || first?.message || 'schema' };
  }
  const model = parsed.data as ReportModel;
  const problem = reportModelProblem(model);
  if (problem) return { ok: false, problem };
  const same =
    model.reportId === announced.reportId &&
    model.period.from === announced.from &&
    model.period.to === announced.to &&
    model.period.granularity === announced.granularity &&
    model.threshold === announced.threshold;
  return same ? { ok: true, model } : { ok: false, problem: 'not the report the manifest announces' };
}

/** The IPC-side view of the same schema (the renderer validates what main hands it). */
export const ReceivedReportModel = ReportModelSchema.superRefine((model, ctx) => {
  const problem = reportModelProblem(model as ReportModel);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
export type ReceivedReportModelView = z.output<typeof ReceivedReportModel>;
