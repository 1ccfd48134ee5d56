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

  // Exact audit, repeated until no sensitive unknown is determined.
  for (;;) {
    const leak = findDetermined(kept, unknown);
    if (!leak) break;
    const around = kept.filter((r) => r.hidden?.id === leak || r.whole === leak || r.parts.includes(leak));
    let chosen = pick(candidates(around));
    if (chosen === undefined) chosen = pick(candidates(kept));
    if (chosen === undefined) break; // everything is suppressed already: nothing is published
    secondary.add(chosen);
  }
  return { primary, secondary };
}

const PRIMES = [67_108_859, 67_108_837] as const;

/**
 * The first unknown (suppressed key or small hidden part) that the relations determine exactly,
 * or undefined. Works per connected component of unknowns.
 */
export function findDetermined(
  relations: readonly Relation[],
  isUnknown: (key: string) => boolean,
): string | undefined {
  const equations: string[][] = [];
  const signs: number[][] = [];
  for (const r of relations) {
    const vars: string[] = [];
    const sg: number[] = [];
    if (isUnknown(r.whole)) {
      vars.push(r.whole);
      sg.push(1);
    }
    for (const p of r.parts)
      if (isUnknown(p)) {
        vars.push(p);
        sg.push(-1);
      }
    if (r.hidden) {
      vars.push(`hidden:${r.hidden.id}`);
      sg.push(-1);
    }
    if (vars.length > 0) {
      equations.push(vars);
      signs.push(sg);
    }
  }
  // Components of unknowns linked by equations (union-find).
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const vars of equations) {
    for (const v of vars) if (!parent.has(v)) parent.set(v, v);
    for (let i = 1; i < vars.length; i++) parent.set(find(vars[i]!), find(vars[0]!));
  }
  const byComponent = new Map<string, number[]>();
  equations.forEach((vars, i) => {
    const root = find(vars[0]!);
    const list = byComponent.get(root) ?? [];
    list.push(i);
    byComponent.set(root, list);
  });
  const roots = [...byComponent.keys()].sort();
  for (const root of roots) {
    const rows = byComponent.get(root)!;
    const vars = [...new Set(rows.flatMap((i) => equations[i]!))].sort();
    const index = new Map(vars.map((v, i) => [v, i]));
    const determined = PRIMES.map((p) =>
      determinedColumns(
        rows.map((i) => {
          const row = new Array<number>(vars.length).fill(0);
          equations[i]!.forEach((v, k) => {
            const col = index.get(v)!;
            row[col] = (row[col]! + signs[i]![k]! + p) % p;
          });
          return row;
        }),
        vars.length,
        p,
      ),
    );
    for (let col = 0; col < vars.length; col++) {
      if (determined.some((set) => set.has(col))) {
        const v = vars[col]!;
        return v.startsWith('hidden:') ? v.slice('hidden:'.length) : v;
      }
    }
  }
  return undefined;
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

/** Columns x_j with e_j in the row space (mod p): pivot columns whose RREF row has no free entry. */
function determinedColumns(matrix: number[][], columns: number, p: number): Set<number> {
  const m = matrix;
  const pivotOfRow: number[] = [];
  let row = 0;
  for (let col = 0; col < columns && row < m.length; col++) {
    let pivot = -1;
    for (let r = row; r < m.length; r++)
      if (m[r]![col] !== 0) {
        pivot = r;
        break;
      }
    if (pivot < 0) continue;
    [m[row], m[pivot]] = [m[pivot]!, m[row]!];
    const inv = inverse(m[row]![col]!, p);
    const pr = m[row]!;
    for (let c = col; c < columns; c++) pr[c] = (pr[c]! * inv) % p;
    for (let r = 0; r < m.length; r++) {
      if (r === row) continue;
      const factor = m[r]![col]!;
      if (factor === 0) continue;
      const rr = m[r]!;
      for (let c = col; c < columns; c++) {
        if (pr[c] === 0) continue;
        rr[c] = (rr[c]! - ((factor * pr[c]!) % p) + p) % p;
      }
    }
    pivotOfRow.push(col);
    row++;
  }
  const pivots = new Set(pivotOfRow);
  const out = new Set<number>();
  pivotOfRow.forEach((col, r) => {
    const pr = m[r]!;
    for (let c = 0; c < columns; c++) if (!pivots.has(c) && pr[c] !== 0) return;
    out.add(col);
  });
  return out;
}
