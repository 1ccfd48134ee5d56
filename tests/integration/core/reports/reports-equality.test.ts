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

/**
 * Since migration 0012 an incident's survivor (age group, sex) is kept on the incident's row by
 * triggers. After every kind of edit that can change it — or that changes what an incident takes
 * from its case or consent — the reports must still equal the previous engine's, which resolves
 * everything from the live records.
 */
describe('the reports stay equal to the previous engine through edits (migration 0012 columns)', () => {
  let fx: ReportsFixture;
  beforeAll(async () => {
    fx = await openReportsFixture(60, { seed: 5, from: '2025-01-01', to: '2025-12-31', consentRate: 0.8 });
  });
  afterAll(() => fx.cleanup());

  const sameAsBefore = (step: string) => {
    for (const granularity of ['month', 'quarter'] as const) {
      const query = { from: '2025-01-01', to: '2025-12-31', granularity, threshold: 3, today: TODAY };
      const now = models(buildUniverse(fx.session.db, query));
      const before = models(previousUniverse(fx.session.db, query) as unknown as Universe);
      for (const [i, model] of now.entries())
        if (!isDeepStrictEqual(model, before[i]))
          expect(model, `${step}, ${granularity}, ${model.reportId}`).toEqual(before[i]);
    }
  };
  const survivorOf = (incidentId: string) =>
    fx.session.db
      .prepare('SELECT survivor_age_group AS age, survivor_sex AS sex FROM incidents WHERE id = ?')
      .get(incidentId);

  it('after case, survivor, link, consent edits and deletions', () => {
    const r = fx.records;
    const person = (data: Record<string, unknown>) => r.create('person', { alias: 'Edit', ...data }).id;
    // Enough alike records that their cells are shown (threshold 3), so a wrong column would show.
    const cases: string[] = [];
    const survivors: string[] = [];
    const consents: string[] = [];
    const incidents: string[][] = [];
    for (let n = 0; n < 4; n++) {
      const p = person({ ageYears: 15, sex: 'female' });
      const c = r.create('case', {
        code: `EDIT-${n}`,
        kind: 'gbv-case',
        title: 'Edit',
        openedOn: '2025-05-02',
        location: { country: 'SN', region: 'Dakar' },
      }).id;
      r.linkPerson(c, p, 'survivor');
      consents.push(
        r.create('consent', {
          caseId: c,
          personId: p,
          givenBy: 'survivor',
          dataLevel: 'identifying',
          recipientKinds: ['coordination'],
          purposes: 'Statistiques',
          method: 'verbal',
          recordedBy: 'Agent',
          givenOn: '2025-05-02',
          anonymisedStatistics: true,
        }).id,
      );
      const own = [];
      for (let k = 0; k < 3; k++)
        own.push(
          r.create('incident', {
            caseId: c,
            occurredOn: '2025-05-10',
            kind: 'gbv.rape',
            verification: 'verified',
            // The first incident names its survivor; the others take the case's.
            people: k === 0 ? [{ personId: p, role: 'survivor' }] : [],
          }).id,
        );
      cases.push(c);
      survivors.push(p);
      incidents.push(own);
    }
    sameAsBefore('created');
    expect(survivorOf(incidents[0]![1]!)).toEqual({ age: '12-17', sex: 'female' });

    r.update('case', cases[0]!, { kind: 'mrm-monitoring', location: { country: 'ML', region: 'Gao' } });
    sameAsBefore('case kind and region edited');

    // Generated cases with referrals, risk entries and measures in the period: their units copy the
    // case's kind and opening date (days to referral).
    for (const table of ['referrals', 'risk_entries', 'plan_measures']) {
      const caseId = fx.session.db
        .prepare(`SELECT case_id FROM ${table} WHERE case_id NOT LIKE 'EDIT%' ORDER BY id LIMIT 1`)
        .pluck()
        .get() as string;
      r.update('case', caseId, { kind: 'defender-protection', openedOn: '2024-06-01' });
      sameAsBefore(`a case with ${table} edited`);
    }

    // Referrals moved or deleted: whether a case has a referral by the end of the period follows.
    const referrals = fx.session.db
      .prepare(
        "SELECT id FROM referrals WHERE referred_on BETWEEN '2025-01-01' AND '2025-12-31' ORDER BY id LIMIT 6",
      )
      .pluck()
      .all() as string[];
    for (const id of referrals.slice(0, 3)) r.update('referral', id, { referredOn: '2026-02-01' });
    sameAsBefore('referrals moved after the period');
    for (const id of referrals.slice(3)) r.delete('referral', id);
    sameAsBefore('referrals deleted');

    r.update('person', survivors[1]!, { ageYears: 30, sex: 'male' });
    expect(survivorOf(incidents[1]![0]!)).toEqual({ age: '26-59', sex: 'male' });
    expect(survivorOf(incidents[1]![2]!)).toEqual({ age: '26-59', sex: 'male' });
    sameAsBefore('survivor age and sex edited');
    r.update('person', survivors[1]!, { ageGroup: '60+' });
    expect(survivorOf(incidents[1]![2]!)).toEqual({ age: '60+', sex: 'male' });
    sameAsBefore('survivor age group recorded');

    // Another survivor linked to the case: the first by id wins for incidents without their own.
    const other = person({ ageYears: 3 });
    r.linkPerson(cases[2]!, other, 'victim');
    sameAsBefore('a second survivor linked');
    r.unlinkPerson(cases[2]!, survivors[2]!, 'survivor');
    expect(survivorOf(incidents[2]![1]!)).toEqual({ age: '0-4', sex: 'unknown' });
    sameAsBefore('the first survivor unlinked');
    r.unlinkPerson(cases[2]!, other, 'victim');
    expect(survivorOf(incidents[2]![1]!)).toEqual({ age: 'unknown', sex: 'unknown' });
    // The incident's own survivor is still linked to it.
    expect(survivorOf(incidents[2]![0]!)).toEqual({ age: '12-17', sex: 'female' });
    sameAsBefore('no survivor left on the case');
    r.update('incident', incidents[2]![0]!, { people: [{ personId: other, role: 'victim' }] });
    expect(survivorOf(incidents[2]![0]!)).toEqual({ age: '0-4', sex: 'unknown' });
    sameAsBefore("an incident's own survivor changed");
    r.update('incident', incidents[3]![0]!, { people: [] });
    sameAsBefore("an incident's own survivor removed");

    r.update('consent', consents[3]!, { withdrawnOn: '2025-12-01' });
    sameAsBefore('consent withdrawn');
    r.update('consent', consents[0]!, { anonymisedStatistics: false });
    sameAsBefore('consent changed');

    r.delete('incident', incidents[1]![1]!);
    sameAsBefore('an incident deleted');
    // A person named by an incident cannot be deleted (RECORD_IN_USE); one linked to a case only
    // can, and the link goes by cascade.
    const linkedOnly = person({ ageYears: 70, sex: 'male' });
    r.linkPerson(cases[3]!, linkedOnly, 'survivor');
    sameAsBefore('a survivor linked to a case only');
    r.delete('person', linkedOnly);
    expect(survivorOf(incidents[3]![1]!)).toEqual({ age: '12-17', sex: 'female' });
    sameAsBefore('a survivor deleted');
    r.delete('case', cases[1]!);
    expect(survivorOf(incidents[1]![0]!)).toBeUndefined();
    sameAsBefore('a case deleted');
  });
});
