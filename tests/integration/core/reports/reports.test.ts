/**
 * Reports over a generated vault (bench/reports-data.ts, seeded): every shown figure against an
 * independent recount, no small count ever shown, the attacker (tests/helpers/report-attacker.ts)
 * recovering nothing from the margins of one report or from any two reports over the same period,
 * consent exclusions counted, FR and EN labels everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../../electron/core/reports/report-model.ts';
import { REPORT_DEFINITIONS } from '../../../../shared/reports/definitions.ts';
import { DIMENSIONS } from '../../../../shared/reports/dimensions.ts';
import type { ReportModel } from '../../../../shared/reports/model.ts';
import { attack, publishedCells } from '../../../helpers/report-attacker.ts';
import { openReportsFixture, type ReportsFixture, TODAY } from './fixture.ts';
import { consentedCases, type Thing, things, type Unit } from './recount.ts';

let fx: ReportsFixture;
beforeAll(async () => {
  fx = await openReportsFixture(700, { seed: 11, from: '2025-01-01', to: '2025-12-31' });
});
afterAll(() => fx.cleanup());

const report = (
  reportId: string,
  from: string,
  to: string,
  threshold = 5,
  granularity?: 'month' | 'quarter',
) => buildReport(fx.session.db, { reportId, from, to, threshold, today: TODAY, granularity });

/** Does a unit fall in a published cell? `named` are the region codes the report names. */
function matches(t: Thing, conditions: Map<string, Set<string>>, named: Set<string>): boolean {
  for (const [dim, allowed] of conditions) {
    const v = t.values[dim]!;
    if (dim === 'region' && allowed.has('other') && v !== 'unknown' && !named.has(v)) continue;
    if (!allowed.has(v)) return false;
  }
  return true;
}

function namedRegions(reports: ReportModel[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of reports)
    for (const t of r.tables) {
      const axis =
        t.columnDimension?.id === 'region' ? t.columns : t.rowDimension.id === 'region' ? t.rows : [];
      const set = out.get(t.unit) ?? new Set<string>();
      for (const a of axis) if (a.code !== 'other' && a.code !== 'unknown') set.add(a.code);
      out.set(t.unit, set);
    }
  return out;
}

