/**
 * The facts a report counts: one per unit (case, incident, referral, risk-log entry, protection
 * measure) dated inside the period, with the value of every dimension already coarsened — period
 * (month or quarter), region (never a locality), age group (never an age). Each fact says whether
 * its case may be counted (consent) so the engine can count what it leaves out.
 *
 * Speed (docs/benchmarks.md, Reports): each unit is read from its own covering index over the
 * period only, with no join and no lookup: what a unit needs from its case (kind, place, opening
 * date, consent verdict as a "counted until" date) and, for an incident, from its survivor (age
 * group, sex) is kept on the unit's own row by SQLite triggers (migration 0012). SQLite answered the same joins with one B-tree search per unit
 * and per joined table, which at 100k cases cost seconds; the facts go into columns (fact-columns.ts).
 */
import type { DimensionId, Metric, ReportUnit } from '../../../shared/reports/dimensions.ts';
import type { VaultDatabase } from '../db/open.ts';
import { type Dictionary, type FactColumns, FactColumnsBuilder } from './fact-columns.ts';

export type Granularity = 'month' | 'quarter';

/** One fact as an object: what tests generate (engine.ts turns them into columns). */
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

function regionOf(country: string | null, region: string | null): string {
  if (!region) return 'unknown';
  return `${country ?? ''}|${region}`;
}

const DAY_MS = 86_400_000;

/** Day numbers of dates, memoised: a period holds a few hundred distinct days, and units repeat them. */
class Days {
  readonly #memo = new Map<string, number>();
  of(date: string): number {
    let day = this.#memo.get(date);
    if (day === undefined) {
      day = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
      this.#memo.set(date, day);
    }
    return day;
  }
  between(from: string, to: string): number {
    return this.of(to) - this.of(from);
  }
}

/** The SQL of periodOf over a YYYY-MM-DD column (month: 2025-03; quarter: 2025-Q1). */
function periodSql(column: string, granularity: Granularity): string {
  return granularity === 'month'
    ? `substr(${column}, 1, 7)`
    : `substr(${column}, 1, 4) || '-Q' || ((CAST(substr(${column}, 6, 2) AS INTEGER) + 2) / 3)`;
}

/** The dimensions and metrics each unit's facts carry, in the order the loaders set them. */
export const UNIT_DIMENSIONS: Record<ReportUnit, readonly DimensionId[]> = {
  case: ['period', 'region', 'caseKind', 'statusGroup', 'hasReferral'],
  incident: ['period', 'region', 'caseKind', 'incidentKind', 'verification', 'actorType', 'ageGroup', 'sex'],
  referral: ['period', 'caseKind', 'serviceKind', 'referralOutcome', 'hasFollowUp', 'daysToReferralBand'],
  riskEntry: ['period', 'caseKind', 'channel', 'actorType', 'threatKind'],
  measure: ['period', 'caseKind', 'measurePhase', 'overdue'],
};
export const UNIT_METRICS: Record<ReportUnit, readonly Metric[]> = {
  case: [],
  incident: [],
  referral: ['daysToReferral', 'daysToFollowUp'],
  riskEntry: ['riskScore'],
  measure: [],
};

/**
 * The fields a unit takes from its own row, in one JSON array per row (one string to carry into
 * JavaScript instead of one per field), decoded once per distinct array.
 */
function tuples<T>(decode: (fields: unknown[]) => T): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let t = memo.get(key);
    if (t === undefined) {
      t = decode(JSON.parse(key) as unknown[]);
      memo.set(key, t);
    }
    return t;
  };
}

/** The SQL that says whether a unit's case may be counted today (0/1; migration 0012). */
const COUNTED = 'coalesce(case_counted_until > @today, 0)';

