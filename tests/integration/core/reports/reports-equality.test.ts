/**
 * The report engine was rewritten for speed (facts by column, lookups loaded once per build instead
 * of SQL joins row by row; docs/benchmarks.md, Reports). Nothing it publishes may change: for
 * several generated vaults (seeds, consent rates, a date range crossing years) plus hand-made
 * records on period boundaries, every ready-made report — counts, statuses (small, protected),
 * statistics, rates, labels, cases left out for consent — must equal, cell by cell, what the
 * previous engine (frozen in bench/previous-report-engine/) builds from the same vault.
 * reports.test.ts checks the same models against an independent recount.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUniverse as previousUniverse } from '../../../../bench/previous-report-engine/engine.ts';
import { buildUniverse, type Universe } from '../../../../electron/core/reports/engine.ts';
import { reportFromUniverse } from '../../../../electron/core/reports/report-model.ts';
import { REPORT_DEFINITIONS } from '../../../../shared/reports/definitions.ts';
import type { ReportModel } from '../../../../shared/reports/model.ts';
import { openReportsFixture, type ReportsFixture, TODAY } from './fixture.ts';

const VAULTS = [
  { cases: 260, seed: 3, from: '2024-11-01', to: '2026-01-10', consentRate: 0.85 },
  { cases: 220, seed: 17, from: '2025-01-01', to: '2025-12-31', consentRate: 0.6 },
  { cases: 180, seed: 42, from: '2025-03-15', to: '2025-07-15', consentRate: 0.95 },
] as const;

const PERIODS = [
  { from: '2025-01-01', to: '2025-12-31', granularity: 'month' },
  { from: '2025-01-01', to: '2025-12-31', granularity: 'quarter' },
  { from: '2025-04-01', to: '2025-06-30', granularity: 'month' },
  { from: '2025-03-31', to: '2025-04-01', granularity: 'quarter' },
  { from: '2024-12-01', to: '2026-01-15', granularity: 'quarter' },
] as const;

/** Records dated on the boundaries of the periods above, and the edge cases of each dimension. */
function addBoundaryRecords(fx: ReportsFixture): void {
  const r = fx.records;
  const person = (data: Record<string, unknown>) => r.create('person', { alias: 'Bord', ...data }).id;
  const kase = (code: string, data: Record<string, unknown>) =>
    r.create('case', { code, kind: 'mrm-monitoring', title: 'Bord', openedOn: '2025-03-31', ...data }).id;
  const consent = (caseId: string, personId: string, data: Record<string, unknown>) =>
    r.create('consent', {
      caseId,
      personId,
      givenBy: 'survivor',
      dataLevel: 'identifying',
      recipientKinds: ['coordination', 'medical'],
      purposes: 'Statistiques',
      method: 'verbal',
      recordedBy: 'Agent',
      givenOn: '2025-03-31',
      anonymisedStatistics: true,
      ...data,
    }).id;
  for (const [n, day] of ['2025-03-31', '2025-04-01', '2025-06-30', '2025-12-31', '2026-01-01'].entries()) {
    const survivor = person(n % 2 ? { ageYears: 4 + n } : { ageGroup: '12-17', sex: 'female' });
    const c = kase(`EDGE-${n}`, {
      openedOn: day,
      status: 'closed',
      closedOn: n % 2 || day > '2025-12-31' ? day : '2025-12-31',
      location: n === 0 ? { country: 'SN' } : { country: 'SN', region: 'Dakar' },
    });
    r.linkPerson(c, survivor, 'survivor');
    // A consent withdrawn exactly today, one withdrawn the day after: only the first leaves out.
    const k = consent(
      c,
      survivor,
      n === 3 ? { withdrawnOn: TODAY } : n === 4 ? { withdrawnOn: '2026-01-16' } : {},
    );
    for (const verification of ['verified', 'reported']) {
      r.create('incident', {
        caseId: c,
        occurredOn: day,
        kind: n % 2 ? 'mrm.abduction' : 'gbv.rape',
        verification,
        // Own region without a country (takes the case's country), own region, or the case's.
        ...(n === 1
          ? { location: { region: 'Kayes' } }
          : n === 2
            ? { location: { country: 'ML', region: 'Gao' } }
            : {}),
        people: n === 4 ? [] : [{ personId: survivor, role: 'victim' }],
      });
    }
    r.create('referral', {
      caseId: c,
      consentId: k,
      serviceKind: 'health',
      provider: 'Centre',
      referredOn: day,
      status: n % 2 ? 'completed' : 'pending',
      followUpOn: n === 2 ? '2025-06-30' : '2025-07-01',
    });
    r.create('riskEntry', {
      caseId: c,
      occurredAt: `${day}T23:30:00Z`,
      channel: 'sms',
      actorType: 'state',
      ...(n % 2 ? { threatKind: 'defender.threat' } : {}),
      severity: 1 + n,
      likelihood: 5 - n,
    });
    const plan = r.create('protectionPlan', { caseId: c, title: 'Plan' }).id;
    r.create('planMeasure', { planId: plan, phase: 'response', title: 'M', dueOn: day, status: 'planned' });
  }
}

const vaults: ReportsFixture[] = [];
beforeAll(async () => {
  for (const v of VAULTS) {
    const fx = await openReportsFixture(v.cases, v);
    addBoundaryRecords(fx);
    vaults.push(fx);
  }
});
afterAll(() => {
  for (const fx of vaults) fx.cleanup();
});

const models = (universe: Universe): ReportModel[] =>
  REPORT_DEFINITIONS.map((d) => reportFromUniverse(universe, d));

describe('the report engine gives the same reports as before its speed rewrite', () => {
  it('for every ready-made report, period, granularity and threshold, cell by cell', () => {
    let shown = 0;
    let hidden = 0;
    let excluded = 0;
    let compared = 0;
    for (const [v, fx] of vaults.entries()) {
      for (const period of PERIODS) {
        for (const threshold of [3, 5]) {
          const query = { ...period, threshold, today: TODAY };
          const now = models(buildUniverse(fx.session.db, query));
          // The previous engine's universe has the same shape; the model is built by the same code.
          const before = models(previousUniverse(fx.session.db, query) as unknown as Universe);
          for (const [i, model] of now.entries()) {
            const where = `vault ${v}, ${period.from}..${period.to} ${period.granularity}, t=${threshold}, ${model.reportId}`;
            if (!isDeepStrictEqual(model, before[i])) expect(model, where).toEqual(before[i]);
            compared++;
            excluded += model.notes.excludedForConsent.value ?? 0;
            for (const t of model.tables)
              for (const c of [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total]) {
                if (c.status === 'shown') shown++;
                else hidden++;
              }
          }
        }
      }
    }
    expect(compared).toBe(VAULTS.length * PERIODS.length * 2 * REPORT_DEFINITIONS.length);
    // Not vacuous: figures shown and hidden, cases left out.
    expect(shown).toBeGreaterThan(1000);
    expect(hidden).toBeGreaterThan(100);
    expect(excluded).toBeGreaterThan(20);
  });

  it('sees the boundary records (the period bounds are inclusive, as before)', () => {
    const fx = vaults[1]!;
    const q1 = models(
      buildUniverse(fx.session.db, { from: '2025-03-31', to: '2025-03-31', threshold: 3, today: TODAY }),
    );
    const intake = q1.find((m) => m.reportId === 'intake')!;
    const opened = intake.tables.find((t) => t.id === 'intake-by-kind-period')!.total;
    expect(opened.status === 'shown' ? opened.value : 1).toBeGreaterThanOrEqual(1);
  });
});
