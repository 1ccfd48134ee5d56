/** How the measures board orders and flags protection-plan measures. */

export interface MeasureLike {
  id: string;
  phase: string;
  status: string;
  dueOn?: string;
  title: string;
}

export const PHASES = ['prevention', 'response', 'follow-up'] as const;
const OPEN = new Set(['planned', 'in-progress']);

export function isOverdue(measure: MeasureLike, today: string): boolean {
  return OPEN.has(measure.status) && Boolean(measure.dueOn) && measure.dueOn! < today;
}

/**
 * Overdue first (oldest due date first), then the other open measures by due date (undated last),
 * then done, then cancelled.
 */
export function orderMeasures<M extends MeasureLike>(measures: readonly M[], today: string): M[] {
  const rank = (m: M) => (isOverdue(m, today) ? 0 : OPEN.has(m.status) ? 1 : m.status === 'done' ? 2 : 3);
  return [...measures].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (a.dueOn && b.dueOn) return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0;
    if (a.dueOn) return -1;
    if (b.dueOn) return 1;
    return a.title.localeCompare(b.title);
  });
}

export function groupByPhase<M extends MeasureLike>(
  measures: readonly M[],
  today: string,
): Record<string, M[]> {
  const groups: Record<string, M[]> = Object.fromEntries(PHASES.map((p) => [p, [] as M[]]));
  for (const m of orderMeasures(measures, today)) {
    groups[m.phase] ??= [];
    groups[m.phase]!.push(m);
  }
  return groups;
}