export function loadFacts(db: VaultDatabase, unit: ReportUnit, q: FactQuery): FactColumns {
  const params = { from: q.from, to: q.to, today: q.today };
  const dims = UNIT_DIMENSIONS[unit];
  const build = (capacity: number) => new FactColumnsBuilder(unit, dims, UNIT_METRICS[unit], capacity);
  switch (unit) {
    case 'case': {
      // The period's cases from their covering index (opened_on first), status already grouped.
      const rows = db
        .prepare(
          `SELECT id, json_array(${periodSql('opened_on', q.granularity)}, kind, country, region,
                    CASE WHEN status = 'closed' AND (closed_on IS NULL OR closed_on = '' OR closed_on <= @to)
                         THEN 'closed' ELSE 'open' END,
                    coalesce(counted_until > @today, 0), coalesce(first_referred_on <= @to, 0))
             FROM cases INDEXED BY cases_for_reports WHERE opened_on BETWEEN @from AND @to`,
        )
        .raw()
        .all(params) as Array<[string, string]>;
      const out = build(rows.length);
      const tuple = tuples((f) => {
        const [period, kind, country, region, status, counted, referred] = f as [
          string,
          string,
          string | null,
          string | null,
          string,
          number,
          number,
        ];
        return {
          period,
          kind,
          region: regionOf(country, region),
          status,
          eligible: counted === 1,
          referred: referred === 1 ? 'yes' : 'no',
        };
      });
      for (const [id, key] of rows) {
        const t = tuple(key);
        const i = out.push(id, t.eligible);
        out.setValues(i, [t.period, t.region, t.kind, t.status, t.referred]);
      }
      return out.finish();
    }
    case 'incident': {
      // Everything from the incident's own row: its case's kind, place and consent verdict and its
      // survivor's age group and sex are kept there by the triggers of migration 0012.
      const rows = db
        .prepare(
          `SELECT case_id,
                  json_array(${periodSql('occurred_on', q.granularity)}, kind, verification,
                             perpetrator_type, country, region, survivor_age_group, survivor_sex,
                             case_kind, case_country, case_region, ${COUNTED})
             FROM incidents WHERE occurred_on BETWEEN @from AND @to`,
        )
        .raw()
        .all(params) as Array<[string, string]>;
      const out = build(rows.length);
      const [period, region, caseKind, incidentKind, verification, actorType, ageGroup, sex] =
        out.dictionaries as [
          Dictionary,
          Dictionary,
          Dictionary,
          Dictionary,
          Dictionary,
          Dictionary,
          Dictionary,
          Dictionary,
        ];
      const [cPeriod, cRegion, cCaseKind, cKind, cVerification, cActor, cAge, cSex] = out.codes as [
        Uint32Array,
        Uint32Array,
        Uint32Array,
        Uint32Array,
        Uint32Array,
        Uint32Array,
        Uint32Array,
        Uint32Array,
      ];
      const tuple = tuples((f) => {
        const [per, kind, verif, actor, country, place, age, sx, kase, caseCountry, caseRegion, counted] =
          f as [
            string,
            string,
            string,
            string | null,
            string | null,
            string | null,
            string | null,
            string | null,
            string,
            string | null,
            string | null,
            number,
          ];
        return {
          period: period.code(per),
          kind: incidentKind.code(kind),
          verification: verification.code(verif),
          actor: actorType.code(actor ?? 'unknown'),
          // The incident's own place (with the case's country if it has none), else the case's.
          region: region.code(
            place ? regionOf(country ?? caseCountry, place) : regionOf(caseCountry, caseRegion),
          ),
          caseKind: caseKind.code(kase),
          // Null only on a row written with the triggers off, which counts as no survivor.
          age: ageGroup.code(age ?? 'unknown'),
          sex: sex.code(sx ?? 'unknown'),
          eligible: counted === 1,
        };
      });
      for (const [caseId, key] of rows) {
        const t = tuple(key);
        const i = out.push(caseId, t.eligible);
        cPeriod[i] = t.period;
        cRegion[i] = t.region;
        cCaseKind[i] = t.caseKind;
        cKind[i] = t.kind;
        cVerification[i] = t.verification;
        cActor[i] = t.actor;
        cAge[i] = t.age;
        cSex[i] = t.sex;
      }
      return out.finish();
    }
    case 'referral': {
      const days = new Days();
      const p = periodMemo(q.granularity);
      const rows = db
        .prepare(
          `SELECT case_id, status, referred_on, follow_up_on, service_kind, case_kind, case_opened_on, ${COUNTED}
             FROM referrals WHERE referred_on BETWEEN @from AND @to`,
        )
        .raw()
        .all(params) as Array<[string, string, string, string | null, string, string, string, number]>;
      const out = build(rows.length);
      const [toReferralDays, toFollowUpDays] = out.metricValues as [Float64Array, Float64Array];
      for (const [caseId, status, referredOn, followUpOn, service, caseKind, openedOn, counted] of rows) {
        const toReferral = Math.max(0, days.between(openedOn, referredOn));
        const followed = followUpOn !== null && followUpOn <= q.to;
        const i = out.push(caseId, counted === 1);
        out.setValues(i, [
          p(referredOn),
          caseKind,
          service,
          status === 'accepted' || status === 'completed'
            ? 'accepted'
            : status === 'pending'
              ? 'pending'
              : 'not-accepted',
          followed ? 'yes' : 'no',
          toReferral <= 7 ? '0-7' : toReferral <= 30 ? '8-30' : toReferral <= 90 ? '31-90' : '91+',
        ]);
        toReferralDays[i] = toReferral;
        if (followed) toFollowUpDays[i] = Math.max(0, days.between(referredOn, followUpOn));
      }
      return out.finish();
    }
    case 'riskEntry': {
      const p = periodMemo(q.granularity);
      const rows = db
        .prepare(
          `SELECT case_id, occurred_on, severity, likelihood, channel, actor_type, threat_kind, case_kind, ${COUNTED}
             FROM risk_entries WHERE occurred_on BETWEEN @from AND @to`,
        )
        .raw()
        .all(params) as Array<
        [string, string, number, number, string, string, string | null, string, number]
      >;
      const out = build(rows.length);
      const [riskScore] = out.metricValues as [Float64Array];
      for (const [caseId, day, severity, likelihood, channel, actor, threat, caseKind, counted] of rows) {
        const i = out.push(caseId, counted === 1);
        out.setValues(i, [
          p(day),
          caseKind,
          channel,
          actor,
          threat?.startsWith('defender.') ? threat : 'other',
        ]);
        riskScore[i] = severity * likelihood;
      }
      return out.finish();
    }
    case 'measure': {
      // Overdue at the end of the period, or today if the period is not over yet.
      const asOf = [q.to, q.today].sort()[0]!;
      const p = periodMemo(q.granularity);
      const rows = db
        .prepare(
          `SELECT case_id, phase, status, due_on, case_kind, ${COUNTED}
             FROM plan_measures WHERE due_on BETWEEN @from AND @to`,
        )
        .raw()
        .all(params) as Array<[string, string, string, string, string, number]>;
      const out = build(rows.length);
      for (const [caseId, phase, status, dueOn, caseKind, counted] of rows) {
        const i = out.push(caseId, counted === 1);
        out.setValues(i, [
          p(dueOn),
          caseKind,
          phase,
          (status === 'planned' || status === 'in-progress') && dueOn < asOf ? 'yes' : 'no',
        ]);
      }
      return out.finish();
    }
  }
}

/** periodOf, memoised per date. */
function periodMemo(granularity: Granularity): (date: string) => string {
  const memo = new Map<string, string>();
  return (date) => {
    let p = memo.get(date);
    if (p === undefined) {
      p = periodOf(date, granularity);
      memo.set(date, p);
    }
    return p;
  };
}
