/**
 * Read models for the screens: the case list (a page of a filtered, sorted list, fast at 100k
 * cases), a case with everything linked to it, the risk trend, and what is overdue.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { VaultDatabase } from '../db/open.ts';
import { plucked, prepared } from '../db/statements.ts';
import { riskScore } from './entities.ts';
import type { StoredRecord } from './store.ts';

export interface CaseListFilter {
  status?: string;
  kind?: string;
  sensitivity?: string;
  tag?: string;
  country?: string;
  /** Inclusive bounds on the opening date. */
  from?: string;
  to?: string;
  /** Case code prefix (codes are pseudonymous, so this is safe to type anywhere). */
  codePrefix?: string;
}

export interface CaseSummary {
  id: string;
  code: string;
  kind: string;
  status: string;
  sensitivity: string;
  openedOn: string;
  closedOn: string | null;
  title: string;
  country: string | null;
  updatedAt: string;
}

export interface CasePage {
  /** Cases matching the filter; `null` when the caller did not ask for the count. */
  total: number | null;
  offset: number;
  rows: CaseSummary[];
}

/** The sort key of a row of the list: pages can continue after it without counting. */
export interface CaseListKey {
  openedOn: string;
  code: string;
}

export interface CaseListOptions {
  /**
   * The key of the row just before `offset` (the last row of the previous page). With it the page
   * is a seek in the index instead of a walk over `offset` rows; `offset` is then only echoed.
   */
  after?: CaseListKey;
  /** Count the matching cases (default true). Scrolling on a list whose total is known skips it. */
  count?: boolean;
}

