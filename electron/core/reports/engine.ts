/**
 * The report engine: interprets the report definitions (shared/reports/definitions.ts) over the
 * vault's records. For a period and a threshold it computes EVERY table of EVERY definition — the
 * protected base — and runs disclosure control over all of them together, then returns the tables
 * of the report asked for. So any two reports over the same period and threshold hide the same
 * populations, and one cannot be subtracted from the other to reveal a small count.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { IsoDate } from '../../../shared/records/schemas.ts';
import { BUILTIN_INCIDENT_KINDS } from '../../../shared/records/taxonomies.ts';
import {
  REPORT_DEFINITIONS,
  REPORT_IDS,
  type ReportDefinition,
  type TableDefinition,
} from '../../../shared/reports/definitions.ts';
import {
  DIMENSIONS,
  type DimensionId,
  type Label,
  REGION_OTHER,
  REGION_UNKNOWN,
  type ReportUnit,
} from '../../../shared/reports/dimensions.ts';
import type { VaultDatabase } from '../db/open.ts';
import { addCell, type CellSpace, type Conditions, type Domains, relationsOf } from './cells.ts';
import { checkThreshold, isSmall, type ProtectionResult, protect, type Relation } from './disclosure.ts';
import { columnsOf, type FactColumns, lookupOf, recodeDimension } from './fact-columns.ts';
import { type Fact, type Granularity, loadFacts, periodsBetween } from './facts.ts';

export interface UniverseQuery {
  from: string;
  to: string;
  granularity?: Granularity;
  threshold?: number;
  /** YYYY-MM-DD; consents withdrawn by then do not count. */
  today: string;
  /** The definitions protected together (all built-in ones unless a test says otherwise). */
  definitions?: readonly ReportDefinition[];
}

/** One computed table before suppression: the keys of its cells and their true counts. */
export interface ComputedTable {
  def: TableDefinition;
  rows: string[];
  columns: string[];
  cellKeys: string[][];
  rowKeys: string[];
  columnKeys: string[];
  totalKey: string;
  /** Metric values per row (then the total), for median/mean tables. */
  metricValues: number[][] | null;
}

export interface Universe {
  from: string;
  to: string;
  granularity: Granularity;
  threshold: number;
  definitions: readonly ReportDefinition[];
  /** Per report id: distinct cases with a unit in its scope left out for lack of consent. */
  excluded: Map<string, number>;
  spaces: Map<ReportUnit, CellSpace>;
  tables: Map<string, ComputedTable>;
  protection: ProtectionResult;
  labels: Map<string, Label>;
}

const MAX_YEARS = 10;

export function checkPeriod(from: string, to: string): void {
  if (!IsoDate.safeParse(from).success || !IsoDate.safeParse(to).success || from > to)
    throw new CaseVaultError('REPORT_PERIOD_INVALID');
  const limit = `${String(Number(from.slice(0, 4)) + MAX_YEARS).padStart(4, '0')}${from.slice(4)}`;
  if (to > limit) throw new CaseVaultError('REPORT_PERIOD_INVALID', `${MAX_YEARS} years`);
}

export function definitionOf(reportId: string, definitions = REPORT_DEFINITIONS): ReportDefinition {
  const def = definitions.find((d) => d.id === reportId);
  if (!def) throw new CaseVaultError('REPORT_UNKNOWN', REPORT_IDS.join(', '));
  return def;
}

function expand(patterns: readonly string[], domain: readonly string[]): string[] {
  return domain.filter((v) =>
    patterns.some((p) => (p.endsWith('.*') ? v.startsWith(p.slice(0, -1)) : v === p)),
  );
}

export interface CustomKind {
  code: string;
  fr: string;
  en: string;
}

