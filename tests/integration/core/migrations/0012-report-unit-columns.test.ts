import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { MIGRATIONS } from '../../../../electron/core/db/migrations/index.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const PREVIOUS = MIGRATIONS[MIGRATIONS.findIndex((m) => m.version === 12) - 1]!.version;
const AT = '2026-01-01T00:00:00.000Z';

describe('migration 0012 report unit columns', () => {
  it("upgrades a database of version 11 holding incidents, filling each one's survivor, then keeps it", () => {
    const { db, reopen } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: PREVIOUS });
    expect(PREVIOUS).toBe(11);
    const row = (table: string, columns: Record<string, unknown>) => {
      const names = [...Object.keys(columns), 'data', 'created_at', 'updated_at'];
      db.prepare(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      ).run(...Object.values(columns), '{}', AT, AT);
    };
    const kase = (id: string) =>
      row('cases', {
        id,
        code: id,
        kind: 'gbv-case',
        status: 'open',
        sensitivity: 'normal',
        opened_on: '2025-01-02',
        title: 't',
      });
    const incident = (id: string, caseId: string) =>
      row('incidents', {
        id,
        case_id: caseId,
        occurred_on: '2025-01-03',
        kind: 'gbv.rape',
        verification: 'verified',
      });
    kase('c1');
    kase('c2');
    row('people', { id: 'p1', alias: 'A', age_years: 14, sex: 'female' });
    row('people', { id: 'p2', alias: 'B', age_group: '26-59', age_years: 3 });
    row('people', { id: 'p0', alias: 'W', age_years: 70, sex: 'male' });
    incident('i1', 'c1'); // own survivor p2
    incident('i2', 'c1'); // none of its own: the case's first survivor by id, p1 (p0 is a witness)
    incident('i3', 'c2'); // no survivor anywhere
    const link = (table: string, column: string, id: string, person: string, role: string) =>
      db.prepare(`INSERT INTO ${table} (${column}, person_id, role) VALUES (?, ?, ?)`).run(id, person, role);
    link('incident_people', 'incident_id', 'i1', 'p2', 'victim');
    link('case_people', 'case_id', 'c1', 'p1', 'survivor');
    link('case_people', 'case_id', 'c1', 'p0', 'witness');
    const consent = (
      id: string,
      caseId: string,
      person: string,
      givenOn: string,
      stats: number,
      withdrawn?: string,
    ) =>
      row('consents', {
        id,
        case_id: caseId,
        person_id: person,
        given_on: givenOn,
        anonymised_statistics: stats,
        withdrawn_on: withdrawn ?? null,
      });
    // c1: p1's latest consent says yes until withdrawn on 2025-06-01; p2 says yes. c2: none.
    consent('k1', 'c1', 'p1', '2025-01-02', 0);
    consent('k2', 'c1', 'p1', '2025-02-01', 1, '2025-06-01');
    consent('k3', 'c1', 'p2', '2025-01-02', 1);
    row('referrals', {
      id: 'r1',
      case_id: 'c1',
      consent_id: 'k1',
      referred_on: '2025-01-05',
      status: 'accepted',
    });
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW })).toContain(12);
    expect(schemaVersion(upgraded)).toBeGreaterThanOrEqual(12);
    const survivors = () =>
      upgraded
        .prepare('SELECT id, survivor_age_group AS age, survivor_sex AS sex FROM incidents ORDER BY id')
        .all();
    // Backfilled: a recorded age group wins over an age in years; no sex recorded → unknown.
    expect(survivors()).toEqual([
      { id: 'i1', age: '26-59', sex: 'unknown' },
      { id: 'i2', age: '12-17', sex: 'female' },
      { id: 'i3', age: 'unknown', sex: 'unknown' },
    ]);

    const one = (sql: string) => upgraded.prepare(sql).get();
    expect(one("SELECT id, counted_until FROM cases WHERE id = 'c1'")).toEqual({
      id: 'c1',
      counted_until: '2025-06-01',
    });
    expect(one("SELECT counted_until FROM cases WHERE id = 'c2'")).toEqual({ counted_until: null });
    expect(one("SELECT first_referred_on FROM cases WHERE id = 'c1'")).toEqual({
      first_referred_on: '2025-01-05',
    });
    upgraded.prepare("UPDATE referrals SET referred_on = '2025-03-01' WHERE id = 'r1'").run();
    expect(one("SELECT first_referred_on FROM cases WHERE id = 'c1'")).toEqual({
      first_referred_on: '2025-03-01',
    });
    upgraded.prepare("DELETE FROM referrals WHERE id = 'r1'").run();
    expect(one("SELECT first_referred_on FROM cases WHERE id = 'c1'")).toEqual({ first_referred_on: null });
    upgraded
      .prepare(
        "INSERT INTO referrals (id, case_id, consent_id, referred_on, status, data, created_at, updated_at) VALUES ('r1', 'c1', 'k1', '2025-01-05', 'accepted', '{}', ?, ?)",
      )
      .run(AT, AT);
    expect(
      one("SELECT case_kind, case_country, case_region, case_counted_until FROM incidents WHERE id = 'i1'"),
    ).toEqual({
      case_kind: 'gbv-case',
      case_country: null,
      case_region: null,
      case_counted_until: '2025-06-01',
    });
    expect(one('SELECT case_kind, case_opened_on, case_counted_until FROM referrals')).toEqual({
      case_kind: 'gbv-case',
      case_opened_on: '2025-01-02',
      case_counted_until: '2025-06-01',
    });
    // A consent changed, a case edited: its units follow.
    upgraded.prepare("UPDATE consents SET withdrawn_on = NULL WHERE id = 'k2'").run();
    upgraded
      .prepare(
        "UPDATE cases SET kind = 'mrm-monitoring', country = 'SN', region = 'Dakar', opened_on = '2025-01-01' WHERE id = 'c1'",
      )
      .run();
    expect(
      one("SELECT case_kind, case_country, case_region, case_counted_until FROM incidents WHERE id = 'i2'"),
    ).toEqual({
      case_kind: 'mrm-monitoring',
      case_country: 'SN',
      case_region: 'Dakar',
      case_counted_until: '9999-12-31',
    });
    expect(one('SELECT case_kind, case_opened_on, case_counted_until FROM referrals')).toEqual({
      case_kind: 'mrm-monitoring',
      case_opened_on: '2025-01-01',
      case_counted_until: '9999-12-31',
    });
    upgraded.prepare("DELETE FROM consents WHERE id = 'k3'").run();
    upgraded
      .prepare(
        "INSERT INTO consents (id, case_id, person_id, given_on, anonymised_statistics, data, created_at, updated_at) VALUES ('k4', 'c1', 'p2', '2025-03-01', 0, '{}', ?, ?)",
      )
      .run(AT, AT);
    expect(one("SELECT counted_until FROM cases WHERE id = 'c1'")).toEqual({ counted_until: '' });
    expect(one("SELECT case_counted_until FROM incidents WHERE id = 'i1'")).toEqual({
      case_counted_until: '',
    });

    // Kept by the triggers on every write path (here plain SQL, as an import would write).
    upgraded.prepare("UPDATE people SET age_years = 30, sex = 'male' WHERE id = 'p1'").run();
    upgraded
      .prepare("INSERT INTO case_people (case_id, person_id, role) VALUES ('c2', 'p0', 'victim')")
      .run();
    expect(survivors()).toEqual([
      { id: 'i1', age: '26-59', sex: 'unknown' },
      { id: 'i2', age: '26-59', sex: 'male' },
      { id: 'i3', age: '60+', sex: 'male' },
    ]);
    upgraded.prepare("UPDATE incidents SET case_id = 'c2' WHERE id = 'i2'").run();
    upgraded.prepare("DELETE FROM incident_people WHERE incident_id = 'i1'").run();
    upgraded
      .prepare(
        "INSERT INTO incidents (id, case_id, occurred_on, kind, verification, data, created_at, updated_at) VALUES ('i4', 'c1', '2025-02-01', 'gbv.rape', 'verified', '{}', ?, ?)",
      )
      .run(AT, AT);
    expect(survivors()).toEqual([
      { id: 'i1', age: '26-59', sex: 'male' },
      { id: 'i2', age: '60+', sex: 'male' },
      { id: 'i3', age: '60+', sex: 'male' },
      { id: 'i4', age: '26-59', sex: 'male' },
    ]);
    upgraded.prepare("DELETE FROM people WHERE id = 'p0'").run(); // its links go by cascade
    expect(survivors().filter((s) => (s as { id: string }).id === 'i3')).toEqual([
      { id: 'i3', age: 'unknown', sex: 'unknown' },
    ]);

    // The report's period query reads the covering index, survivor included, not the table.
    const plan = upgraded
      .prepare(
        "EXPLAIN QUERY PLAN SELECT case_id, kind, survivor_age_group, survivor_sex FROM incidents WHERE occurred_on BETWEEN '2025-01-01' AND '2025-12-31'",
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX incidents_for_reports/);
    upgraded.close();
  });
});
