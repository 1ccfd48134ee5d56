/**
 * What a built report looks like once disclosure control has run: the table model the screens draw,
 * the CLI prints and the CSV/JSON renderers serialise (format `casevault.report/1`, docs/reports.md).
 * A suppressed cell carries NO value: the number never leaves the vault core.
 */
import type { DimensionId, Label, Metric, ReportUnit } from './dimensions.ts';

export const REPORT_FORMAT = 'casevault.report/1';

/**
 * `shown`: the count as is (0 or at least the threshold). `small`: a count from 1 to threshold − 1,
 * shown as "<threshold". `protected`: a larger count hidden so a small one cannot be worked out
 * from the totals (secondary suppression).
 */
export type CellStatus = 'shown' | 'small' | 'protected';

export interface ReportCell {
  status: CellStatus;
  value: number | null;
}

export interface AxisValue {
  code: string;
  label: Label;
}

export interface RowStatistic {
  /** The number of units the statistic is computed over (itself protected like any count). */
  n: ReportCell;
  /** Null unless n is shown and at least the threshold. */
  median: number | null;
  q1: number | null;
  q3: number | null;
  mean: number | null;
}

export interface ReportTableModel {
  id: string;
  label: Label;
  unit: ReportUnit;
  unitLabel: Label;
  measure: { kind: 'count' } | { kind: 'median' | 'mean'; of: Metric; label: Label };
  chart: 'bar' | 'stacked-bar' | 'line' | 'none';
  rowDimension: { id: DimensionId; label: Label };
  columnDimension: { id: DimensionId; label: Label } | null;
  rows: AxisValue[];
  /** Empty for a one-dimensional table: `rowTotals` then holds each row's count. */
  columns: AxisValue[];
  cells: ReportCell[][];
  rowTotals: ReportCell[];
  columnTotals: ReportCell[];
  total: ReportCell;
  /** For median/mean tables: one per row, then the total. */
  statistics: RowStatistic[] | null;
  /** Share (0–1) of each row in the `rateOf` column, null where either count is hidden. */
  rates: { of: AxisValue; rows: Array<number | null>; total: number | null } | null;
}

export interface ReportModel {
  format: typeof REPORT_FORMAT;
  reportId: string;
  label: Label;
  description: Label;
  period: { from: string; to: string; granularity: 'month' | 'quarter' };
  threshold: number;
  notes: {
    /** Cases with units in this report's scope left out because no consent allows statistics. */
    excludedForConsent: ReportCell;
    /** Counts hidden in this report (small and protected). */
    suppressedCells: number;
  };
  tables: ReportTableModel[];
}

export interface ReportQuery {
  reportId: string;
  from: string;
  to: string;
  granularity?: 'month' | 'quarter';
  threshold?: number;
}

/** How a cell reads in tables and CSV: the count, "<threshold" for a small count, "x" if protected. */
export function cellText(cell: ReportCell, threshold: number): string {
  if (cell.status === 'small') return `<${threshold}`;
  if (cell.status === 'protected') return 'x';
  return String(cell.value);
}