function unitDomains(
  customKinds: readonly CustomKind[],
  unit: ReportUnit,
  facts: FactColumns,
  periods: string[],
  threshold: number,
  labels: Map<string, Label>,
): Domains {
  const domains: Domains = new Map();
  for (const [id, def] of Object.entries(DIMENSIONS) as Array<
    [DimensionId, (typeof DIMENSIONS)[DimensionId]]
  >) {
    if (!def.units.includes(unit)) continue;
    if (def.values) {
      domains.set(
        id,
        def.values.map((t) => t.code),
      );
      for (const t of def.values) labels.set(`${id}:${t.code}`, { fr: t.fr, en: t.en });
    }
  }
  domains.set('period', periods);
  for (const p of periods) labels.set(`period:${p}`, { en: p, fr: p.replace('-Q', '-T') });
  if (DIMENSIONS.region.units.includes(unit)) {
    // A region is named only if it holds at least `threshold` counted units of this kind; the rest
    // become "other regions", so no table ever names a place where one or two things happened.
    const named: string[] = [];
    const column = facts.dims.get('region');
    if (column) {
      const counts = new Uint32Array(column.values.length);
      for (let i = 0; i < facts.length; i++) if (facts.eligible[i]) counts[column.codes[i]!]! += 1;
      for (const [code, n] of counts.entries())
        if (column.values[code] !== 'unknown' && n >= threshold) named.push(column.values[code]!);
      named.sort();
    }
    const keep = new Set(named);
    recodeDimension(facts, 'region', (r) => (r !== 'unknown' && !keep.has(r) ? 'other' : r));
    domains.set('region', [...named, 'other', 'unknown']);
    for (const r of named) {
      const [country, name] = r.split('|') as [string, string];
      const label = country ? `${name} (${country})` : name;
      labels.set(`region:${r}`, { en: label, fr: label });
    }
    labels.set('region:other', { en: REGION_OTHER.en, fr: REGION_OTHER.fr });
    labels.set('region:unknown', { en: REGION_UNKNOWN.en, fr: REGION_UNKNOWN.fr });
  }
  if (unit === 'incident') {
    const kinds = [...BUILTIN_INCIDENT_KINDS, ...customKinds];
    domains.set(
      'incidentKind',
      kinds.map((k) => k.code),
    );
    for (const k of kinds) labels.set(`incidentKind:${k.code}`, { fr: k.fr, en: k.en });
  }
  return domains;
}

function computeTable(space: CellSpace, facts: FactColumns, def: TableDefinition): ComputedTable {
  const filters = new Map<DimensionId, Set<string>>();
  for (const f of def.filters) {
    const allowed = expand(f.in, space.domains.get(f.dim) ?? []);
    const prior = filters.get(f.dim);
    filters.set(f.dim, new Set(prior ? allowed.filter((v) => prior.has(v)) : allowed));
  }
  const axis = (dim: DimensionId | undefined) => {
    if (!dim) return [];
    const domain = space.domains.get(dim) ?? [];
    const filter = filters.get(dim);
    return filter ? domain.filter((v) => filter.has(v)) : [...domain];
  };
  const rows = axis(def.rows);
  const columns = axis(def.columns);
  const rowIndex = new Map(rows.map((v, i) => [v, i]));
  const colIndex = new Map(columns.map((v, i) => [v, i]));
  const width = Math.max(columns.length, 1);
  const counts = rows.map(() => new Array<number>(width).fill(0));
  const metricValues = def.measure.kind === 'count' ? null : [...rows, 'total'].map(() => [] as number[]);
  // One pass over the facts: every dimension value is looked up by its code in a small table.
  const tests = [...filters].map(([dim, allowed]) => lookupOf(facts, dim, (v) => (allowed.has(v) ? 1 : 0)));
  const row = lookupOf(facts, def.rows, (v) => rowIndex.get(v) ?? -1);
  const column = def.columns ? lookupOf(facts, def.columns, (v) => colIndex.get(v) ?? -1) : null;
  const metric = def.measure.kind === 'count' ? undefined : facts.metrics.get(def.measure.of);
  const flat = new Uint32Array(rows.length * width);
  next: for (let i = 0; i < facts.length; i++) {
    if (!facts.eligible[i]) continue;
    for (const t of tests) if (t.table[t.codes[i]!] === 0) continue next;
    const r = row.table[row.codes[i]!]!;
    if (r < 0) continue;
    const c = column ? column.table[column.codes[i]!]! : 0;
    if (c < 0) continue;
    flat[r * width + c]! += 1;
    if (metricValues && metric) {
      const m = metric[i]!;
      if (!Number.isNaN(m)) {
        metricValues[r]!.push(m);
        metricValues[rows.length]!.push(m);
      }
    }
  }
  for (let r = 0; r < rows.length; r++) for (let c = 0; c < width; c++) counts[r]![c] = flat[r * width + c]!;
  const base: Conditions = new Map([...filters].map(([d, s]) => [d, [...s]]));
  const withValues = (pairs: Array<[DimensionId, string]>): Conditions => {
    const c: Conditions = new Map(base);
    for (const [d, v] of pairs) c.set(d, [v]);
    return c;
  };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rowTotals = counts.map(sum);
  const rowKeys = rows.map((v, r) => addCell(space, withValues([[def.rows, v]]), rowTotals[r]!));
  const cellKeys = def.columns
    ? rows.map((rv, r) =>
        columns.map((cv, c) =>
          addCell(
            space,
            withValues([
              [def.rows, rv],
              [def.columns!, cv],
            ]),
            counts[r]![c]!,
          ),
        ),
      )
    : [];
  const columnKeys = def.columns
    ? columns.map((cv, c) =>
        addCell(space, withValues([[def.columns!, cv]]), sum(counts.map((row) => row[c]!))),
      )
    : [];
  const totalKey = addCell(space, withValues([]), sum(rowTotals));
  return { def, rows, columns, cellKeys, rowKeys, columnKeys, totalKey, metricValues };
}

