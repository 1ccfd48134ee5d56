import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRecordsFixture, type RecordsFixture, seedDefenderCase } from './fixture.ts';

let fx: RecordsFixture;
beforeEach(async () => {
  fx = await openRecordsFixture();
});
afterEach(() => fx.cleanup());

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    const e = error as { code?: string; detail?: string };
    return e.detail ? `${e.code} ${e.detail}` : (e.code ?? String(error));
  }
};

describe('records: create, read, update', () => {
  it('stores every kind of record and gives it back as a case with everything linked', async () => {
    const seeded = seedDefenderCase(fx.records);
    fx.records.create('riskAssessment', {
      caseId: seeded.kase.id,
      assessedOn: '2026-02-12',
      threat: 3,
      vulnerability: 3,
      capacity: 3,
    });
    fx.records.create('planContact', {
      planId: seeded.plan.id,
      kind: 'safe-place',
      name: 'Maison de la sœur',
      details: 'quartier nord',
    });
    fx.records.create('ocseaReport', {
      caseId: seeded.kase.id,
      platform: 'Facebook',
      url: 'https://example.org/page/123',
      hotline: 'platform',
      reportedOn: '2026-02-14',
      reportReference: 'FB-REF-1',
    });
    fx.records.create('note', { caseId: seeded.kase.id, body: 'Appel de suivi prévu.' });
    const records = await fx.reopen();
    const detail = records.caseDetail(seeded.kase.id);
    expect(detail.case.code).toBe('DEF-2026-001');
    expect(detail.people.map((p) => [p.person.alias, p.roles])).toEqual([['Coumba', ['defender']]]);
    expect(detail.incidents).toHaveLength(1);
    expect(detail.riskEntries[0]!.severity).toBe(4);
    expect(detail.riskAssessments[0]!.score).toBe(3);
    expect(detail.plans[0]!.measures[0]!.caseId).toBe(seeded.kase.id);
    expect(detail.plans[0]!.contacts[0]!.name).toBe('Maison de la sœur');
    expect(detail.consents).toHaveLength(1);
    expect(detail.referrals).toHaveLength(1);
    expect(detail.ocseaReports[0]!.takedownStatus).toBe('pending');
    expect(detail.notes[0]!.body).toBe('Appel de suivi prévu.');
    // Defaults filled by the schema.
    expect(detail.case.status).toBe('open');
    expect(detail.incidents[0]!.verification).toBe('reported');
  });

  it('names the invalid field, never its value', () => {
    const secret = 'Jean Dupont';
    const outcome = codeOf(() =>
      fx.records.create('case', { code: secret, kind: 'psea-complaint', title: 't', openedOn: '2026-01-01' }),
    );
    expect(outcome).toMatch(/^RECORD_INVALID code:/);
    expect(outcome).not.toContain(secret);
    expect(
      codeOf(() =>
        fx.records.create('case', { code: 'A-1', kind: 'nope', title: 't', openedOn: '2026-01-01' }),
      ),
    ).toMatch(/^RECORD_INVALID kind/);
    expect(
      codeOf(() =>
        fx.records.create('case', { code: 'A-1', kind: 'other', title: 't', openedOn: '2026-02-30' }),
      ),
    ).toMatch(/^RECORD_INVALID openedOn/);
    expect(
      codeOf(() =>
        fx.records.create('case', {
          code: 'A-1',
          kind: 'other',
          title: 't',
          openedOn: '2026-02-03',
          closedOn: '2026-01-01',
        }),
      ),
    ).toMatch(/^RECORD_INVALID closedOn/);
    expect(
      codeOf(() =>
        fx.records.create('case', {
          code: 'A-1',
          kind: 'other',
          title: 't',
          openedOn: '2026-02-03',
          sql: 'x',
        }),
      ),
    ).toMatch(/^RECORD_INVALID/);
  });

  it('refuses dangling references, unknown incident kinds and duplicate case codes', () => {
    const { kase } = seedDefenderCase(fx.records);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      codeOf(() =>
        fx.records.create('incident', { caseId: missing, occurredOn: '2026-01-01', kind: 'gbv.rape' }),
      ),
    ).toBe('RECORD_INVALID caseId: no such record');
    expect(
      codeOf(() =>
        fx.records.create('incident', { caseId: kase.id, occurredOn: '2026-01-01', kind: 'custom.unknown' }),
      ),
    ).toBe('RECORD_INVALID kind: unknown kind');
    expect(
      codeOf(() =>
        fx.records.create('case', {
          code: 'DEF-2026-001',
          kind: 'other',
          title: 'x',
          openedOn: '2026-01-01',
        }),
      ),
    ).toBe('RECORD_CONFLICT code');
  });

  it('lets users add their own incident kinds', () => {
    const { kase } = seedDefenderCase(fx.records);
    fx.records.addCustomKind({
      code: 'custom.arrestation-arbitraire',
      fr: 'Arrestation arbitraire',
      en: 'Arbitrary arrest',
    });
    expect(
      codeOf(() => fx.records.addCustomKind({ code: 'custom.arrestation-arbitraire', fr: 'x', en: 'x' })),
    ).toBe('RECORD_CONFLICT code');
    const incident = fx.records.create('incident', {
      caseId: kase.id,
      occurredOn: '2026-01-05',
      kind: 'custom.arrestation-arbitraire',
    });
    expect(incident.kind).toBe('custom.arrestation-arbitraire');
    expect(fx.records.listCustomKinds()).toEqual([
      { code: 'custom.arrestation-arbitraire', fr: 'Arrestation arbitraire', en: 'Arbitrary arrest' },
    ]);
  });

  it('keeps history: who changed which fields, when, and the state before', () => {
    const { incident } = seedDefenderCase(fx.records);
    fx.records.update('incident', incident.id, { verification: 'under-verification' });
    fx.records.update('incident', incident.id, {
      verification: 'verified',
      description: 'Vérifié auprès de deux sources.',
    });
    const unchanged = fx.records.update('incident', incident.id, { verification: 'verified' });
    expect(unchanged.updatedAt).toBe(fx.records.get('incident', incident.id).updatedAt);
    const history = fx.records.history(incident.id);
    expect(history.map((h) => h.changed)).toEqual([['description', 'verification'], ['verification']]);
    expect(history[1]!.before.verification).toBe('reported');
    expect(history[0]!.before.verification).toBe('under-verification');
    expect(history[0]!.actor).toBe('owner');
    expect(history[0]!.at > history[1]!.at).toBe(true);
  });

  it('clears an optional field with null and validates the merged record', () => {
    const { measure } = seedDefenderCase(fx.records);
    const updated = fx.records.update('planMeasure', measure.id, { dueOn: null, status: 'in-progress' });
    expect(updated.dueOn).toBeUndefined();
    expect(updated.caseId).toBe(measure.caseId);
    expect(codeOf(() => fx.records.update('planMeasure', measure.id, { status: 'finished' }))).toMatch(
      /^RECORD_INVALID status/,
    );
  });
});

