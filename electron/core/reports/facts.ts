/**
 * The facts a report counts: one per unit (case, incident, referral, risk-log entry, protection
 * measure) dated inside the period, with the value of every dimension already coarsened — period
 * (month or quarter), region (never a locality), age group (never an age). Each fact says whether
 * its case may be counted (consent) so the engine can count what it leaves out.
 *
 * Speed (docs/benchmarks.md, Reports): each unit is read from its own covering index (migration
 * 0007) with no join; what a unit needs from its case (kind, opening date, place, consent) comes
 * from a lookup loaded once per build by a streaming scan (`CaseLookup`); an incident's survivor
 * (age group, sex) is on the incident's own row, kept by triggers (migration 0012). SQLite answered the same joins with one B-tree search per unit
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

/** Every case, with the fields units take from their case and whether it may be counted. */
export interface CaseLookup {
  index: Map<string, number>;
  ids: string[];
  kind: string[];
  openedOn: string[];
  status: string[];
  closedOn: Array<string | null>;
  country: Array<string | null>;
  /** regionOf(country, region). */
  region: string[];
  eligible: Uint8Array;
}

export function loadCases(db: VaultDatabase, today: string): CaseLookup {
  const eligibleIds = eligibleCases(db, today);
  // Kind, status and place in one JSON array: few distinct arrays, so each case's fields are shared
  // strings rather than four new ones per case (fewer allocations, less garbage collection). The
  // index holds every column read (migration 0007); left to itself SQLite scans the table, whose
  // pages also hold each case's `data` and must all be decrypted.
  const rows = db
    .prepare(
      `SELECT id, opened_on, closed_on, json_array(kind, status, country, region)
         FROM cases INDEXED BY cases_for_reports`,
    )
    .raw()
    .all() as Array<[string, string, string | null, string]>;
  const fields = tuples((f) => {
    const [kind, status, country, region] = f as [string, string, string | null, string | null];
    return { kind, status, country, region: regionOf(country, region) };
  });
  const n = rows.length;
  const lookup: CaseLookup = {
    index: new Map(),
    ids: new Array(n),
    kind: new Array(n),
    openedOn: new Array(n),
    status: new Array(n),
    closedOn: new Array(n),
    country: new Array(n),
    region: new Array(n),
    eligible: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const [id, openedOn, closedOn, key] = rows[i]!;
    const t = fields(key);
    lookup.index.set(id, i);
    lookup.ids[i] = id;
    lookup.kind[i] = t.kind;
    lookup.openedOn[i] = openedOn;
    lookup.status[i] = t.status;
    lookup.closedOn[i] = closedOn;
    lookup.country[i] = t.country;
    lookup.region[i] = t.region;
    if (eligibleIds.has(id)) lookup.eligible[i] = 1;
  }
  return lookup;
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

/** What the loaders of one build share. */
export interface FactSources {
  db: VaultDatabase;
  cases: CaseLookup;
}

/**
 * A per-case cache of one dimension's code (the case's kind, the case's region): computed the first
 * time a unit of that case is met.
 */
function perCase(values: readonly string[], dictionary: Dictionary): (c: number) => number {
  const cache = new Int32Array(values.length).fill(-1);
  return (c) => {
    let code = cache[c]!;
    if (code < 0) {
      code = dictionary.code(values[c]!);
      cache[c] = code;
    }
    return code;
  };
}

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

export function loadFacts(sources: FactSources, unit: ReportUnit, q: FactQuery): FactColumns {
  const { db, cases } = sources;
  const params = { from: q.from, to: q.to };
  const dims = UNIT_DIMENSIONS[unit];
  const build = (capacity: number) => new FactColumnsBuilder(unit, dims, UNIT_METRICS[unit], capacity);
  switch (unit) {
    case 'case': {
      const referred = new Set(
        db
          .prepare('SELECT DISTINCT case_id FROM referrals WHERE referred_on <= @to')
          .pluck()
          .all({ to: q.to }) as string[],
      );
      const out = build(cases.ids.length);
      const p = periodMemo(q.granularity);
      for (let c = 0; c < cases.ids.length; c++) {
        const openedOn = cases.openedOn[c]!;
        if (openedOn < q.from || openedOn > q.to) continue;
        const closedOn = cases.closedOn[c];
        const i = out.push(cases.ids[c]!, cases.eligible[c] === 1);
        out.setValues(i, [
          p(openedOn),
          cases.region[c]!,
          cases.kind[c]!,
          cases.status[c] === 'closed' && (!closedOn || closedOn <= q.to) ? 'closed' : 'open',
          referred.has(cases.ids[c]!) ? 'yes' : 'no',
        ]);
      }
      return out.finish();
    }
    case 'incident': {
      const rows = db
        .prepare(
          `SELECT case_id,
                  json_array(${periodSql('occurred_on', q.granularity)}, kind, verification,
                             perpetrator_type, country, region, survivor_age_group, survivor_sex)
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
      const caseRegion = perCase(cases.region, region);
      const caseKindOf = perCase(cases.kind, caseKind);
      const tuple = tuples((f) => {
        const [per, kind, verif, actor, country, place, age, sx] = f as [
          string,
          string,
          string,
          string | null,
          string | null,
          string | null,
          string | null,
          string | null,
        ];
        return {
          period: period.code(per),
          kind: incidentKind.code(kind),
          verification: verification.code(verif),
          actor: actorType.code(actor ?? 'unknown'),
          country,
          place,
          // The incident's own region when it has one and a country; -1: the case's; -2: its own
          // place with the case's country.
          region: place ? (country !== null ? region.code(regionOf(country, place)) : -2) : -1,
          // Resolved and coarsened by the triggers of migration 0012; null only on a row written
          // with the triggers off, which counts as no survivor.
          age: ageGroup.code(age ?? 'unknown'),
          sex: sex.code(sx ?? 'unknown'),
        };
      });
      for (const [caseId, key] of rows) {
        const c = cases.index.get(caseId);
        if (c === undefined) continue; // the inner join to the case the SQL had
        const t = tuple(key);
        const i = out.push(caseId, cases.eligible[c] === 1);
        cPeriod[i] = t.period;
        cRegion[i] =
          t.region >= 0
            ? t.region
            : t.region === -1
              ? caseRegion(c)
              : region.code(regionOf(cases.country[c]!, t.place));
        cCaseKind[i] = caseKindOf(c);
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
          `SELECT case_id, status, referred_on, follow_up_on, service_kind
             FROM referrals WHERE referred_on BETWEEN @from AND @to`,
        )
        .raw()
        .all(params) as Array<[string, string, string, string | null, string]>;
      const out = build(rows.length);
      const [toReferralDays, toFollowUpDays] = out.metricValues as [Float64Array, Float64Array];
      for (const [caseId, status, referredOn, followUpOn, service] of rows) {
        const c = cases.index.get(caseId);
        if (c === undefined) continue;
        const toReferral = Math.max(0, days.between(cases.openedOn[c]!, referredOn));
        const followed = followUpOn !== null && followUpOn <= q.to;
        const i = out.push(caseId, cases.eligible[c] === 1);
        out.setValues(i, [
          p(referredOn),
          cases.kind[c]!,
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
          `SELECT case_id, occurred_on, severity, likelihood, channel, actor_type, threat_kind
             FROM risk_entries WHERE occurred_on BETWEEN @from AND @to`,
        )
        .raw()
        .all(params) as Array<[string, string, number, number, string, string, string | null]>;
      const out = build(rows.length);
      const [riskScore] = out.metricValues as [Float64Array];
      for (const [caseId, day, severity, likelihood, channel, actor, threat] of rows) {
        const c = cases.index.get(caseId);
        if (c === undefined) continue;
        const i = out.push(caseId, cases.eligible[c] === 1);
        out.setValues(i, [
          p(day),
          cases.kind[c]!,
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
          'SELECT case_id, phase, status, due_on FROM plan_measures WHERE due_on BETWEEN @from AND @to',
        )
        .raw()
        .all(params) as Array<[string, string, string, string]>;
      const out = build(rows.length);
      for (const [caseId, phase, status, dueOn] of rows) {
        const c = cases.index.get(caseId);
        if (c === undefined) continue;
        const i = out.push(caseId, cases.eligible[c] === 1);
        out.setValues(i, [
          p(dueOn),
          cases.kind[c]!,
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