function caseWhere(filter: CaseListFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  eq('status', filter.status);
  eq('kind', filter.kind);
  eq('sensitivity', filter.sensitivity);
  eq('country', filter.country);
  if (filter.from) {
    where.push('opened_on >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('opened_on <= ?');
    params.push(filter.to);
  }
  if (filter.codePrefix) {
    // Range on the unique index instead of LIKE, so a prefix costs a seek, not a scan.
    where.push('code >= ? AND code < ?');
    params.push(filter.codePrefix, `${filter.codePrefix}\uffff`);
  }
  if (filter.tag) {
    where.push('id IN (SELECT case_id FROM case_tags WHERE tag = ?)');
    params.push(filter.tag);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * A page of the list, ordered by opening date (newest first), then code. Two ways in: by offset
 * (a jump anywhere, e.g. dragging the scrollbar; cost grows with the offset) or after a known row
 * (scrolling on; cost independent of the position). Both give the same rows.
 */
export function listCases(
  db: VaultDatabase,
  filter: CaseListFilter,
  offset: number,
  limit: number,
  options: CaseListOptions = {},
): CasePage {
  const { sql, params } = caseWhere(filter);
  const total =
    options.count === false
      ? null
      : (plucked(db, `SELECT count(*) FROM cases ${sql}`).get(...params) as number);
  const pageSize = Math.min(Math.max(limit, 1), 500);
  const columns = `id, code, kind, status, sensitivity, opened_on AS openedOn, closed_on AS closedOn, title,
              country, updated_at AS updatedAt`;
  let rows: CaseSummary[];
  if (options.after) {
    // ORDER BY opened_on DESC, code ASC: "after (o, c)" is an earlier date, or the same date and a
    // later code. `opened_on <= o` is the index range; the OR only drops rows of date o.
    const seek = `opened_on <= ? AND (opened_on < ? OR code > ?)`;
    const where = sql ? `${sql} AND ${seek}` : `WHERE ${seek}`;
    const { openedOn, code } = options.after;
    rows = prepared(db, `SELECT ${columns} FROM cases ${where} ORDER BY opened_on DESC, code LIMIT ?`).all(
      ...params,
      openedOn,
      openedOn,
      code,
      pageSize,
    ) as CaseSummary[];
  } else {
    rows = prepared(
      db,
      `SELECT ${columns} FROM cases ${sql} ORDER BY opened_on DESC, code LIMIT ? OFFSET ?`,
    ).all(...params, pageSize, Math.max(offset, 0)) as CaseSummary[];
  }
  return { total, offset, rows };
}

const parseAll = (rows: unknown[]) =>
  (rows as Array<{ data: string }>).map((r) => JSON.parse(r.data) as StoredRecord);

export interface CaseDetail {
  case: StoredRecord;
  people: Array<{ person: StoredRecord; roles: string[] }>;
  incidents: StoredRecord[];
  riskEntries: StoredRecord[];
  riskAssessments: Array<StoredRecord & { score: number }>;
  plans: Array<{ plan: StoredRecord; measures: StoredRecord[]; contacts: StoredRecord[] }>;
  consents: StoredRecord[];
  referrals: StoredRecord[];
  ocseaReports: StoredRecord[];
  notes: StoredRecord[];
}

export function caseDetail(db: VaultDatabase, caseId: string): CaseDetail {
  const row = prepared(db, 'SELECT data FROM cases WHERE id = ?').get(caseId) as { data: string } | undefined;
  if (!row) throw new CaseVaultError('RECORD_NOT_FOUND', 'case');
  const byCase = (table: string, order: string) =>
    parseAll(prepared(db, `SELECT data FROM ${table} WHERE case_id = ? ORDER BY ${order}`).all(caseId));
  const links = prepared(
    db,
    `SELECT p.data AS data, group_concat(cp.role) AS roles
         FROM case_people cp JOIN people p ON p.id = cp.person_id
        WHERE cp.case_id = ? GROUP BY p.id ORDER BY p.alias`,
  ).all(caseId) as Array<{ data: string; roles: string }>;
  const plans = byCase('protection_plans', 'created_at').map((plan) => ({
    plan,
    measures: parseAll(
      prepared(
        db,
        `SELECT data FROM plan_measures WHERE plan_id = ?
            ORDER BY CASE status WHEN 'done' THEN 2 WHEN 'cancelled' THEN 3 ELSE 1 END, due_on IS NULL, due_on`,
      ).all(plan.id),
    ),
    contacts: parseAll(
      prepared(db, 'SELECT data FROM plan_contacts WHERE plan_id = ? ORDER BY created_at').all(plan.id),
    ),
  }));
  return {
    case: JSON.parse(row.data),
    people: links.map((l) => ({ person: JSON.parse(l.data), roles: l.roles.split(',') })),
    incidents: byCase('incidents', 'occurred_on DESC'),
    riskEntries: byCase('risk_entries', 'occurred_at DESC'),
    riskAssessments: byCase('risk_assessments', 'assessed_on').map((r) => ({
      ...r,
      score: riskScore(r as never),
    })),
    plans,
    consents: byCase('consents', 'given_on DESC'),
    referrals: byCase('referrals', 'referred_on DESC'),
    ocseaReports: byCase('ocsea_reports', 'reported_on DESC'),
    notes: byCase('notes', 'created_at DESC'),
  };
}

export type Trend = 'rising' | 'falling' | 'steady' | 'unknown';

export interface RiskTrend {
  points: Array<{ on: string; score: number; threat: number; vulnerability: number; capacity: number }>;
  trend: Trend;
  /** Mean severity × likelihood of risk-log entries per month, for the log's own trend. */
  monthly: Array<{ month: string; entries: number; meanRisk: number }>;
}

/** Compares the latest assessment with the one before: a change of 10% or more is a trend. */
export function riskTrend(db: VaultDatabase, caseId: string): RiskTrend {
  const points = (
    prepared(db, 'SELECT data FROM risk_assessments WHERE case_id = ? ORDER BY assessed_on').all(
      caseId,
    ) as Array<{
      data: string;
    }>
  ).map((row) => {
    const r = JSON.parse(row.data);
    return {
      on: r.assessedOn,
      score: riskScore(r),
      threat: r.threat,
      vulnerability: r.vulnerability,
      capacity: r.capacity,
    };
  });
  let trend: Trend = 'unknown';
  if (points.length >= 2) {
    const last = points.at(-1)!.score;
    const before = points.at(-2)!.score;
    trend = last > before * 1.1 ? 'rising' : last < before * 0.9 ? 'falling' : 'steady';
  }
  const monthly = prepared(
    db,
    `SELECT substr(occurred_at, 1, 7) AS month, count(*) AS entries,
              round(avg(severity * likelihood), 2) AS meanRisk
         FROM risk_entries WHERE case_id = ? GROUP BY month ORDER BY month`,
  ).all(caseId) as RiskTrend['monthly'];
  return { points, trend, monthly };
}

export interface OverdueItem {
  kind: 'measure' | 'plan-review' | 'referral-follow-up';
  recordId: string;
  caseId: string;
  caseCode: string;
  title: string;
  due: string;
}

/** Open measures past due, plans past their review date, referrals past their follow-up date. */
export function overdue(db: VaultDatabase, today: string): OverdueItem[] {
  return prepared(
    db,
    `SELECT 'measure' AS kind, m.id AS recordId, m.case_id AS caseId, c.code AS caseCode,
              json_extract(m.data, '$.title') AS title, m.due_on AS due
         FROM plan_measures m JOIN cases c ON c.id = m.case_id
        WHERE m.status IN ('planned', 'in-progress') AND m.due_on < @today
       UNION ALL
       SELECT 'plan-review', p.id, p.case_id, c.code, json_extract(p.data, '$.title'), p.review_on
         FROM protection_plans p JOIN cases c ON c.id = p.case_id
        WHERE p.review_on < @today AND c.status <> 'closed'
       UNION ALL
       SELECT 'referral-follow-up', r.id, r.case_id, c.code, json_extract(r.data, '$.provider'), r.follow_up_on
         FROM referrals r JOIN cases c ON c.id = r.case_id
        WHERE r.status IN ('pending', 'accepted') AND r.follow_up_on < @today
       ORDER BY due`,
  ).all({ today }) as OverdueItem[];
}

export function listPeople(
  db: VaultDatabase,
  aliasPrefix: string | undefined,
  limit: number,
): StoredRecord[] {
  const rows = aliasPrefix
    ? prepared(db, 'SELECT data FROM people WHERE alias >= ? AND alias < ? ORDER BY alias LIMIT ?').all(
        aliasPrefix,
        `${aliasPrefix}\uffff`,
        limit,
      )
    : prepared(db, 'SELECT data FROM people ORDER BY alias LIMIT ?').all(limit);
  return parseAll(rows);
}
