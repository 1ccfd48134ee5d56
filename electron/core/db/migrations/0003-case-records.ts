import type { Migration } from './types.ts';

/**
 * Case records. Each record table keeps the columns that are filtered, sorted or joined on as real
 * columns and the whole validated record as JSON in `data` (the records format's shape, so export is
 * a read and import a write). Real names live apart in `person_identities`, read only on an
 * audited reveal. `record_history` keeps every past state so a case's history can be shown; it is
 * purged with the record, leaving only the audit entry, so deletion is real. The audit log is an
 * append-only chain of keyed MACs. Search is FTS5 inside the encrypted database, with FTS5's own
 * secure-delete so a deleted record's words leave the index too.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'case-records',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id          TEXT PRIMARY KEY,
        code        TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL,
        status      TEXT NOT NULL,
        sensitivity TEXT NOT NULL,
        opened_on   TEXT NOT NULL,
        closed_on   TEXT,
        country     TEXT,
        region      TEXT,
        locality    TEXT,
        title       TEXT NOT NULL,
        data        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_by_opened ON cases (opened_on DESC, code);
      CREATE INDEX cases_by_status ON cases (status, opened_on DESC);
      CREATE INDEX cases_by_kind ON cases (kind, opened_on DESC);

      CREATE TABLE case_tags (
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        tag     TEXT NOT NULL,
        PRIMARY KEY (case_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_tags_by_tag ON case_tags (tag);

      CREATE TABLE people (
        id         TEXT PRIMARY KEY,
        alias      TEXT NOT NULL,
        data       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX people_by_alias ON people (alias);

      CREATE TABLE person_identities (
        person_id TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
        real_name TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_people (
        case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        role      TEXT NOT NULL,
        PRIMARY KEY (case_id, person_id, role)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_people_by_person ON case_people (person_id);

      CREATE TABLE incidents (
        id           TEXT PRIMARY KEY,
        case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        occurred_on  TEXT NOT NULL,
        kind         TEXT NOT NULL,
        verification TEXT NOT NULL,
        data         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incidents_by_case ON incidents (case_id, occurred_on);

      CREATE TABLE incident_people (
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        role        TEXT NOT NULL,
        PRIMARY KEY (incident_id, person_id, role)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE risk_entries (
        id          TEXT PRIMARY KEY,
        case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        person_id   TEXT REFERENCES people (id) ON DELETE SET NULL,
        occurred_at TEXT NOT NULL,
        severity    INTEGER NOT NULL,
        likelihood  INTEGER NOT NULL,
        data        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX risk_entries_by_case ON risk_entries (case_id, occurred_at);

      CREATE TABLE risk_assessments (
        id          TEXT PRIMARY KEY,
        case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        assessed_on TEXT NOT NULL,
        score       REAL NOT NULL,
        data        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX risk_assessments_by_case ON risk_assessments (case_id, assessed_on);

      CREATE TABLE protection_plans (
        id         TEXT PRIMARY KEY,
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        review_on  TEXT,
        data       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX protection_plans_by_case ON protection_plans (case_id);

      CREATE TABLE plan_measures (
        id         TEXT PRIMARY KEY,
        plan_id    TEXT NOT NULL REFERENCES protection_plans (id) ON DELETE CASCADE,
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        phase      TEXT NOT NULL,
        status     TEXT NOT NULL,
        due_on     TEXT,
        data       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plan_measures_by_plan ON plan_measures (plan_id, due_on);
      CREATE INDEX plan_measures_open_by_due ON plan_measures (due_on) WHERE status IN ('planned', 'in-progress');

      CREATE TABLE plan_contacts (
        id         TEXT PRIMARY KEY,
        plan_id    TEXT NOT NULL REFERENCES protection_plans (id) ON DELETE CASCADE,
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        data       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plan_contacts_by_plan ON plan_contacts (plan_id);

      CREATE TABLE consents (
        id           TEXT PRIMARY KEY,
        case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        given_on     TEXT NOT NULL,
        withdrawn_on TEXT,
        data         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consents_by_case ON consents (case_id);

      CREATE TABLE referrals (
        id           TEXT PRIMARY KEY,
        case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        consent_id   TEXT NOT NULL REFERENCES consents (id),
        referred_on  TEXT NOT NULL,
        status       TEXT NOT NULL,
        follow_up_on TEXT,
        data         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referrals_by_case ON referrals (case_id);
      CREATE INDEX referrals_by_follow_up ON referrals (follow_up_on) WHERE status IN ('pending', 'accepted');

      CREATE TABLE ocsea_reports (
        id              TEXT PRIMARY KEY,
        case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        reported_on     TEXT NOT NULL,
        takedown_status TEXT NOT NULL,
        data            TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ocsea_reports_by_case ON ocsea_reports (case_id);

      CREATE TABLE notes (
        id         TEXT PRIMARY KEY,
        case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        data       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notes_by_case ON notes (case_id, created_at);

      CREATE TABLE custom_kinds (
        code       TEXT PRIMARY KEY,
        label_fr   TEXT NOT NULL,
        label_en   TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- One row per edit: the state the edit replaced, who replaced it, when, and which fields.
      CREATE TABLE record_history (
        id        INTEGER PRIMARY KEY,
        entity    TEXT NOT NULL,
        record_id TEXT NOT NULL,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        changed   TEXT NOT NULL,
        data      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX record_history_by_record ON record_history (record_id, id);

      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT,
        record_id TEXT,
        detail    TEXT NOT NULL,
        prev_mac  TEXT NOT NULL,
        mac       TEXT NOT NULL
      ) STRICT;

      -- The FTS rowid is search_docs.rowid, so a record's index entry is found and removed by key.
      CREATE TABLE search_docs (
        rowid     INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL UNIQUE,
        entity    TEXT NOT NULL,
        case_id   TEXT,
        on_date   TEXT
      ) STRICT;
      CREATE INDEX search_docs_by_case ON search_docs (case_id);
      CREATE VIRTUAL TABLE search_index USING fts5 (
        title,
        body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
    `);
  },
};
