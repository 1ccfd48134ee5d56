/**
 * Turns the protected universe into the table model of one report (shared/reports/model.ts). This is
 * where values leave the core, so it is the one place that decides what a hidden cell carries:
 * nothing but its status.
 */
import type { ReportDefinition } from '../../../shared/reports/definitions.ts';
import { DIMENSIONS, METRIC_LABELS, UNIT_LABELS } from '../../../shared/reports/dimensions.ts';
import {
  REPORT_FORMAT,
  type ReportCell,
  type ReportModel,
  type ReportTableModel,
  type RowStatistic,
} from '../../../shared/reports/model.ts';
import type { VaultDatabase } from '../db/open.ts';
import { isSmall } from './disclosure.ts';
import {
  buildUniverse,
  type ComputedTable,
  countOf,
  definitionOf,
  excludedCases,
  statusOf,
  type Universe,
  type UniverseQuery,
} from './engine.ts';

export interface ReportRequest extends UniverseQuery {
  reportId: string;
}

function cellOf(universe: Universe, key: string): ReportCell {
  const status = statusOf(universe, key);
  return { status, value: status === 'shown' ? countOf(universe, key) : null };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return round1(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo));
}

function statistic(universe: Universe, nKey: string, values: number[]): RowStatistic {
  const n = cellOf(universe, nKey);
  // A statistic is shown only over a shown count of at least the threshold, and only if every unit
  // of the count has the metric (otherwise it would be over a smaller, unprotected group).
  const ok =
    n.status === 'shown' &&
    n.value !== null &&
    n.value >= universe.threshold &&
    values.length >= universe.threshold;
  if (!ok) return { n, median: null, q1: null, q3: null, mean: null };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    mean: round1(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

function tableModel(universe: Universe, t: ComputedTable): ReportTableModel {
  const def = t.def;
  const label = (dim: string, code: string) =>
    universe.labels.get(`${dim}:${code}`) ?? { fr: code, en: code };
  const rowCells = t.rowKeys.map((k) => cellOf(universe, k));
  const colCells = t.columnKeys.map((k) => cellOf(universe, k));
  const total = cellOf(universe, t.totalKey);
  const cells = t.cellKeys.map((row) => row.map((k) => cellOf(universe, k)));
  let rates: ReportTableModel['rates'] = null;
  if (def.rateOf && def.columns) {
    const c = t.columns.indexOf(def.rateOf);
    const share = (part: ReportCell | undefined, whole: ReportCell) =>
      part?.status === 'shown' && whole.status === 'shown' && whole.value
        ? Math.round(((part.value ?? 0) / whole.value) * 1000) / 1000
        : null;
    rates = {
      of: { code: def.rateOf, label: label(def.columns, def.rateOf) },
      rows: cells.map((row, r) => share(row[c], rowCells[r]!)),
      total: share(colCells[c], total),
    };
  }
  const statistics =
    def.measure.kind === 'count' || !t.metricValues
      ? null
      : [...t.rowKeys, t.totalKey].map((key, i) => statistic(universe, key, t.metricValues![i]!));
  return {
    id: def.id,
    label: def.label,
    unit: def.unit,
    unitLabel: UNIT_LABELS[def.unit],
    measure:
      def.measure.kind === 'count'
        ? { kind: 'count' }
        : { kind: def.measure.kind, of: def.measure.of, label: METRIC_LABELS[def.measure.of] },
    chart: def.chart,
    rowDimension: { id: def.rows, label: DIMENSIONS[def.rows].label },
    columnDimension: def.columns ? { id: def.columns, label: DIMENSIONS[def.columns].label } : null,
    rows: t.rows.map((code) => ({ code, label: label(def.rows, code) })),
    columns: t.columns.map((code) => ({ code, label: label(def.columns!, code) })),
    cells,
    rowTotals: rowCells,
    columnTotals: colCells,
    total,
    statistics,
    rates,
  };
}

export function reportFromUniverse(universe: Universe, def: ReportDefinition): ReportModel {
  const tables = def.tables.map((t) => tableModel(universe, universe.tables.get(t.id)!));
  const excluded = excludedCases(universe, def);
  let suppressed = 0;
  for (const t of tables)
    for (const c of [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total])
      if (c.status !== 'shown') suppressed++;
  return {
    format: REPORT_FORMAT,
    reportId: def.id,
    label: def.label,
    description: def.description,
    period: { from: universe.from, to: universe.to, granularity: universe.granularity },
    threshold: universe.threshold,
    notes: {
      excludedForConsent: isSmall(excluded, universe.threshold)
        ? { status: 'small', value: null }
        : { status: 'shown', value: excluded },
      suppressedCells: suppressed,
    },
    tables,
  };
}

/** Builds one report; every built-in definition is protected with it (engine.ts). */
export function buildReport(db: VaultDatabase, request: ReportRequest): ReportModel {
  const def = definitionOf(request.reportId, request.definitions);
  const universe = buildUniverse(db, request);
  return reportFromUniverse(universe, def);
}
