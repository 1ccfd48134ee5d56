/**
 * Canonical cells: every published count is the number of units of one kind matching a set of
 * conditions (dimension → allowed values). Two tables that count the same population get the same
 * key, so they share one suppression decision. From the keys alone this module derives the linear
 * relations an attacker knows between published counts — margins, and nested populations whose
 * difference is a count nobody published (docs/reports.md, "Differencing").
 */
import type { DimensionId, ReportUnit } from '../../../shared/reports/dimensions.ts';
import { isSmall, type Relation } from './disclosure.ts';

export type Domains = Map<DimensionId, readonly string[]>;
export type Conditions = Map<DimensionId, readonly string[]>;

export interface CellSpace {
  unit: ReportUnit;
  domains: Domains;
  /** Published cells: key → conditions (normalised) and count. */
  cells: Map<string, { conditions: Conditions; value: number }>;
}

/** Drops conditions that allow the whole domain, orders values by the domain, sorts dimensions. */
export function normalise(conditions: Conditions, domains: Domains): Conditions {
  const out: Conditions = new Map();
  for (const dim of [...conditions.keys()].sort()) {
    const domain = domains.get(dim) ?? [];
    const allowed = new Set(conditions.get(dim));
    const values = domain.filter((v) => allowed.has(v));
    if (values.length === domain.length) continue;
    out.set(dim, values);
  }
  return out;
}

export function cellKey(unit: ReportUnit, conditions: Conditions): string {
  return `${unit}|${[...conditions].map(([d, v]) => `${d}=${v.join(',')}`).join(';')}`;
}

/** Adds a published cell; the same key counted twice must agree (one population, one count). */
export function addCell(space: CellSpace, conditions: Conditions, value: number): string {
  const normal = normalise(conditions, space.domains);
  const key = cellKey(space.unit, normal);
  const known = space.cells.get(key);
  if (known && known.value !== value) throw new Error(`inconsistent counts for ${key}`);
  space.cells.set(key, { conditions: normal, value });
  return key;
}

const allowedOf = (conditions: Conditions, dim: DimensionId, domains: Domains) =>
  conditions.get(dim) ?? domains.get(dim) ?? [];

/**
 * Relations between the published cells of one unit:
 * - partitions: a cell and its parts along one dimension (`whole = Σ parts`), with the unpublished
 *   parts' sum as a hidden remainder when some parts are not published;
 * - nested pairs: for every published cell inside another, the difference as a hidden part.
 * Only small hidden parts matter (the others carry no information), so nested pairs are kept only
 * when their difference is small.
 */
export function relationsOf(space: CellSpace, threshold: number): Relation[] {
  const relations: Relation[] = [];
  const dims = [...space.domains.keys()];
  const entries = [...space.cells];
  for (const [key, cell] of entries) {
    for (const dim of dims) {
      const allowed = allowedOf(cell.conditions, dim, space.domains);
      if (allowed.length < 2) continue;
      const parts = allowed.map((v) => {
        const conditions: Conditions = new Map(cell.conditions);
        conditions.set(dim, [v]);
        return cellKey(space.unit, normalise(conditions, space.domains));
      });
      const published = parts.filter((p) => space.cells.has(p));
      if (published.length === 0) continue;
      if (published.length === parts.length) {
        relations.push({ whole: key, parts: published });
      } else {
        const rest = cell.value - published.reduce((sum, p) => sum + space.cells.get(p)!.value, 0);
        relations.push({ whole: key, parts: published, hidden: { id: `${key}/${dim}`, value: rest } });
      }
    }
  }
  // Nested pairs: X inside W on every dimension.
  const sets = entries.map(([key, cell]) => ({
    key,
    value: cell.value,
    allowed: new Map(dims.map((d) => [d, new Set(allowedOf(cell.conditions, d, space.domains))])),
  }));
  for (const w of sets) {
    for (const x of sets) {
      if (x === w || !isSmall(w.value - x.value, threshold)) continue;
      let inside = true;
      for (const d of dims) {
        const xs = x.allowed.get(d)!;
        const ws = w.allowed.get(d)!;
        if (xs.size > ws.size) {
          inside = false;
          break;
        }
        for (const v of xs)
          if (!ws.has(v)) {
            inside = false;
            break;
          }
        if (!inside) break;
      }
      if (!inside) continue;
      relations.push({
        whole: w.key,
        parts: [x.key],
        hidden: { id: `${w.key}-${x.key}`, value: w.value - x.value },
      });
    }
  }
  return relations;
}
