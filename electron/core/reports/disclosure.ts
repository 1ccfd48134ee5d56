/**
 * Disclosure control: decides which counts of a set of linked tables may be shown.
 *
 * The input is every count that would be published (by a canonical key naming its population, so
 * the same population in two tables is ONE variable), and the linear relations an attacker knows
 * between them: `whole = Σ parts (+ hidden)`, e.g. a row total and its cells, or a reported figure
 * and the verified figure inside it (the hidden part being the unverified rest, never published but
 * derivable by subtraction).
 *
 * Rules (docs/reports.md, "Disclosure control"):
 * 1. Primary: a count from 1 to threshold − 1 is suppressed. Zero is shown: it is nobody.
 * 2. A hidden part from 1 to threshold − 1 must stay unknown too (differencing): a reported 7 next
 *    to a verified 5 would otherwise say "2 unverified".
 * 3. Secondary: no suppressed count and no small hidden part may be worked out exactly from the
 *    published figures. A quick pass gives every relation with exactly one unknown a second one
 *    (the smallest positive published member), until nothing changes; then an exact audit — the
 *    attacker's own linear algebra over all relations, component by component — finds any unknown
 *    that is still determined and suppresses one more figure next to it, until none is.
 *
 * Determinacy is decided in modular arithmetic with two primes: a variable counts as safe only if
 * neither prime finds it determined (a rank drop modulo p can only hide a dependency that exists
 * over the rationals if p divides a minor of the relation matrix; both dividing it is not a risk
 * that matters at these sizes, and the error direction of each single test is documented there).
 */
import { CaseVaultError } from '../../../shared/errors.ts';

export const DEFAULT_THRESHOLD = 5;
/** Below 3, "<3" would leave only 1 or 2: a single survivor would be nearly named. */
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 100;

/** The threshold to use, or REPORT_THRESHOLD_INVALID (never silently raised or lowered). */
export function checkThreshold(threshold: number | undefined): number {
  const t = threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(t) || t < MIN_THRESHOLD || t > MAX_THRESHOLD)
    throw new CaseVaultError('REPORT_THRESHOLD_INVALID', `${MIN_THRESHOLD}–${MAX_THRESHOLD}`);
  return t;
}

export interface Relation {
  whole: string;
  parts: readonly string[];
  /** A derivable but unpublished remainder: whole = Σ parts + hidden. */
  hidden?: { id: string; value: number };
}

export interface ProtectionResult {
  /** Counts from 1 to threshold − 1. */
  primary: Set<string>;
  /** Counts hidden so that no primary count or small hidden part can be worked out. */
  secondary: Set<string>;
}

export function isSmall(value: number, threshold: number): boolean {
  return value >= 1 && value < threshold;
}

/**
 * `values`: every published count by key. `relations`: the attacker's knowledge. Relations whose
 * hidden part is not small are dropped: an unknown that may take any value and sits in one relation
 * tells nothing about the others.
 */
export function protect(
  values: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  threshold: number,
): ProtectionResult {
  const primary = new Set<string>();
  for (const [key, value] of values) if (isSmall(value, threshold)) primary.add(key);
  const kept = relations.filter((r) => !r.hidden || isSmall(r.hidden.value, threshold));
  const secondary = new Set<string>();
  const unknown = (key: string) => primary.has(key) || secondary.has(key);

  const candidates = (rels: Iterable<Relation>): string[] => {
    const out = new Set<string>();
    for (const r of rels)
      for (const key of [r.whole, ...r.parts]) if (!unknown(key) && values.has(key)) out.add(key);
    return [...out];
  };
  // Smallest positive count first (a zero partner would let non-negativity pin the cell), then key.
  const pick = (keys: string[]): string | undefined =>
    keys.sort((a, b) => {
      const va = values.get(a)!;
      const vb = values.get(b)!;
      if ((va === 0) !== (vb === 0)) return va === 0 ? 1 : -1;
      return va - vb || (a < b ? -1 : a > b ? 1 : 0);
    })[0];

  // Quick pass: a relation with exactly one unknown gives it away.
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of kept) {
      const unknowns = [r.whole, ...r.parts].filter(unknown).length + (r.hidden ? 1 : 0);
      if (unknowns !== 1) continue;
      const chosen = pick(candidates([r]));
      if (chosen === undefined) continue;
      secondary.add(chosen);
      changed = true;
    }
  }

  // Exact audit, repeated until no sensitive unknown is determined. Each round hides one more figure
  // next to the first leak of every component that has one (components do not interact).
  for (;;) {
    const leaks = findAllDetermined(kept, unknown);
    if (leaks.length === 0) break;
    let added = false;
    for (const leak of leaks) {
      const around = kept.filter((r) => r.hidden?.id === leak || r.whole === leak || r.parts.includes(leak));
      let chosen = pick(candidates(around));
      if (chosen === undefined) chosen = pick(candidates(kept));
      if (chosen === undefined) continue;
      secondary.add(chosen);
      added = true;
    }
    if (!added) break; // everything is suppressed already: nothing is published
  }
  return { primary, secondary };
}

