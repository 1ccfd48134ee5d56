/**
 * The facts of one counting unit, stored by column: for each dimension a small dictionary of the
 * values met and one integer code per fact; for each metric one number per fact (NaN when the fact
 * has none). A cold report over 100k cases counts ~460k units into ~20 tables; with one object per
 * fact the engine spent seconds in property and Set lookups (docs/benchmarks.md, Reports). Here a
 * table is one loop over typed arrays with a lookup table per dimension, built once per table.
 */
import type { DimensionId, Metric, ReportUnit } from '../../../shared/reports/dimensions.ts';

/** The dictionary value a fact gets for a dimension it has no value for: it matches no domain. */
export const NO_VALUE = '\u0000';

export interface DimColumn {
  /** Distinct values, by code. */
  values: string[];
  /** Each fact's code into `values`. */
  codes: Uint32Array;
}

export interface FactColumns {
  unit: ReportUnit;
  length: number;
  caseIds: string[];
  /** 1 if the fact's case may be counted (consent), else 0. */
  eligible: Uint8Array;
  dims: Map<DimensionId, DimColumn>;
  /** NaN where the fact has no value for the metric. */
  metrics: Map<Metric, Float64Array>;
}

/** The distinct values of one dimension and their codes, in order of first sight. */
export class Dictionary {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();

  code(value: string): number {
    let code = this.#index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.#index.set(value, code);
    }
    return code;
  }
}

/**
 * Collects at most `capacity` facts: `push` opens a fact and gives its index, then the loader sets
 * its codes (`codes[d][i] = dictionaries[d].code(value)`, or a code it cached) and metrics.
 */
export class FactColumnsBuilder {
  readonly dictionaries: Dictionary[];
  readonly codes: Uint32Array[];
  readonly metricValues: Float64Array[];
  readonly #unit: ReportUnit;
  readonly #dims: readonly DimensionId[];
  readonly #metrics: readonly Metric[];
  readonly #caseIds: string[] = [];
  readonly #eligible: Uint8Array;

  constructor(unit: ReportUnit, dims: readonly DimensionId[], metrics: readonly Metric[], capacity: number) {
    this.#unit = unit;
    this.#dims = dims;
    this.#metrics = metrics;
    this.dictionaries = dims.map(() => new Dictionary());
    this.codes = dims.map(() => new Uint32Array(capacity));
    this.metricValues = metrics.map(() => new Float64Array(capacity).fill(Number.NaN));
    this.#eligible = new Uint8Array(capacity);
  }

  push(caseId: string, eligible: boolean): number {
    const i = this.#caseIds.length;
    this.#caseIds.push(caseId);
    if (eligible) this.#eligible[i] = 1;
    return i;
  }

  /** Sets every dimension of fact `i` from values (in the constructor's order); a slower path. */
  setValues(i: number, values: ReadonlyArray<string | undefined>): void {
    for (let d = 0; d < this.#dims.length; d++)
      this.codes[d]![i] = this.dictionaries[d]!.code(values[d] ?? NO_VALUE);
  }

  finish(): FactColumns {
    const n = this.#caseIds.length;
    return {
      unit: this.#unit,
      length: n,
      caseIds: this.#caseIds,
      eligible: this.#eligible.slice(0, n),
      dims: new Map(
        this.#dims.map((dim, d) => [
          dim,
          { values: this.dictionaries[d]!.values, codes: this.codes[d]!.slice(0, n) },
        ]),
      ),
      metrics: new Map(this.#metrics.map((m, k) => [m, this.metricValues[k]!.slice(0, n)])),
    };
  }
}

/** Renames values of one dimension (several old values may become one); codes are remapped. */
export function recodeDimension(
  columns: FactColumns,
  dim: DimensionId,
  rename: (value: string) => string,
): void {
  const column = columns.dims.get(dim);
  if (!column) return;
  const values: string[] = [];
  const index = new Map<string, number>();
  const remap = column.values.map((old) => {
    const value = rename(old);
    let code = index.get(value);
    if (code === undefined) {
      code = values.length;
      values.push(value);
      index.set(value, code);
    }
    return code;
  });
  const codes = column.codes;
  for (let i = 0; i < codes.length; i++) codes[i] = remap[codes[i]!]!;
  columns.dims.set(dim, { values, codes });
}

/**
 * For each code of a dimension, `pick(value)` (e.g. a row index, or 1/0 for "allowed"), as a
 * lookup table; a dimension the unit does not have gives `missing` for every fact.
 */
export function lookupOf(
  columns: FactColumns,
  dim: DimensionId,
  pick: (value: string) => number,
): { codes: Uint32Array; table: Int32Array } {
  const column = columns.dims.get(dim) ?? {
    values: [NO_VALUE],
    codes: new Uint32Array(columns.length),
  };
  return { codes: column.codes, table: Int32Array.from(column.values, pick) };
}

/** Columns from facts given one by one (tests generate them so). */
export interface FactLike {
  caseId: string;
  eligible: boolean;
  dims: Partial<Record<DimensionId, string>>;
  metrics: Partial<Record<Metric, number>>;
}

export function columnsOf(unit: ReportUnit, facts: readonly FactLike[]): FactColumns {
  const dims = [...new Set(facts.flatMap((f) => Object.keys(f.dims) as DimensionId[]))];
  const metrics = [...new Set(facts.flatMap((f) => Object.keys(f.metrics) as Metric[]))];
  const builder = new FactColumnsBuilder(unit, dims, metrics, facts.length);
  for (const f of facts) {
    const i = builder.push(f.caseId, f.eligible);
    builder.setValues(
      i,
      dims.map((d) => f.dims[d]),
    );
    for (const [k, m] of metrics.entries()) builder.metricValues[k]![i] = f.metrics[m] ?? Number.NaN;
  }
  return builder.finish();
}
