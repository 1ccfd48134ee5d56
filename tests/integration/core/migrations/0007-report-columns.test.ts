import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex((m) => m.version === 7) - 1]!.version;
const AT = '2026-01-01T00:00:00.000Z';

describe('migration 0007 report columns', () => {
  it('upgrades a database of the previous version holding records, filling the new columns from data', () => {
    const { db, reopen } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: PREVIOUS });
    const row = (table: string, columns: Record<string, unknown>, data: Record<string, unknown>) => {
      const names = [...Object.keys(columns), 'data', 'created_at', 'updated_at'];
      db.prepare(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      ).run(...Object.values(columns), JSON.stringify(data), AT, AT);
    };
    row(
      'cases',
      {
        id: 'c1',
        code: 'C-1',
        kind: 'gbv-case',
        status: 'open',
        sensitivity: 'normal',
        opened_on: '2025-01-02',
        title: 't',
      },
      { id: 'c1' },
    );
    row('people', { id: 'p1', alias: 'A' }, { id: 'p1', ageYears: 14, sex: 'female' });
    row(
      'incidents',
      { id: 'i1', case_id: 'c1', occurred_on: '2025-01-03', kind: 'gbv.rape', verification: 'verified' },
      { id: 'i1', perpetratorType: 'family', location: { country: 'SN', region: 'Thiès' } },
    );
    row(
      'consents',
      { id: 'k1', case_id: 'c1', person_id: 'p1', given_on: '2025-01-02' },
      { id: 'k1', anonymisedStatistics: true },
    );
    row(
      'referrals',
      { id: 'r1', case_id: 'c1', consent_id: 'k1', referred_on: '2025-01-05', status: 'accepted' },
      { id: 'r1', serviceKind: 'health' },
    );
    row(
      'risk_entries',
      { id: 'e1', case_id: 'c1', occurred_at: '2025-01-04T10:00:00Z', severity: 3, likelihood: 4 },
      { id: 'e1', channel: 'sms', actorType: 'state', threatKind: 'defender.threat' },
    );
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW })).toContain(7);
    expect(schemaVersion(upgraded)).toBeGreaterThanOrEqual(7);
    const one = (sql: string) => upgraded.prepare(sql).get();
    expect(one('SELECT perpetrator_type, country, region FROM incidents')).toEqual({
      perpetrator_type: 'family',
      country: 'SN',
      region: 'Thiès',
    });
    expect(one('SELECT age_group, age_years, sex FROM people')).toEqual({
      age_group: null,
      age_years: 14,
      sex: 'female',
    });
    expect(one('SELECT anonymised_statistics FROM consents')).toEqual({ anonymised_statistics: 1 });
    expect(one('SELECT service_kind FROM referrals')).toEqual({ service_kind: 'health' });
    expect(one('SELECT occurred_on, channel, actor_type, threat_kind FROM risk_entries')).toEqual({
      occurred_on: '2025-01-04',
      channel: 'sms',
      actor_type: 'state',
      threat_kind: 'defender.threat',
    });
    const indexes = upgraded.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
    for (const name of [
      'incidents_for_reports',
      'referrals_for_reports',
      'risk_entries_for_reports',
      'consents_for_reports',
    ])
      expect(indexes).toContain(name);
    // A report's period query reads the covering index, not the table.
    const plan = upgraded
      .prepare(
        "EXPLAIN QUERY PLAN SELECT case_id, kind, verification, perpetrator_type FROM incidents WHERE occurred_on BETWEEN '2025-01-01' AND '2025-12-31'",
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX incidents_for_reports/);
    upgraded.close();
  });
});