/** Computes and protects every table of every definition for the period and threshold. */
export function buildUniverse(db: VaultDatabase, query: UniverseQuery): Universe {
  checkPeriod(query.from, query.to);
  checkThreshold(query.threshold);
  const granularity = query.granularity ?? 'month';
  const definitions = query.definitions ?? REPORT_DEFINITIONS;
  const fq = { from: query.from, to: query.to, granularity, today: query.today };
  const units = new Set(definitions.flatMap((d) => d.tables.map((t) => t.unit)));
  const facts = new Map<ReportUnit, FactColumns>();
  for (const unit of units) facts.set(unit, loadFacts(db, unit, fq));
  const customKinds = db
    .prepare('SELECT code, label_fr AS fr, label_en AS en FROM custom_kinds ORDER BY code')
    .all() as CustomKind[];
  return universeFromColumns(facts, customKinds, query);
}

/** universeFromColumns over facts given as objects (tests generate them so). */
export function universeFromFacts(
  facts: Map<ReportUnit, Fact[]>,
  customKinds: readonly CustomKind[],
  query: Omit<UniverseQuery, 'today'>,
): Universe {
  const columns = new Map([...facts].map(([unit, list]) => [unit, columnsOf(unit, list)]));
  return universeFromColumns(columns, customKinds, query);
}

/**
 * The pure half of buildUniverse: from facts already loaded, computes every table, the relations
 * between their cells, and the protection. It consumes the facts: their regions are recoded in
 * place (small regions become "other").
 */
export function universeFromColumns(
  facts: Map<ReportUnit, FactColumns>,
  customKinds: readonly CustomKind[],
  query: Omit<UniverseQuery, 'today'>,
): Universe {
  checkPeriod(query.from, query.to);
  const threshold = checkThreshold(query.threshold);
  const granularity = query.granularity ?? 'month';
  const definitions = query.definitions ?? REPORT_DEFINITIONS;
  const periods = periodsBetween(query.from, query.to, granularity);
  const labels = new Map<string, Label>();
  const spaces = new Map<ReportUnit, CellSpace>();
  const tables = new Map<string, ComputedTable>();
  for (const def of definitions) {
    for (const table of def.tables) {
      let space = spaces.get(table.unit);
      const unitFacts = facts.get(table.unit) ?? columnsOf(table.unit, []);
      if (!space) {
        space = {
          unit: table.unit,
          domains: unitDomains(customKinds, table.unit, unitFacts, periods, threshold, labels),
          cells: new Map(),
        };
        spaces.set(table.unit, space);
      }
      tables.set(table.id, computeTable(space, unitFacts, table));
    }
  }
  const values = new Map<string, number>();
  const relations: Relation[] = [];
  for (const space of spaces.values()) {
    for (const [key, cell] of space.cells) values.set(key, cell.value);
    relations.push(...relationsOf(space, threshold));
  }
  const protection = protect(values, relations, threshold);
  const excluded = new Map(definitions.map((def) => [def.id, excludedFor(def, facts, spaces)]));
  // The universe keeps counts and keys only, not the facts: it may be cached (ReportsService).
  return {
    from: query.from,
    to: query.to,
    granularity,
    threshold,
    definitions,
    excluded,
    spaces,
    tables,
    protection,
    labels,
  };
}

/** Whether a published key is hidden, and how. */
export function statusOf(universe: Universe, key: string): 'shown' | 'small' | 'protected' {
  if (universe.protection.primary.has(key)) return 'small';
  if (universe.protection.secondary.has(key)) return 'protected';
  return 'shown';
}

export function countOf(universe: Universe, key: string): number {
  for (const space of universe.spaces.values()) {
    const cell = space.cells.get(key);
    if (cell) return cell.value;
  }
  throw new Error('unknown cell');
}

/** Distinct cases left out for consent that have a unit in the report's scope. */
function excludedFor(
  def: ReportDefinition,
  facts: Map<ReportUnit, FactColumns>,
  spaces: Map<ReportUnit, CellSpace>,
): number {
  const ids = new Set<string>();
  for (const table of def.tables) {
    const space = spaces.get(table.unit)!;
    const unitFacts = facts.get(table.unit);
    if (!unitFacts) continue;
    const tests = table.filters.map((f) => {
      const allowed = new Set(expand(f.in, space.domains.get(f.dim) ?? []));
      return lookupOf(unitFacts, f.dim, (v) => (allowed.has(v) ? 1 : 0));
    });
    next: for (let i = 0; i < unitFacts.length; i++) {
      if (unitFacts.eligible[i]) continue;
      for (const t of tests) if (t.table[t.codes[i]!] === 0) continue next;
      ids.add(unitFacts.caseIds[i]!);
    }
  }
  return ids.size;
}

export function excludedCases(universe: Universe, def: ReportDefinition): number {
  return universe.excluded.get(def.id) ?? 0;
}

export { isSmall };
