import type { Migration } from './types.ts';

/**
 * Reports (docs/reports.md) group by fields that 0003 kept only inside `data`, and bound periods by
 * dates that had no index of their own, so every report decrypted and parsed whole tables. This adds
 * real columns for those fields (filled here from `data`, then by the store on every write) and
 * covering indexes led by the date, so a report reads only index pages for its period.
 * Columns are nullable: ADD COLUMN cannot add NOT NULL without a default, and null means "not
 * recorded", as absence does in `data`.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'report-columns',
  up(db) {
    db.exec(`
      ALTER TABLE incidents ADD COLUMN perpetrator_type TEXT;
      ALTER TABLE incidents ADD COLUMN country TEXT;
      ALTER TABLE incidents ADD COLUMN region TEXT;
      UPDATE incidents SET perpetrator_type = json_extract(data, '$.perpetratorType'),
                           country = json_extract(data, '$.location.country'),
                           region = json_extract(data, '$.location.region');

      ALTER TABLE referrals ADD COLUMN service_kind TEXT;
      UPDATE referrals SET service_kind = json_extract(data, '$.serviceKind');

      ALTER TABLE risk_entries ADD COLUMN occurred_on TEXT;
      ALTER TABLE risk_entries ADD COLUMN channel TEXT;
      ALTER TABLE risk_entries ADD COLUMN actor_type TEXT;
      ALTER TABLE risk_entries ADD COLUMN threat_kind TEXT;
      UPDATE risk_entries SET occurred_on = substr(occurred_at, 1, 10),
                              channel = json_extract(data, '$.channel'),
                              actor_type = json_extract(data, '$.actorType'),
                              threat_kind = json_extract(data, '$.threatKind');

      ALTER TABLE consents ADD COLUMN anonymised_statistics INTEGER;
      UPDATE consents SET anonymised_statistics = json_extract(data, '$.anonymisedStatistics');

      ALTER TABLE people ADD COLUMN age_group TEXT;
      ALTER TABLE people ADD COLUMN age_years INTEGER;
      ALTER TABLE people ADD COLUMN sex TEXT;
      UPDATE people SET age_group = json_extract(data, '$.ageGroup'),
                        age_years = json_extract(data, '$.ageYears'),
                        sex = json_extract(data, '$.sex');

      CREATE INDEX cases_for_reports ON cases (opened_on, id, kind, status, closed_on, country, region);
      CREATE INDEX cases_by_id_for_reports ON cases (id, kind, opened_on, country, region);
      CREATE INDEX incidents_for_reports
        ON incidents (occurred_on, case_id, kind, verification, perpetrator_type, country, region, id);
      CREATE INDEX referrals_for_reports
        ON referrals (referred_on, case_id, status, follow_up_on, service_kind);
      CREATE INDEX referrals_by_case_date ON referrals (case_id, referred_on);
      CREATE INDEX risk_entries_for_reports
        ON risk_entries (occurred_on, case_id, severity, likelihood, channel, actor_type, threat_kind);
      CREATE INDEX plan_measures_for_reports ON plan_measures (due_on, case_id, phase, status);
      CREATE INDEX consents_for_reports
        ON consents (case_id, person_id, given_on, created_at, withdrawn_on, anonymised_statistics);
      CREATE INDEX people_for_reports ON people (id, age_group, age_years, sex);
    `);
  },
};
