/**
 * Canonical cells: every published count is the number of units of one kind matching a set of
 * conditions (dimension → allowed values). Two tables that count the same population get the same
 * key, so they share one suppression decision. From the keys alone this module derives the linear
 * relations an attacker knows between published counts — margins, and nested populations whose
 * difference is a count nobody published (docs/reports.md, "Differencing").
 *
 * Conditions are kept as bit masks over each dimension's domain, so that "is this population inside
 * that one" is a few word operations: the nested-pair search is quadratic in the number of cells.
 */
import type { DimensionId, ReportUnit } from '../../../shared/reports/dimensions.ts';
import { isSmall, type Relation } from './disclosure.ts';

export type Domains = Map<DimensionId, readonly string[]>;
export type Conditions = Map<DimensionId, readonly string[]>;

interface DimIndex {
  dim: DimensionId;
  values: readonly string[];
  index: Map<string, number>;
  words: number;
}

export interface Cell {
  /** Restricted dimensions only (a dimension allowing its whole domain is absent). */
  masks: Map<DimensionId, Uint32Array>;
  value: number;
}

export interface CellSpace {
  unit: ReportUnit;
  domains: Domains;
  /** Published cells by key. */
  cells: Map<string, Cell>;
  /** Filled lazily from `domains`. */
  dims?: DimIndex[];
}

function dimsOf(space: CellSpace): DimIndex[] {
  space.dims ??= [...space.domains.keys()].sort().map((dim) => {
    const values = space.domains.get(dim)!;
    return {
      dim,
      values,
      index: new Map(values.map((v, i) => [v, i])),
      words: Math.ceil(values.length / 32) || 1,
    };
  });
  return space.dims;
}

const popcount = (mask: Uint32Array) => {
  let n = 0;
  for (let w of mask) {
    while (w) {
      w &= w - 1;
      n++;
    }
  }
  return n;
};

function keyOf(space: CellSpace, masks: Map<DimensionId, Uint32Array>): string {
  let key = space.unit;
  for (const d of dimsOf(space)) {
    const m = masks.get(d.dim);
    if (m) key += `|${d.dim}=${Array.from(m, (w) => w.toString(16)).join('.')}`;
  }
  return key;
}

/** The key of a population; `conditions` may name values outside the domain (they match nothing). */
export function masksOf(space: CellSpace, conditions: Conditions): Map<DimensionId, Uint32Array> {
  const masks = new Map<DimensionId, Uint32Array>();
  for (const d of dimsOf(space)) {
    const allowed = conditions.get(d.dim);
    if (!allowed) continue;
    const mask = new Uint32Array(d.words);
    for (const v of allowed) {
      const i = d.index.get(v);
      if (i !== undefined) mask[i >>> 5]! |= 1 << (i & 31);
    }
    if (popcount(mask) === d.values.length) continue;
    masks.set(d.dim, mask);
  }
  return masks;
}

export function cellKey(space: CellSpace, conditions: Conditions): string {
  return keyOf(space, masksOf(space, conditions));
}

/** Adds a published cell; the same key counted twice must agree (one population, one count). */
export function addCell(space: CellSpace, conditions: Conditions, value: number): string {
  const masks = masksOf(space, conditions);
  const key = keyOf(space, masks);
  const known = space.cells.get(key);
  if (known && known.value !== value) throw new Error(`inconsistent counts for ${key}`);
  space.cells.set(key, { masks, value });
  return key;
}

function fullMask(d: DimIndex): Uint32Array {
  const mask = new Uint32Array(d.words);
  for (let i = 0; i < d.values.length; i++) mask[i >>> 5]! |= 1 << (i & 31);
  return mask;
}

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
  const dims = dimsOf(space);
  const full = dims.map(fullMask);
  const segment = (d: DimIndex, mask: Uint32Array | undefined) =>
    mask ? `|${d.dim}=${Array.from(mask, (w) => w.toString(16)).join('.')}` : '';
  // The key segment of each single value, per dimension ('' when the domain has one value).
  const singles = dims.map((d) =>
    d.values.map((_, i) => {
      if (d.values.length === 1) return '';
      const m = new Uint32Array(d.words);
      m[i >>> 5] = 1 << (i & 31);
      return segment(d, m);
    }),
  );
  const entries = [...space.cells];
  for (const [key, cell] of entries) {
    const segments = dims.map((d) => segment(d, cell.masks.get(d.dim)));
    for (const [k, d] of dims.entries()) {
      const allowed = cell.masks.get(d.dim) ?? full[k]!;
      const members: number[] = [];
      for (let i = 0; i < d.values.length; i++) if (allowed[i >>> 5]! & (1 << (i & 31))) members.push(i);
      if (members.length < 2) continue;
      const before = space.unit + segments.slice(0, k).join('');
      const after = segments.slice(k + 1).join('');
      const parts = members.map((i) => before + singles[k]![i]! + after);
      const published = parts.filter((p) => space.cells.has(p));
      if (published.length === 0) continue;
      if (published.length === parts.length) {
        relations.push({ whole: key, parts: published });
      } else {
        const rest = cell.value - published.reduce((sum, p) => sum + space.cells.get(p)!.value, 0);
        if (isSmall(rest, threshold))
          relations.push({ whole: key, parts: published, hidden: { id: `${key}/${d.dim}`, value: rest } });
      }
    }
  }
  // Nested pairs: X inside W on every dimension, with a small difference. Sorted by value, each W
  // looks only at cells 1 to threshold − 1 below it.
  const all = entries
    .map(([key, cell]) => ({
      key,
      value: cell.value,
      masks: dims.map((d, k) => cell.masks.get(d.dim) ?? full[k]!),
    }))
    .sort((a, b) => a.value - b.value);
  let low = 0;
  for (const w of all) {
    while (low < all.length && all[low]!.value <= w.value - threshold) low++;
    for (let n = low; n < all.length && all[n]!.value < w.value; n++) {
      const x = all[n]!;
      let inside = true;
      for (let k = 0; k < dims.length && inside; k++) {
        const xm = x.masks[k]!;
        const wm = w.masks[k]!;
        for (let j = 0; j < xm.length; j++)
          if ((xm[j]! & ~wm[j]!) !== 0) {
            inside = false;
            break;
          }
      }
      if (inside)
        relations.push({
          whole: w.key,
          parts: [x.key],
          hidden: { id: `${w.key}-${x.key}`, value: w.value - x.value },
        });
    }
  }
  return relations;
}
