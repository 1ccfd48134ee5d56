import type { Migration } from './types.ts';

/**
 * Report columns on each unit's own row (docs/reports.md §2, docs/vault-format.md §5 version 12).
 * Until now every cold report build loaded, whatever the period, every case (kind, place, opening
 * date), every case's consent verdict and every incident's survivor from the whole vault's cases,
 * consents, link tables and people (~0.7–0.9 s CPU at 100k cases: docs/benchmarks.md, Reports).
 * This keeps on each incident, referral, risk entry and protection measure what it takes from its
 * case — kind, place, opening date, and the consent verdict as a "counted until" date so the build's
 * `today` still decides — and on each incident its survivor's age group and sex, already resolved
 * (the first person by id linked to the incident as survivor or victim, else the first linked to
 * its case so) and coarsened; on each case its verdict and first referral date. A build then reads
 * only the period's rows from covering indexes.
 *
 * The columns are kept by SQLite triggers, not by the store, so every write path keeps them —
 * store writes, the records import, CSV import, cascading deletes — with no code of its own. (A
 * person deleted removes their links by cascade, which fires the link triggers.) The age bands are
 * those the previous engine used (bench/previous-report-engine/); a recorded age group wins over an
 * age in years.
 */
const AGE_GROUP = `CASE
    WHEN p.age_group IS NOT NULL AND p.age_group <> '' THEN p.age_group
    WHEN p.age_years IS NULL THEN 'unknown'
    WHEN p.age_years <= 4 THEN '0-4'
    WHEN p.age_years <= 11 THEN '5-11'
    WHEN p.age_years <= 17 THEN '12-17'
    WHEN p.age_years <= 25 THEN '18-25'
    WHEN p.age_years <= 59 THEN '26-59'
    ELSE '60+' END`;

/** The survivor person id of the incident row in scope as `incidents` (null: none). */
const SURVIVOR_ID = `coalesce(
    (SELECT min(person_id) FROM incident_people ip
      WHERE ip.incident_id = incidents.id AND ip.role IN ('survivor', 'victim')),
    (SELECT min(person_id) FROM case_people cp
      WHERE cp.case_id = incidents.case_id AND cp.role IN ('survivor', 'victim')))`;

/** Recomputes both columns of the incidents chosen by `where`. */
function refreshSurvivorSql(where: string): string {
  return `UPDATE incidents SET
      survivor_age_group = coalesce((SELECT ${AGE_GROUP} FROM people p WHERE p.id = ${SURVIVOR_ID}), 'unknown'),
      survivor_sex = coalesce((SELECT coalesce(p.sex, 'unknown') FROM people p WHERE p.id = ${SURVIVOR_ID}), 'unknown')
    WHERE ${where};`;
}

/**
 * The case's consent verdict as a date (docs/reports.md, consent): for each person with a consent
 * on the case, their latest consent (given_on, then created_at) gives '' if it does not allow
 * anonymised statistics, its withdrawal date if withdrawn, else '9999-12-31'; the case counts while
 * today is before the least of them (`counted_until > today`). Null: no consent, never counted.
 * SQLite takes the bare columns of a max() aggregate from the row holding the maximum.
 */
const COUNTED_UNTIL = `(SELECT min(CASE WHEN stats = 1 THEN coalesce(withdrawn_on, '9999-12-31') ELSE '' END)
    FROM (SELECT max(given_on || created_at) AS latest, withdrawn_on, anonymised_statistics AS stats
            FROM consents WHERE consents.case_id = cases.id GROUP BY person_id))`;