const PRIMES = [67_108_859, 67_108_837] as const;

/**
 * The first unknown (suppressed key or small hidden part) that the relations determine exactly,
 * or undefined.
 */
export function findDetermined(
  relations: readonly Relation[],
  isUnknown: (key: string) => boolean,
): string | undefined {
  return findAllDetermined(relations, isUnknown)[0];
}

/**
 * For each connected component of unknowns, the first unknown (in key order) that the relations
 * determine exactly, if any. A component is declared safe only when neither prime finds a
 * determined unknown in it.
 */
export function findAllDetermined(
  relations: readonly Relation[],
  isUnknown: (key: string) => boolean,
): string[] {
  const equations: Array<Map<string, number>> = [];
  for (const r of relations) {
    const eq = new Map<string, number>();
    const add = (v: string, sign: number) => eq.set(v, (eq.get(v) ?? 0) + sign);
    if (isUnknown(r.whole)) add(r.whole, 1);
    for (const p of r.parts) if (isUnknown(p)) add(p, -1);
    if (r.hidden) add(`hidden:${r.hidden.id}`, -1);
    for (const [v, c] of eq) if (c === 0) eq.delete(v);
    if (eq.size > 0) equations.push(eq);
  }
  // Components of unknowns linked by equations (union-find).
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const eq of equations) {
    const vars = [...eq.keys()];
    for (const v of vars) if (!parent.has(v)) parent.set(v, v);
    for (let i = 1; i < vars.length; i++) parent.set(find(vars[i]!), find(vars[0]!));
  }
  const byComponent = new Map<string, Array<Map<string, number>>>();
  for (const eq of equations) {
    const root = find(eq.keys().next().value!);
    const list = byComponent.get(root) ?? [];
    list.push(eq);
    byComponent.set(root, list);
  }
  const leaks: string[] = [];
  for (const root of [...byComponent.keys()].sort()) {
    const eqs = byComponent.get(root)!;
    const vars = [...new Set(eqs.flatMap((e) => [...e.keys()]))].sort();
    const index = new Map(vars.map((v, i) => [v, i]));
    for (const p of PRIMES) {
      const rows = eqs.map((e) => {
        const row = new Map<number, number>();
        for (const [v, c] of e) row.set(index.get(v)!, ((c % p) + p) % p);
        return row;
      });
      const determined = determinedColumns(rows, vars.length, p);
      if (determined.size > 0) {
        const v = vars[Math.min(...determined)]!;
        leaks.push(v.startsWith('hidden:') ? v.slice('hidden:'.length) : v);
        break;
      }
    }
  }
  return leaks;
}

function inverse(a: number, p: number): number {
  let [oldR, r] = [a, p];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % p) + p) % p;
}

/**
 * Columns x_j with e_j in the row space (mod p): pivot columns whose reduced row has no entry in a
 * non-pivot column. Rows are sparse (column → coefficient): relations touch few unknowns each.
 */
function determinedColumns(rows: Array<Map<number, number>>, columns: number, p: number): Set<number> {
  const pivotRows: Array<Map<number, number>> = [];
  const pivotCols: number[] = [];
  // Column → the rows (still unpivoted or pivot) holding it, kept up to date through elimination.
  const holders = new Map<number, Set<Map<number, number>>>();
  const hold = (row: Map<number, number>, col: number) => {
    const set = holders.get(col) ?? new Set<Map<number, number>>();
    holders.set(col, set);
    set.add(row);
  };
  for (const row of rows) for (const col of row.keys()) hold(row, col);
  const used = new Set<Map<number, number>>();
  for (let col = 0; col < columns; col++) {
    const candidates = [...(holders.get(col) ?? [])].filter((r) => !used.has(r) && r.get(col));
    if (candidates.length === 0) continue;
    // The sparsest row as pivot keeps fill-in low.
    const pivot = candidates.reduce((a, b) => (b.size < a.size ? b : a));
    used.add(pivot);
    const inv = inverse(pivot.get(col)!, p);
    for (const [c, v] of pivot) pivot.set(c, (v * inv) % p);
    for (const other of [...(holders.get(col) ?? [])]) {
      if (other === pivot) continue;
      const factor = other.get(col);
      if (!factor) continue;
      for (const [c, v] of pivot) {
        const next = ((other.get(c) ?? 0) - ((factor * v) % p) + p) % p;
        if (next === 0) {
          other.delete(c);
          holders.get(c)?.delete(other);
        } else {
          if (!other.has(c)) hold(other, c);
          other.set(c, next);
        }
      }
    }
    pivotRows.push(pivot);
    pivotCols.push(col);
  }
  const pivots = new Set(pivotCols);
  const out = new Set<number>();
  pivotRows.forEach((row, r) => {
    for (const c of row.keys()) if (!pivots.has(c)) return;
    out.add(pivotCols[r]!);
  });
  return out;
}