describe('identifying data', () => {
  it('keeps a real name out of the record, out of search, and reveals it only on demand, audited', () => {
    const { person } = seedDefenderCase(fx.records);
    expect(person.realName).toBeUndefined();
    expect(person.hasRealName).toBe(true);
    expect(JSON.stringify(fx.records.caseDetail(fx.records.listCases().rows[0]!.id))).not.toContain(
      'Nom Fictif',
    );
    expect(fx.records.search('Fictif')).toEqual([]);
    const before = fx.records.audit().length;
    expect(fx.records.revealIdentity(person.id)).toEqual({ realName: 'Nom Fictif Exemple' });
    const audit = fx.records.audit({ limit: 1 })[0]!;
    expect(audit).toMatchObject({ action: 'person.reveal-identity', recordId: person.id });
    expect(audit.detail).not.toContain('Nom Fictif');
    expect(fx.records.audit().length).toBe(before + 1);
  });

  it('changes or removes the real name through update', () => {
    const { person } = seedDefenderCase(fx.records);
    fx.records.update('person', person.id, { realName: 'Autre Nom Fictif' });
    expect(fx.records.revealIdentity(person.id).realName).toBe('Autre Nom Fictif');
    const cleared = fx.records.update('person', person.id, { realName: null });
    expect(cleared.hasRealName).toBe(false);
    expect(fx.records.revealIdentity(person.id).realName).toBeNull();
    const history = fx.records.history(person.id);
    expect(JSON.stringify(history)).not.toContain('Autre Nom Fictif');
  });
});

describe('consent gates referrals', () => {
  it('refuses a referral whose consent does not cover the recipient, is withdrawn, anonymised or of another case', () => {
    const { kase, consent } = seedDefenderCase(fx.records);
    const refer = (over: Record<string, unknown>) =>
      codeOf(() =>
        fx.records.create('referral', {
          caseId: kase.id,
          consentId: consent.id,
          serviceKind: 'legal',
          provider: 'Cabinet',
          referredOn: '2026-03-01',
          ...over,
        }),
      );
    expect(refer({})).toBe('ok');
    expect(refer({ serviceKind: 'health' })).toMatch(/^CONSENT_REQUIRED/);
    fx.records.update('consent', consent.id, { withdrawnOn: '2026-02-20' });
    expect(refer({ referredOn: '2026-03-02' })).toMatch(/^CONSENT_REQUIRED/);
    const other = seedDefenderCase(fx.records, 'DEF-2026-002');
    expect(refer({ consentId: other.consent.id })).toMatch(/^CONSENT_REQUIRED/);
    const anonymised = fx.records.create('consent', {
      caseId: kase.id,
      personId: other.person.id,
      givenBy: 'survivor',
      dataLevel: 'anonymised',
      recipientKinds: ['legal'],
      purposes: 'statistiques',
      method: 'written',
      recordedBy: 'M.',
      givenOn: '2026-02-01',
    });
    expect(refer({ consentId: anonymised.id })).toMatch(/^CONSENT_REQUIRED/);
  });

  it('will not delete a consent that a referral relies on', () => {
    const { consent } = seedDefenderCase(fx.records);
    expect(codeOf(() => fx.records.delete('consent', consent.id))).toBe('RECORD_IN_USE consent');
  });
});

