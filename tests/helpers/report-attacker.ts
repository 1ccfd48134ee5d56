/**
 * An attacker on published reports, written apart from the engine (it shares no code with
 * electron/core/reports): it reads only what a recipient reads — the report models and the public
 * definitions — and tries to recover hidden cells.
 *
 * It splits the population into atoms (every combination of the values the tables distinguish,
 * plus "anything else" per dimension), writes every shown count as an equation over the atoms,
 * and decides by exact elimination (modulo a prime unrelated to the engine's) whether:
 * - a hidden cell's population is a linear combination of shown ones (then it is recovered);
 * - two shown cells, one population inside the other, differ by 1 to threshold − 1 (differencing).
 */
import { BUILTIN_INCIDENT_KINDS, PICK_LISTS } from '../../shared/records/taxonomies.ts';
import type { ReportDefinition, TableDefinition } from '../../shared/reports/definitions.ts';
import type { ReportCell, ReportModel } from '../../shared/reports/model.ts';

const P = 999_983;
const ELSE = '__else';

interface PublishedCell {
  where: string;
  unit: string;
  conditions: Map<string, Set<string>>;
  cell: ReportCell;
}

function expandFilter(patterns: readonly string[]): string[] {
  const universe = [
    ...BUILTIN_INCIDENT_KINDS.map((k) => k.code),
    ...PICK_LISTS.caseKind.map((k) => k.code),
    ...PICK_LISTS.verification.map((k) => k.code),
  ];
  const out = new Set<string>();
  for (const p of patterns) {
    if (p.endsWith('.*')) for (const c of universe) if (c.startsWith(p.slice(0, -1))) out.add(c);
    out.add(p);
  }
  return [...out].filter((c) => !c.endsWith('.*'));
}

/** Every count a recipient sees in a report, with the population it describes. */
export function publishedCells(report: ReportModel, defs: readonly ReportDefinition[]): PublishedCell[] {
  const def = defs.find((d) => d.id === report.reportId)!;
  const out: PublishedCell[] = [];
  for (const table of report.tables) {
    const tdef = def.tables.find((t) => t.id === table.id) as TableDefinition;
    const base = new Map<string, Set<string>>();
    for (const f of tdef.filters) {
      const values = new Set(expandFilter(f.in));
      const prior = base.get(f.dim);
      base.set(f.dim, prior ? new Set([...values].filter((v) => prior.has(v))) : values);
    }
    const make = (where: string, extra: Array<[string, string]>, cell: ReportCell): void => {
      const conditions = new Map([...base].map(([d, s]) => [d, new Set(s)]));
      for (const [d, v] of extra) conditions.set(d, new Set([v]));
      out.push({ where: `${report.reportId}/${table.id}/${where}`, unit: table.unit, conditions, cell });
    };
    const rowDim = table.rowDimension.id;
    const colDim = table.columnDimension?.id;
    for (const [i, r] of table.rows.entries()) {
      make(`row ${r.code}`, [[rowDim, r.code]], table.rowTotals[i]!);
      if (!colDim) continue;
      for (const [j, c] of table.columns.entries()) {
        const at: Array<[string, string]> = [
          [rowDim, r.code],
          [colDim, c.code],
        ];
        make(`cell ${r.code} × ${c.code}`, at, table.cells[i]![j]!);
      }
    }
    if (colDim)
      for (const [j, c] of table.columns.entries())
        make(`column ${c.code}`, [[colDim, c.code]], table.columnTotals[j]!);
    make('total', [], table.total);
  }
  return out;
}

function overlaps(a: PublishedCell, b: PublishedCell): boolean {
  if (a.unit !== b.unit) return false;
  for (const [d, s] of a.conditions) {
    const t = b.conditions.get(d);
    if (t && ![...s].some((v) => t.has(v))) return false;
  }
  return true;
}

export interface AttackResult {
  recovered: Array<{ where: string; value: number }>;
  differences: Array<{ whole: string; part: string; difference: number }>;
  atoms: number;
}

/**
 * Attacks the union of the given reports. `truth(cell)` is only used to report what a recovered
 * cell's value is (the attacker's algebra never reads it).
 */
