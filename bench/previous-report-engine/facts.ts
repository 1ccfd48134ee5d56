/**
 * FROZEN COPY of the facts loader before the report-speed change (see ./engine.ts): one SQL query per
 * unit joining its case (and an incident's survivor) row by row, one object per unit.
 */
/**
 * The facts a report counts: one row per unit (case, incident, referral, risk-log entry, protection
 * measure) dated inside the period, with the value of every dimension already coarsened — period
 * (month or quarter), region (never a locality), age group (never an age). Each fact says whether
 * its case may be counted (consent) so the engine can count what it leaves out.
 */

import type { VaultDatabase } from '../../electron/core/db/open.ts';
import type { DimensionId, ReportUnit } from '../../shared/reports/dimensions.ts';

export type Granularity = 'month' | 'quarter';

export interface Fact {
  caseId: string;
  eligible: boolean;
  dims: Partial<Record<DimensionId, string>>;
  metrics: { daysToReferral?: number; daysToFollowUp?: number; riskScore?: number };
}

export interface FactQuery {
  from: string;
  to: string;
  granularity: Granularity;
  /** Today (YYYY-MM-DD): consents withdrawn on or before it no longer count. */
  today: string;
}

export function periodOf(date: string, granularity: Granularity): string {
  if (granularity === 'month') return date.slice(0, 7);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every period from `from` to `to`, in order. */
export function periodsBetween(from: string, to: string, granularity: Granularity): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = periodOf(to, granularity);
  for (;;) {
    const p = periodOf(`${year}-${String(month).padStart(2, '0')}-01`, granularity);
    if (out.at(-1) !== p) out.push(p);
    if (p === last) return out;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const AGE_BANDS: Array<[number, string]> = [
  [4, '0-4'],
  [11, '5-11'],
  [17, '12-17'],
  [25, '18-25'],
  [59, '26-59'],
];
function ageGroupOf(ageGroup: string | null, ageYears: number | null): string {
  if (ageGroup) return ageGroup;
  if (ageYears === null || ageYears === undefined) return 'unknown';
  for (const [max, band] of AGE_BANDS) if (ageYears <= max) return band;
  return '60+';
}

function regionOf(country: string | null, region: string | null): string {
  if (!region) return 'unknown';
  return `${country ?? ''}|${region}`;
}

/**
 * Cases whose consent allows anonymised statistics: at least one consent, and for every person
 * with a consent on the case, their latest consent says yes and is not withdrawn by `today`.
 */
export function eligibleCases(db: VaultDatabase, today: string): Set<string> {
  // One row per (case, person): SQLite takes the bare columns of a max() aggregate from the row
  // holding the maximum, i.e. the person's latest consent (given_on, then created_at).
  const ids = db
    .prepare(
      `SELECT case_id FROM (
         SELECT case_id, max(given_on || created_at) AS latest, withdrawn_on, anonymised_statistics AS stats
           FROM consents GROUP BY case_id, person_id)
        GROUP BY case_id
       HAVING min(CASE WHEN stats = 1 AND (withdrawn_on IS NULL OR withdrawn_on > @today) THEN 1 ELSE 0 END) = 1`,
    )
    .pluck()
    .all({ today }) as string[];
  return new Set(ids);
}

type Row = Record<string, string | number | null>;

export function loadFacts(db: VaultDatabase, unit: ReportUnit, q: FactQuery, eligible: Set<string>): Fact[] {
  const p = (date: string) => periodOf(date, q.granularity);
  const base = (row: Row) => ({ caseId: row.caseId as string, eligible: eligible.has(row.caseId as string) });
  const params = { from: q.from, to: q.to };
  switch (unit) {
    case 'case': {
      const rows = db
        .prepare(
          `SELECT c.id AS caseId, c.kind, c.status, c.opened_on AS openedOn, c.closed_on AS closedOn,
                  c.country, c.region,
                  EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id AND r.referred_on <= @to) AS referred
             FROM cases c WHERE c.opened_on BETWEEN @from AND @to`,
        )
        .all(params) as Row[];
      return rows.map((r) => ({
        ...base(r),
        dims: {
          period: p(r.openedOn as string),
          region: regionOf(r.country as string | null, r.region as string | null),
          caseKind: r.kind as string,
          statusGroup:
            r.status === 'closed' && (!r.closedOn || (r.closedOn as string) <= q.to) ? 'closed' : 'open',
          hasReferral: r.referred ? 'yes' : 'no',
        },
        metrics: {},
      }));
    }
    case 'incident': {
      const rows = db
        .prepare(
          `WITH period AS (
             SELECT i.id, i.case_id AS caseId, i.kind, i.verification, i.occurred_on AS occurredOn,
                    i.perpetrator_type AS actor, i.country AS iCountry, i.region AS iRegion,
                    c.country AS cCountry, c.region AS cRegion, c.kind AS caseKind,
                    coalesce(
                      (SELECT min(person_id) FROM incident_people ip
                        WHERE ip.incident_id = i.id AND ip.role IN ('survivor', 'victim')),
                      (SELECT min(person_id) FROM case_people cp
                        WHERE cp.case_id = i.case_id AND cp.role IN ('survivor', 'victim'))) AS survivor
               FROM incidents i JOIN cases c ON c.id = i.case_id
              WHERE i.occurred_on BETWEEN @from AND @to)
           SELECT period.*, p.age_group AS ageGroup, p.age_years AS ageYears, p.sex AS sex
             FROM period LEFT JOIN people p ON p.id = period.survivor`,
        )
        .all(params) as Row[];
      return rows.map((r) => {
        const region = r.iRegion
          ? regionOf((r.iCountry ?? r.cCountry) as string | null, r.iRegion as string)
          : regionOf(r.cCountry as string | null, r.cRegion as string | null);
        return {
          ...base(r),
          dims: {
            period: p(r.occurredOn as string),
            region,
            caseKind: r.caseKind as string,
            incidentKind: r.kind as string,
            verification: r.verification as string,
            actorType: (r.actor as string | null) ?? 'unknown',
            ageGroup: r.survivor
              ? ageGroupOf(r.ageGroup as string | null, r.ageYears as number | null)
              : 'unknown',
            sex: r.survivor ? ((r.sex as string | null) ?? 'unknown') : 'unknown',
          },
          metrics: {},
        };
      });
    }
    case 'referral': {
      const rows = db
        .prepare(
          `SELECT r.case_id AS caseId, r.status, r.referred_on AS referredOn, r.follow_up_on AS followUpOn,
                  r.service_kind AS service, c.opened_on AS openedOn, c.kind AS caseKind
             FROM referrals r JOIN cases c ON c.id = r.case_id
            WHERE r.referred_on BETWEEN @from AND @to`,
        )
        .all(params) as Row[];
      return rows.map((r) => {
        const toReferral = Math.max(0, days(r.openedOn as string, r.referredOn as string));
        const followed = r.followUpOn !== null && (r.followUpOn as string) <= q.to;
        const status = r.status as string;
        return {
          ...base(r),
          dims: {
            period: p(r.referredOn as string),
            caseKind: r.caseKind as string,
            serviceKind: r.service as string,
            referralOutcome: ['accepted', 'completed'].includes(status)
              ? 'accepted'
              : status === 'pending'
                ? 'pending'
                : 'not-accepted',
            hasFollowUp: followed ? 'yes' : 'no',
            daysToReferralBand:
              toReferral <= 7 ? '0-7' : toReferral <= 30 ? '8-30' : toReferral <= 90 ? '31-90' : '91+',
          },
          metrics: {
            daysToReferral: toReferral,
            ...(followed
              ? { daysToFollowUp: Math.max(0, days(r.referredOn as string, r.followUpOn as string)) }
              : {}),
          },
        };
      });
    }
    case 'riskEntry': {
      const rows = db
        .prepare(
          `SELECT e.case_id AS caseId, e.occurred_on AS day, e.severity, e.likelihood,
                  e.channel, e.actor_type AS actor, e.threat_kind AS threat, c.kind AS caseKind
             FROM risk_entries e JOIN cases c ON c.id = e.case_id
            WHERE e.occurred_on BETWEEN @from AND @to`,
        )
        .all(params) as Row[];
      return rows.map((r) => {
        const threat = r.threat as string | null;
        return {
          ...base(r),
          dims: {
            period: p(r.day as string),
            caseKind: r.caseKind as string,
            channel: r.channel as string,
            actorType: r.actor as string,
            threatKind: threat?.startsWith('defender.') ? threat : 'other',
          },
          metrics: { riskScore: (r.severity as number) * (r.likelihood as number) },
        };
      });
    }
    case 'measure': {
      // Overdue at the end of the period, or today if the period is not over yet.
      const asOf = [q.to, q.today].sort()[0]!;
      const rows = db
        .prepare(
          `SELECT m.case_id AS caseId, m.phase, m.status, m.due_on AS dueOn, c.kind AS caseKind
             FROM plan_measures m JOIN cases c ON c.id = m.case_id
            WHERE m.due_on BETWEEN @from AND @to`,
        )
        .all(params) as Row[];
      return rows.map((r) => ({
        ...base(r),
        dims: {
          period: p(r.dueOn as string),
          caseKind: r.caseKind as string,
          measurePhase: r.phase as string,
          overdue:
            ['planned', 'in-progress'].includes(r.status as string) && (r.dueOn as string) < asOf
              ? 'yes'
              : 'no',
        },
        metrics: {},
      }));
    }
  }
}
