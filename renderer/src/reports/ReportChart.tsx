import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Language } from '../../../shared/errors.ts';
import type { ReportTableModel } from '../../../shared/reports/model.ts';

/** Okabe–Ito, readable by people with the common colour-vision deficiencies. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D00'];

interface Series {
  key: string;
  label: string;
}

/**
 * The chart of a table, from its SHOWN figures only: a hidden cell is a gap (null), never a
 * guess, and the note under the chart says so.
 */
export function chartData(table: ReportTableModel, language: Language) {
  const byPeriod = table.columnDimension?.id === 'period';
  let series: Series[];
  let data: Array<Record<string, string | number | null>>;
  if (table.columnDimension && byPeriod) {
    // Over time: the total per period (each kind's own line only on line charts, where a few
    // shown points still read); per-kind monthly cells are mostly small and hidden, see the table.
    const total = { key: 'total', label: table.unitLabel[language] };
    series =
      table.chart === 'line'
        ? [...table.rows.map((r) => ({ key: `r:${r.code}`, label: r.label[language] })), total]
        : [total];
    data = table.columns.map((c, j) => {
      const point: Record<string, string | number | null> = {
        x: c.label[language],
        total: table.columnTotals[j]!.value,
      };
      table.rows.forEach((r, i) => {
        point[`r:${r.code}`] = table.cells[i]![j]!.value;
      });
      return point;
    });
  } else if (table.columnDimension) {
    series = table.columns.map((c) => ({ key: `c:${c.code}`, label: c.label[language] }));
    data = table.rows.map((r, i) => {
      const point: Record<string, string | number | null> = { x: r.label[language] };
      table.columns.forEach((c, j) => {
        point[`c:${c.code}`] = table.cells[i]![j]!.value;
      });
      return point;
    });
  } else if (table.statistics) {
    const key = table.measure.kind === 'mean' ? 'mean' : 'median';
    series = [{ key, label: table.measure.kind === 'count' ? '' : table.measure.label[language] }];
    data = table.rows.map((r, i) => ({ x: r.label[language], [key]: table.statistics![i]![key] }));
  } else {
    series = [{ key: 'n', label: table.unitLabel[language] }];
    data = table.rows.map((r, i) => ({ x: r.label[language], n: table.rowTotals[i]!.value }));
  }
  return { series, data };
}

/** Longest category name drawn under a crowded axis, in characters. */
const MAX_TICK = 26;

export function ReportChart({ table, language }: { table: ReportTableModel; language: Language }) {
  const { t } = useTranslation();
  if (table.chart === 'none') return null;
  const { series, data } = chartData(table, language);
  const stacked = table.chart === 'stacked-bar';
  // Long category names (the violation kinds, in French especially) overlap when drawn level:
  // slant them and cut them short; the table below the chart gives every name in full.
  const crowded = data.length > 6 || data.reduce((n, d) => n + String(d.x).length, 0) > 80;
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="x"
        tick={{ fontSize: 11 }}
        interval={0}
        angle={crowded ? -30 : 0}
        textAnchor={crowded ? 'end' : 'middle'}
        height={crowded ? 110 : 30}
        tickFormatter={(value: string) =>
          crowded && value.length > MAX_TICK ? `${value.slice(0, MAX_TICK - 1)}…` : value
        }
      />
      <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
      <Tooltip cursor={false} itemStyle={{ color: '#1a1b1e' }} />
      {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
    </>
  );
  return (
    <figure className="report-chart" data-testid={`report-chart-${table.id}`} style={{ margin: 0 }}>
      {/* The table below is the accessible form of the chart: the drawing is hidden from assistive
          technology and kept out of the tab order (no recharts accessibility layer). */}
      <div style={{ width: '100%', height: 300 }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {table.chart === 'line' ? (
            <LineChart
              accessibilityLayer={false}
              data={data}
              margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            >
              {common}
              {series.map((s, i) => (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stroke={COLOURS[i % COLOURS.length]}
                  strokeWidth={2}
                  dot
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          ) : (
            <BarChart
              accessibilityLayer={false}
              data={data}
              margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            >
              {common}
              {series.map((s, i) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  fill={COLOURS[i % COLOURS.length]}
                  stackId={stacked ? 'a' : undefined}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
      <Text component="figcaption" size="xs" c="dimmed">
        {t('reports.chartNote')}
      </Text>
    </figure>
  );
}