describe('reports over a generated vault', () => {
  it('shows every figure equal to an independent recount, over months and quarters', () => {
    for (const [from, to, granularity] of [
      ['2025-01-01', '2025-12-31', 'month'],
      ['2025-01-01', '2025-12-31', 'quarter'],
      ['2025-04-01', '2025-06-30', 'month'],
    ] as const) {
      const consented = consentedCases(fx.session.db, TODAY);
      const reports = REPORT_DEFINITIONS.map((d) => report(d.id, from, to, 5, granularity));
      const named = namedRegions(reports);
      const cache = new Map<string, Thing[]>();
      let checked = 0;
      for (const r of reports) {
        for (const cell of publishedCells(r, REPORT_DEFINITIONS)) {
          if (cell.cell.status !== 'shown') continue;
          const unit = cell.unit as Unit;
          if (!cache.has(unit))
            cache.set(
              unit,
              things(fx.session.db, unit, from, to, TODAY, granularity).filter((t) =>
                consented.has(t.caseId),
              ),
            );
          const recount = cache
            .get(unit)!
            .filter((t) => matches(t, cell.conditions, named.get(unit) ?? new Set()));
          expect(cell.cell.value, cell.where).toBe(recount.length);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(200);
    }
  });

  it('never shows a count from 1 to threshold − 1, for any report, period or threshold', () => {
    for (const threshold of [3, 5, 10]) {
      for (const [from, to] of [
        ['2025-01-01', '2025-12-31'],
        ['2025-03-01', '2025-03-31'],
        ['2025-06-15', '2025-09-10'],
      ] as const) {
        for (const d of REPORT_DEFINITIONS) {
          const r = report(d.id, from, to, threshold);
          for (const c of publishedCells(r, REPORT_DEFINITIONS)) {
            if (c.cell.status === 'shown') {
              expect(c.cell.value === 0 || c.cell.value! >= threshold, c.where).toBe(true);
            } else expect(c.cell.value, c.where).toBeNull();
          }
          const ex = r.notes.excludedForConsent;
          if (ex.status === 'shown') expect(ex.value === 0 || ex.value! >= threshold).toBe(true);
          for (const t of r.tables)
            for (const s of t.statistics ?? [])
              if (s.median !== null) expect(s.n.status === 'shown' && s.n.value! >= threshold).toBe(true);
        }
      }
    }
  });

  it('hides small counts in this data (the test is not vacuous)', () => {
    const r = report('mrm', '2025-01-01', '2025-12-31');
    const statuses = publishedCells(r, REPORT_DEFINITIONS).map((c) => c.cell.status);
    expect(statuses).toContain('small');
    expect(statuses).toContain('shown');
    expect(r.notes.suppressedCells).toBeGreaterThan(0);
  });

  it('no hidden cell can be recovered from the margins of one report, nor from any two reports of the same period', () => {
    const from = '2025-05-01';
    const to = '2025-07-31';
    const reports = REPORT_DEFINITIONS.map((d) => report(d.id, from, to));
    let attempts = 0;
    for (let i = 0; i < reports.length; i++) {
      for (let j = i; j < reports.length; j++) {
        const cells = [
          ...publishedCells(reports[i]!, REPORT_DEFINITIONS),
          ...(i === j ? [] : publishedCells(reports[j]!, REPORT_DEFINITIONS)),
        ];
        const result = attack(cells, 5);
        expect(result.recovered, `${reports[i]!.reportId} + ${reports[j]!.reportId}`).toEqual([]);
        expect(result.differences, `${reports[i]!.reportId} + ${reports[j]!.reportId}`).toEqual([]);
        attempts += cells.filter((c) => c.cell.status !== 'shown').length;
      }
    }
    expect(attempts).toBeGreaterThan(50);
  });

  it('the attacker does recover cells when reports are protected one by one (so the joint protection matters)', () => {
    // Protect each report alone — as a naive tool would — and attack the pair reported + verified.
    const alone = (id: string) =>
      buildReport(fx.session.db, {
        reportId: id,
        from: '2025-05-01',
        to: '2025-07-31',
        today: TODAY,
        definitions: [
          {
            ...REPORT_DEFINITIONS.find((d) => d.id === 'mrm')!,
            id,
            tables: REPORT_DEFINITIONS.find((d) => d.id === 'mrm')!.tables.filter((t) =>
              id === 'verified-only' ? t.id === 'mrm-verified-by-period' : t.id === 'mrm-reported-by-period',
            ),
          },
        ],
      });
    const defs = [
      { ...REPORT_DEFINITIONS[0]!, id: 'verified-only' },
      { ...REPORT_DEFINITIONS[0]!, id: 'reported-only' },
    ];
    const cells = [
      ...publishedCells(alone('verified-only'), defs),
      ...publishedCells(alone('reported-only'), defs),
    ];
    const result = attack(cells, 5);
    expect(result.recovered.length + result.differences.length).toBeGreaterThan(0);
  });

  it('counts the cases left out for lack of consent, and leaves them out of every figure', () => {
    const consented = consentedCases(fx.session.db, TODAY);
    const r = report('intake', '2025-01-01', '2025-12-31');
    const all = [
      ...things(fx.session.db, 'case', '2025-01-01', '2025-12-31', TODAY),
      ...things(fx.session.db, 'referral', '2025-01-01', '2025-12-31', TODAY),
    ];
    const excluded = new Set(all.filter((t) => !consented.has(t.caseId)).map((t) => t.caseId));
    expect(excluded.size).toBeGreaterThanOrEqual(5);
    expect(r.notes.excludedForConsent).toEqual({ status: 'shown', value: excluded.size });
    const cases = things(fx.session.db, 'case', '2025-01-01', '2025-12-31', TODAY);
    const total = r.tables.find((t) => t.id === 'intake-by-kind-period')!.total;
    expect(total).toEqual({ status: 'shown', value: cases.filter((t) => consented.has(t.caseId)).length });
  });

  it('hides a small number of left-out cases too', () => {
    const r = report('defender-threats', '2025-03-01', '2025-03-31');
    const ex = r.notes.excludedForConsent;
    expect(ex.status === 'small' ? ex.value : ex.value === 0 || ex.value! >= 5).not.toBe(false);
  });

  it('computes medians only over shown groups of at least the threshold, equal to a recount', () => {
    const consented = consentedCases(fx.session.db, TODAY);
    const r = report('gbv-psea', '2025-01-01', '2025-12-31');
    const t = r.tables.find((x) => x.id === 'gbv-days-to-referral')!;
    const referrals = things(fx.session.db, 'referral', '2025-01-01', '2025-12-31', TODAY).filter(
      (x) => consented.has(x.caseId) && ['gbv-case', 'psea-complaint'].includes(x.values.caseKind!),
    );
    let shown = 0;
    t.rows.forEach((row, i) => {
      const s = t.statistics![i]!;
      if (s.median === null) return;
      shown++;
      const values = referrals
        .filter((x) => x.values.serviceKind === row.code)
        .map((x) => x.metric!)
        .sort((a, b) => a - b);
      const mid = (values.length - 1) / 2;
      expect(s.median).toBeCloseTo((values[Math.floor(mid)]! + values[Math.ceil(mid)]!) / 2, 1);
    });
    expect(shown).toBeGreaterThan(0);
  });

  it('labels every dimension and every value in French and English', () => {
    for (const [id, dim] of Object.entries(DIMENSIONS)) {
      expect(dim.label.fr, id).not.toBe('');
      expect(dim.label.en, id).not.toBe('');
      for (const v of dim.values ?? []) expect(v.fr && v.en, `${id}:${v.code}`).toBeTruthy();
    }
    for (const d of REPORT_DEFINITIONS) {
      expect(d.label.fr && d.label.en && d.description.fr && d.description.en).toBeTruthy();
      const r = report(d.id, '2025-01-01', '2025-12-31');
      for (const t of r.tables) {
        expect(t.label.fr && t.label.en).toBeTruthy();
        for (const a of [...t.rows, ...t.columns]) {
          expect(a.label.fr, `${t.id} ${a.code}`).toBeTruthy();
          expect(a.label.en, `${t.id} ${a.code}`).toBeTruthy();
          // A code standing in for a label means a missing translation (periods and regions excepted).
          if (!['period', 'region'].includes(t.rowDimension.id) && t.rows.includes(a))
            expect(
              a.label.en === a.code && a.label.fr === a.code && !/^\d/.test(a.code),
              `${t.id} ${a.code}`,
            ).toBe(false);
        }
      }
    }
  });

  it('refuses a threshold below 3, an unknown report and a bad period, with codes', () => {
    expect(() => report('mrm', '2025-01-01', '2025-12-31', 2)).toThrow(/REPORT_THRESHOLD_INVALID/);
    expect(() => report('nope', '2025-01-01', '2025-12-31')).toThrow(/REPORT_UNKNOWN/);
    expect(() => report('mrm', '2025-12-31', '2025-01-01')).toThrow(/REPORT_PERIOD_INVALID/);
    expect(() => report('mrm', '2025-02-30', '2025-03-01')).toThrow(/REPORT_PERIOD_INVALID/);
    expect(() => report('mrm', '2000-01-01', '2025-03-01')).toThrow(/REPORT_PERIOD_INVALID/);
  });
});
