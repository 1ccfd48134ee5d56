/**
 * IPC channels for reports (`reports:*`). A report crosses IPC only as its protected table model:
 * hidden cells carry no value. Saving a report as CSV is one call: main builds the bytes in the
 * vault worker, asks the user where to save with the system dialog and writes the file itself —
 * the renderer never sends a path.
 */
import { z } from 'zod';
import { IsoDate } from '../records/schemas.ts';
import { DIMENSION_IDS, METRICS, REPORT_UNITS } from '../reports/dimensions.ts';
import { REPORT_FORMAT } from '../reports/model.ts';

const LabelSchema = z.object({ fr: z.string(), en: z.string() }).strict();
const Axis = z.object({ code: z.string(), label: LabelSchema }).strict();
const Cell = z
  .object({ status: z.enum(['shown', 'small', 'protected']), value: z.number().int().min(0).nullable() })
  .strict()
  .refine((c) => (c.status === 'shown') === (c.value !== null), {
    message: 'a hidden cell carries no value',
  });
const Stat = z
  .object({
    n: Cell,
    median: z.number().nullable(),
    q1: z.number().nullable(),
    q3: z.number().nullable(),
    mean: z.number().nullable(),
  })
  .strict();
const Dim = z.object({ id: z.enum(DIMENSION_IDS), label: LabelSchema }).strict();

export const ReportTableSchema = z
  .object({
    id: z.string(),
    label: LabelSchema,
    unit: z.enum(REPORT_UNITS),
    unitLabel: LabelSchema,
    measure: z.union([
      z.object({ kind: z.literal('count') }).strict(),
      z.object({ kind: z.enum(['median', 'mean']), of: z.enum(METRICS), label: LabelSchema }).strict(),
    ]),
    chart: z.enum(['bar', 'stacked-bar', 'line', 'none']),
    rowDimension: Dim,
    columnDimension: Dim.nullable(),
    rows: z.array(Axis),
    columns: z.array(Axis),
    cells: z.array(z.array(Cell)),
    rowTotals: z.array(Cell),
    columnTotals: z.array(Cell),
    total: Cell,
    statistics: z.array(Stat).nullable(),
    rates: z
      .object({ of: Axis, rows: z.array(z.number().nullable()), total: z.number().nullable() })
      .strict()
      .nullable(),
  })
  .strict();

export const ReportModelSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    reportId: z.string(),
    label: LabelSchema,
    description: LabelSchema,
    period: z
      .object({ from: z.string(), to: z.string(), granularity: z.enum(['month', 'quarter']) })
      .strict(),
    threshold: z.number().int(),
    notes: z.object({ excludedForConsent: Cell, suppressedCells: z.number().int() }).strict(),
    tables: z.array(ReportTableSchema),
  })
  .strict();

export const ReportQuerySchema = z
  .object({
    reportId: z.string().min(1).max(60),
    from: IsoDate,
    to: IsoDate,
    granularity: z.enum(['month', 'quarter']).optional(),
    /** The core refuses below 3 with REPORT_THRESHOLD_INVALID (a coded error, not a bad envelope). */
    threshold: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export const reportsContract = {
  'reports:list': {
    input: z.object({}).strict(),
    output: z.array(
      z
        .object({
          id: z.string(),
          label: LabelSchema,
          description: LabelSchema,
          tables: z.array(z.object({ id: z.string(), label: LabelSchema, chart: z.string() }).strict()),
        })
        .strict(),
    ),
  },
  'reports:build': { input: ReportQuerySchema, output: ReportModelSchema },
  /** Main saves the CSV where the user chooses; `saved: false` when the dialog was cancelled. */
  'reports:export-csv': {
    input: ReportQuerySchema.extend({ lang: z.enum(['fr', 'en']) }).strict(),
    output: z.object({ saved: z.boolean(), fileName: z.string().optional() }).strict(),
  },
} as const;

export type ReportsChannel = keyof typeof reportsContract;
export const REPORTS_CHANNELS = Object.keys(reportsContract) as ReportsChannel[];
export type ReportQueryInput = z.output<typeof ReportQuerySchema>;