export function attack(cells: PublishedCell[], threshold: number, maxAtoms = 60_000): AttackResult {
  const result: AttackResult = { recovered: [], differences: [], atoms: 0 };
  // Components: cells that can share atoms.
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  for (let i = 0; i < cells.length; i++)
    for (let j = i + 1; j < cells.length; j++) if (overlaps(cells[i]!, cells[j]!)) parent[find(i)] = find(j);
  const groups = new Map<number, PublishedCell[]>();
  cells.forEach((c, i) => {
    const g = groups.get(find(i)) ?? [];
    g.push(c);
    groups.set(find(i), g);
  });
  for (const group of groups.values()) {
    const dims = [...new Set(group.flatMap((c) => [...c.conditions.keys()]))].sort();
    const domains = dims.map((d) => [
      ...new Set([...group.flatMap((c) => [...(c.conditions.get(d) ?? [])]), ELSE]),
    ]);
    const atoms = domains.reduce((n, d) => n * d.length, 1);
    if (atoms > maxAtoms) throw new Error(`attack space too large (${atoms} atoms)`);
    result.atoms += atoms;
    const vector = (c: PublishedCell): Uint8Array => {
      const v = new Uint8Array(atoms);
      const allowed = dims.map((d, k) => {
        const s = c.conditions.get(d);
        return domains[k]!.map((value) => (s ? s.has(value) : true));
      });
      for (let a = 0; a < atoms; a++) {
        let rest = a;
        let inside = true;
        for (let k = dims.length - 1; k >= 0; k--) {
          const size = domains[k]!.length;
          if (!allowed[k]![rest % size]) {
            inside = false;
            break;
          }
          rest = Math.floor(rest / size);
        }
        if (inside) v[a] = 1;
      }
      return v;
    };
    const shown = group.filter((c) => c.cell.status === 'shown');
    const hidden = group.filter((c) => c.cell.status !== 'shown');
    const basis = new Basis(atoms);
    for (const c of shown) basis.add(Array.from(vector(c)));
    for (const c of hidden)
      if (basis.spans(Array.from(vector(c)))) result.recovered.push({ where: c.where, value: Number.NaN });
    // Differencing between two shown cells, one inside the other.
    const vectors = shown.map((c) => vector(c));
    for (let i = 0; i < shown.length; i++)
      for (let j = 0; j < shown.length; j++) {
        if (i === j) continue;
        const w = vectors[i]!;
        const x = vectors[j]!;
        let inside = true;
        for (let a = 0; a < atoms && inside; a++) if (x[a]! > w[a]!) inside = false;
        if (!inside) continue;
        const diff = shown[i]!.cell.value! - shown[j]!.cell.value!;
        if (diff >= 1 && diff < threshold)
          result.differences.push({ whole: shown[i]!.where, part: shown[j]!.where, difference: diff });
      }
  }
  return result;
}

/** Row-reduced basis modulo P, kept in echelon form with each pivot's row. */
class Basis {
  readonly rows: number[][] = [];
  readonly pivots: number[] = [];
  readonly size: number;
  constructor(size: number) {
    this.size = size;
  }

  #reduce(v: number[]): number[] {
    const out = v.map((x) => ((x % P) + P) % P);
    this.rows.forEach((row, r) => {
      const col = this.pivots[r]!;
      const f = out[col]!;
      if (f === 0) return;
      for (let c = 0; c < this.size; c++) if (row[c] !== 0) out[c] = (out[c]! - ((f * row[c]!) % P) + P) % P;
    });
    return out;
  }

  add(v: number[]): void {
    const r = this.#reduce(v);
    const col = r.findIndex((x) => x !== 0);
    if (col < 0) return;
    const inv = modInverse(r[col]!);
    for (let c = 0; c < this.size; c++) r[c] = (r[c]! * inv) % P;
    // Keep earlier rows reduced against the new pivot so reduction stays one pass.
    for (const row of this.rows) {
      const f = row[col]!;
      if (f === 0) continue;
      for (let c = 0; c < this.size; c++) if (r[c] !== 0) row[c] = (row[c]! - ((f * r[c]!) % P) + P) % P;
    }
    this.rows.push(r);
    this.pivots.push(col);
  }

  spans(v: number[]): boolean {
    return this.#reduce(v).every((x) => x === 0);
  }
}

function modInverse(a: number): number {
  let result = 1;
  let base = a % P;
  let e = P - 2;
  while (e > 0) {
    if (e & 1) result = (result * base) % P;
    base = (base * base) % P;
    e >>= 1;
  }
  return result;
}
