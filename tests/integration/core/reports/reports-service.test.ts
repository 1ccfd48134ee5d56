/**
 * ReportsService: reports of one period share one protected base (cached), and any write to the
 * vault makes the next report count again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportsService } from '../../../../electron/core/reports/reports-service.ts';
import { openReportsFixture, type ReportsFixture } from './fixture.ts';

let fx: ReportsFixture;
let reports: ReportsService;
beforeAll(async () => {
  fx = await openReportsFixture(150, { seed: 21 });
  reports = new ReportsService(fx.session.db, fx.session.auditMac, {
    now: () => new Date('2026-01-15T10:00:00Z'),
  });
});
afterAll(() => fx.cleanup());

const QUERY = { reportId: 'intake', from: '2025-01-01', to: '2025-12-31' };

describe('ReportsService', () => {
  it('gives the same report twice, and counts a new consented case after a write', () => {
    const first = reports.build(QUERY);
    expect(reports.build(QUERY)).toEqual(first);
    const before = first.tables.find((t) => t.id === 'intake-by-kind-period')!.total.value!;
    const kase = fx.records.create('case', {
      code: 'NEW-0001',
      kind: 'child-helpline',
      title: 'Appel',
      openedOn: '2025-06-01',
    });
    const person = fx.records.create('person', { alias: 'Nouvelle' });
    fx.records.create('consent', {
      caseId: kase.id,
      personId: person.id,
      givenBy: 'survivor',
      dataLevel: 'anonymised',
      recipientKinds: ['coordination'],
      purposes: 'Statistiques',
      method: 'verbal',
      recordedBy: 'Agent',
      givenOn: '2025-06-01',
      anonymisedStatistics: true,
    });
    const after = reports.build(QUERY).tables.find((t) => t.id === 'intake-by-kind-period')!.total;
    expect(after).toEqual({ status: 'shown', value: before + 1 });
  });

  it('lists the four ready-made reports with FR and EN labels', () => {
    const list = reports.list();
    expect(list.map((r) => r.id)).toEqual(['mrm', 'gbv-psea', 'intake', 'defender-threats']);
    for (const r of list) expect(r.label.fr && r.label.en).toBeTruthy();
  });
});
