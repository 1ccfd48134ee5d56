import type { Migration } from './types.ts';

/**
 * Reports count incidents by their survivor's age group and sex (docs/reports.md: the first person
 * by id linked to the incident as survivor or victim, else the first linked to its case so). Until
 * now every cold report build resolved that from the whole vault's links and people (~0.4–0.6 s CPU
 * at 100k cases, whatever the period: docs/benchmarks.md, Reports). This keeps the resolved,
 * already coarsened pair on the incident's own row, so a build reads it from the period's covering
 * index.
 *
 * The columns are kept by SQLite triggers, not by the store, so every write path keeps them —
 * store writes, the records import, CSV import, cascading deletes — with no code of its own:
 * an incident inserted or moved to another case, a survivor/victim link added or removed on the
 * incident or on its case, a person's age or sex changed. (A person deleted removes their links by
 * cascade, which fires the link triggers.) The age bands are those of `ageGroupOf` in
 * electron/core/reports/facts.ts; a recorded age group wins over an age in years.
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
export function refreshSurvivorSql(where: string): string {
  return `UPDATE incidents SET
      survivor_age_group = coalesce((SELECT ${AGE_GROUP} FROM people p WHERE p.id = ${SURVIVOR_ID}), 'unknown'),
      survivor_sex = coalesce((SELECT coalesce(p.sex, 'unknown') FROM people p WHERE p.id = ${SURVIVOR_ID}), 'unknown')
    WHERE ${where};`;
}

export const migration0012: Migration = {
  version: 12,
  name: 'report-survivor-columns',
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

      DROP INDEX incidents_for_reports;
      CREATE INDEX incidents_for_reports
        ON incidents (occurred_on, case_id, kind, verification, perpetrator_type, country, region, id,
                      survivor_age_group, survivor_sex);
    `);
  },
};