describe('risk and plan follow-up', () => {
  it('computes threat × vulnerability / capacity over time and says whether risk is rising', () => {
    const { kase } = seedDefenderCase(fx.records);
    expect(fx.records.riskTrend(kase.id).trend).toBe('unknown');
    fx.records.create('riskAssessment', {
      caseId: kase.id,
      assessedOn: '2026-02-01',
      threat: 2,
      vulnerability: 3,
      capacity: 3,
    });
    fx.records.create('riskAssessment', {
      caseId: kase.id,
      assessedOn: '2026-03-01',
      threat: 4,
      vulnerability: 4,
      capacity: 2,
    });
    const trend = fx.records.riskTrend(kase.id);
    expect(trend.points.map((p) => p.score)).toEqual([2, 8]);
    expect(trend.trend).toBe('rising');
    expect(trend.monthly).toEqual([{ month: '2026-02', entries: 1, meanRisk: 12 }]);
    fx.records.create('riskAssessment', {
      caseId: kase.id,
      assessedOn: '2026-04-01',
      threat: 2,
      vulnerability: 2,
      capacity: 4,
    });
    expect(fx.records.riskTrend(kase.id).trend).toBe('falling');
  });

  it('surfaces overdue measures, plan reviews and referral follow-ups', () => {
    const { measure, plan, referral } = seedDefenderCase(fx.records);
    expect(fx.records.overdue('2026-02-15')).toEqual([]);
    const late = fx.records.overdue('2026-04-01');
    expect(late.map((o) => [o.kind, o.recordId])).toEqual([
      ['measure', measure.id],
      ['referral-follow-up', referral.id],
      ['plan-review', plan.id],
    ]);
    fx.records.update('planMeasure', measure.id, { status: 'done' });
    expect(fx.records.overdue('2026-04-01').map((o) => o.kind)).toEqual([
      'referral-follow-up',
      'plan-review',
    ]);
  });
});

describe('case list', () => {
  it('pages, counts and filters by status, kind, tag, country, dates and code prefix', () => {
    for (let i = 0; i < 30; i++) {
      fx.records.create('case', {
        code: `PSEA-2026-${String(i).padStart(3, '0')}`,
        kind: i % 2 ? 'psea-complaint' : 'child-protection',
        title: `Dossier ${i}`,
        status: i % 3 ? 'open' : 'closed',
        openedOn: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
        location: { country: i % 5 ? 'BF' : 'ML' },
        tags: i % 4 ? [] : ['urgent'],
      });
    }
    const page = fx.records.listCases({}, 10, 5);
    expect(page.total).toBe(30);
    expect(page.rows).toHaveLength(5);
    const all = fx.records.listCases({}, 0, 100).rows;
    expect(all.map((r) => r.openedOn)).toEqual([...all.map((r) => r.openedOn)].sort().reverse());
    expect(fx.records.listCases({ status: 'closed' }).total).toBe(10);
    expect(fx.records.listCases({ kind: 'psea-complaint' }).total).toBe(15);
    expect(fx.records.listCases({ tag: 'urgent' }).total).toBe(8);
    expect(fx.records.listCases({ country: 'ML' }).total).toBe(6);
    expect(fx.records.listCases({ from: '2026-01-10', to: '2026-01-12' }).total).toBe(3);
    expect(fx.records.listCases({ codePrefix: 'PSEA-2026-01' }).total).toBe(10);
  });

  it('continues after a known row with the same pages as by offset, ties on the date included', () => {
    // 60 cases over 7 dates: many share a date, so the code decides the order inside a date.
    for (let i = 0; i < 60; i++) {
      fx.records.create('case', {
        code: `CP-${String((i * 37) % 60).padStart(3, '0')}`,
        kind: i % 2 ? 'psea-complaint' : 'child-protection',
        title: `Dossier ${i}`,
        status: i % 3 ? 'open' : 'referred',
        openedOn: `2026-02-${String((i % 7) + 1).padStart(2, '0')}`,
      });
    }
    for (const filter of [{}, { status: 'open' }, { kind: 'child-protection' }, { status: 'referred' }]) {
      const byOffset = fx.records.listCases(filter, 0, 500).rows;
      const bySeek: typeof byOffset = [];
      let after: { openedOn: string; code: string } | undefined;
      for (let offset = 0; ; offset += 7) {
        const page = fx.records.listCases(filter, offset, 7, { after, count: false });
        expect(page.total).toBeNull();
        expect(page.rows).toEqual(fx.records.listCases(filter, offset, 7).rows);
        bySeek.push(...page.rows);
        if (page.rows.length < 7) break;
        const last = page.rows.at(-1)!;
        after = { openedOn: last.openedOn, code: last.code };
      }
      expect(bySeek).toEqual(byOffset);
      expect(bySeek.length).toBe(fx.records.listCases(filter).total);
    }
  });
});