/** What each unit table copies from its case, as [unit column, case column]. */
const CASE_COLUMNS: Record<string, Array<[string, string]>> = {
  incidents: [
    ['case_kind', 'kind'],
    ['case_country', 'country'],
    ['case_region', 'region'],
    ['case_counted_until', 'counted_until'],
  ],
  referrals: [
    ['case_kind', 'kind'],
    ['case_opened_on', 'opened_on'],
    ['case_counted_until', 'counted_until'],
  ],
  risk_entries: [
    ['case_kind', 'kind'],
    ['case_counted_until', 'counted_until'],
  ],
  plan_measures: [
    ['case_kind', 'kind'],
    ['case_counted_until', 'counted_until'],
  ],
};

/** Copies the case's columns onto the rows of `table` chosen by `where`. */
function copyFromCaseSql(table: string, where: string): string {
  const pairs = CASE_COLUMNS[table]!;
  return `UPDATE ${table} SET (${pairs.map(([u]) => u).join(', ')}) =
      (SELECT ${pairs.map(([, c]) => `cases.${c}`).join(', ')} FROM cases WHERE cases.id = ${table}.case_id)
    WHERE ${where};`;
}

function caseColumnsSql(): string {
  const out: string[] = [
    'ALTER TABLE cases ADD COLUMN counted_until TEXT;',
    `UPDATE cases SET counted_until = ${COUNTED_UNTIL};`,
  ];
  for (const [table, pairs] of Object.entries(CASE_COLUMNS)) {
    for (const [column] of pairs) out.push(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT;`);
    out.push(copyFromCaseSql(table, '1'));
    out.push(`CREATE TRIGGER ${table}_case_on_insert AFTER INSERT ON ${table} BEGIN
        ${copyFromCaseSql(table, 'id = NEW.id')}
      END;`);
    out.push(`CREATE TRIGGER ${table}_case_on_case_change AFTER UPDATE OF case_id ON ${table} BEGIN
        ${copyFromCaseSql(table, 'id = NEW.id')}
      END;`);
  }
  // A case edited (kind, place, opening date) or its verdict changed: every unit of the case.
  out.push(`CREATE TRIGGER cases_report_columns_on_update
      AFTER UPDATE OF kind, country, region, opened_on, counted_until ON cases BEGIN
      ${Object.keys(CASE_COLUMNS)
        .map((table) => copyFromCaseSql(table, 'case_id = NEW.id'))
        .join('\n      ')}
    END;`);
  for (const [event, row] of [
    ['INSERT', 'NEW'],
    ['DELETE', 'OLD'],
  ] as const)
    out.push(`CREATE TRIGGER consents_counted_until_on_${event.toLowerCase()} AFTER ${event} ON consents BEGIN
        UPDATE cases SET counted_until = ${COUNTED_UNTIL} WHERE id = ${row}.case_id;
      END;`);
  out.push(`CREATE TRIGGER consents_counted_until_on_update AFTER UPDATE ON consents BEGIN
      UPDATE cases SET counted_until = ${COUNTED_UNTIL} WHERE id IN (OLD.case_id, NEW.case_id);
    END;`);
  // A case's first referral date: the case report's "has a referral by the end of the period"
  // without reading every referral up to it.
  const firstReferral = (row: string) =>
    `UPDATE cases SET first_referred_on = (SELECT min(referred_on) FROM referrals WHERE case_id = cases.id)
      WHERE id = ${row};`;
  out.push('ALTER TABLE cases ADD COLUMN first_referred_on TEXT;');
  out.push(
    'UPDATE cases SET first_referred_on = (SELECT min(referred_on) FROM referrals WHERE case_id = cases.id);',
  );
  out.push(`CREATE TRIGGER referrals_first_on_insert AFTER INSERT ON referrals BEGIN
      ${firstReferral('NEW.case_id')}
    END;`);
  out.push(`CREATE TRIGGER referrals_first_on_delete AFTER DELETE ON referrals BEGIN
      ${firstReferral('OLD.case_id')}
    END;`);
  out.push(`CREATE TRIGGER referrals_first_on_update AFTER UPDATE OF case_id, referred_on ON referrals BEGIN
      ${firstReferral('OLD.case_id')}
      ${firstReferral('NEW.case_id')}
    END;`);
  return out.join('\n      ');
}

export const migration0012: Migration = {
  version: 12,
  name: 'report-unit-columns',
  up(db) {
    db.exec(`
      ALTER TABLE incidents ADD COLUMN survivor_age_group TEXT;
      ALTER TABLE incidents ADD COLUMN survivor_sex TEXT;
      ${refreshSurvivorSql('1')}

      CREATE TRIGGER incidents_survivor_on_insert AFTER INSERT ON incidents BEGIN
        ${refreshSurvivorSql('id = NEW.id')}
      END;
      CREATE TRIGGER incidents_survivor_on_case_change AFTER UPDATE OF case_id ON incidents BEGIN
        ${refreshSurvivorSql('id = NEW.id')}
      END;
      CREATE TRIGGER incident_people_survivor_on_insert AFTER INSERT ON incident_people BEGIN
        ${refreshSurvivorSql('id = NEW.incident_id')}
      END;
      CREATE TRIGGER incident_people_survivor_on_delete AFTER DELETE ON incident_people BEGIN
        ${refreshSurvivorSql('id = OLD.incident_id')}
      END;
      CREATE TRIGGER incident_people_survivor_on_update AFTER UPDATE ON incident_people BEGIN
        ${refreshSurvivorSql('id IN (OLD.incident_id, NEW.incident_id)')}
      END;
      CREATE TRIGGER case_people_survivor_on_insert AFTER INSERT ON case_people BEGIN
        ${refreshSurvivorSql('case_id = NEW.case_id')}
      END;
      CREATE TRIGGER case_people_survivor_on_delete AFTER DELETE ON case_people BEGIN
        ${refreshSurvivorSql('case_id = OLD.case_id')}
      END;
      CREATE TRIGGER case_people_survivor_on_update AFTER UPDATE ON case_people BEGIN
        ${refreshSurvivorSql('case_id IN (OLD.case_id, NEW.case_id)')}
      END;
      CREATE TRIGGER people_survivor_on_update AFTER UPDATE OF age_group, age_years, sex ON people BEGIN
        ${refreshSurvivorSql(
          `id IN (SELECT incident_id FROM incident_people WHERE person_id = NEW.id)
            OR case_id IN (SELECT case_id FROM case_people WHERE person_id = NEW.id)`,
        )}
      END;
      -- A person's incidents, found without scanning every incident link.
      CREATE INDEX incident_people_by_person ON incident_people (person_id);

      ${caseColumnsSql()}
      -- A case's units, found without scanning the table on a case edit.
      CREATE INDEX plan_measures_by_case ON plan_measures (case_id);

      -- The reports' covering indexes, now holding what each unit took from its case and survivor.
      DROP INDEX cases_for_reports;
      CREATE INDEX cases_for_reports
        ON cases (opened_on, id, kind, status, closed_on, country, region, counted_until, first_referred_on);
      DROP INDEX incidents_for_reports;
      CREATE INDEX incidents_for_reports
        ON incidents (occurred_on, case_id, kind, verification, perpetrator_type, country, region,
                      survivor_age_group, survivor_sex, case_kind, case_country, case_region,
                      case_counted_until);
      DROP INDEX referrals_for_reports;
      CREATE INDEX referrals_for_reports
        ON referrals (referred_on, case_id, status, follow_up_on, service_kind, case_kind,
                      case_opened_on, case_counted_until);
      DROP INDEX risk_entries_for_reports;
      CREATE INDEX risk_entries_for_reports
        ON risk_entries (occurred_on, case_id, severity, likelihood, channel, actor_type, threat_kind,
                         case_kind, case_counted_until);
      DROP INDEX plan_measures_for_reports;
      CREATE INDEX plan_measures_for_reports
        ON plan_measures (due_on, case_id, phase, status, case_kind, case_counted_until);
    `);
  },
};
