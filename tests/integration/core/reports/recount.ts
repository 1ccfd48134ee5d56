/**
 * A second, independent way to count: reads the records' JSON straight from the database (no
 * report code), applies the consent rule as docs/reports.md states it, and counts the units matching
 * a published cell's conditions. Used to check every shown figure of every report.
 */
import type { VaultDatabase } from '../../../../electron/core/db/open.ts';

// biome-ignore lint/suspicious/noExplicitAny: records are read as the JSON they are stored as.
type Json = Record<string, any>;
export type Unit = 'case' | 'incident' | 'referral' | 'riskEntry' | 'measure';
export interface Thing {
  caseId: string;
  values: Record<string, string>;
  metric?: number;
}

const all = (db: VaultDatabase, table: string): Json[] =>
  (db.prepare(`SELECT data FROM ${table}`).all() as Array<{ data: string }>).map((r) => JSON.parse(r.data));

function month(date: string, granularity: 'month' | 'quarter'): string {
  if (granularity === 'month') return date.slice(0, 7);
  const q = Math.ceil(Number(date.slice(5, 7)) / 3);
  return `${date.slice(0, 4)}-Q${q}`;
}

function ageBand(p: Json | undefined): string {
  if (!p) return 'unknown';
  if (p.ageGroup) return p.ageGroup;
  const a = p.ageYears;
  if (a === undefined) return 'unknown';
  return a < 5 ? '0-4' : a < 12 ? '5-11' : a < 18 ? '12-17' : a < 26 ? '18-25' : a < 60 ? '26-59' : '60+';
}

export function consentedCases(db: VaultDatabase, today: string): Set<string> {
  const byPerson = new Map<string, Json>();
  for (const c of all(db, 'consents')) {
    const k = `${c.caseId}/${c.personId}`;
    const prior = byPerson.get(k);
    if (!prior || c.givenOn > prior.givenOn || (c.givenOn === prior.givenOn && c.createdAt > prior.createdAt))
      byPerson.set(k, c);
  }
  const verdict = new Map<string, boolean>();
  for (const c of byPerson.values()) {
    const ok = c.anonymisedStatistics === true && !(c.withdrawnOn && c.withdrawnOn <= today);
    verdict.set(c.caseId, (verdict.get(c.caseId) ?? true) && ok);
  }
  return new Set([...verdict].filter(([, ok]) => ok).map(([id]) => id));
}

export function things(
  db: VaultDatabase,
  unit: Unit,
  from: string,
  to: string,
  today: string,
  granularity: 'month' | 'quarter' = 'month',
): Thing[] {
  const cases = new Map(all(db, 'cases').map((c) => [c.id, c]));
  const people = new Map(all(db, 'people').map((p) => [p.id, p]));
  const inside = (d: string) => d >= from && d <= to;
  const region = (loc: Json | undefined) => (loc?.region ? `${loc.country ?? ''}|${loc.region}` : 'unknown');
  if (unit === 'case') {
    const referrals = all(db, 'referrals');
    return [...cases.values()]
      .filter((c) => inside(c.openedOn))
      .map((c) => ({
        caseId: c.id,
        values: {
          period: month(c.openedOn, granularity),
          region: region(c.location),
          caseKind: c.kind,
          statusGroup: c.status === 'closed' && (!c.closedOn || c.closedOn <= to) ? 'closed' : 'open',
          hasReferral: referrals.some((r) => r.caseId === c.id && r.referredOn <= to) ? 'yes' : 'no',
        },
      }));
  }
  if (unit === 'incident') {
    const links = db.prepare('SELECT case_id AS c, person_id AS p, role FROM case_people').all() as Json[];
    return all(db, 'incidents')
      .filter((i) => inside(i.occurredOn))
      .map((i) => {
        const c = cases.get(i.caseId)!;
        const survivors = (i.people as Json[])
          .filter((l) => ['survivor', 'victim'].includes(l.role))
          .map((l) => l.personId);
        const fromCase = links
          .filter((l) => l.c === i.caseId && ['survivor', 'victim'].includes(l.role))
          .map((l) => l.p);
        const who = (survivors.length ? survivors : fromCase).sort()[0];
        const p = who ? people.get(who) : undefined;
        return {
          caseId: i.caseId,
          values: {
            period: month(i.occurredOn, granularity),
            region: i.location?.region
              ? region({ country: i.location.country ?? c.location?.country, region: i.location.region })
              : region(c.location),
            caseKind: c.kind,
            incidentKind: i.kind,
            verification: i.verification,
            actorType: i.perpetratorType ?? 'unknown',
            ageGroup: ageBand(p),
            sex: p?.sex ?? 'unknown',
          },
        };
      });
  }
  if (unit === 'referral') {
    return all(db, 'referrals')
      .filter((r) => inside(r.referredOn))
      .map((r) => {
        const c = cases.get(r.caseId)!;
        const days = Math.max(0, (Date.parse(r.referredOn) - Date.parse(c.openedOn)) / 86_400_000);
        return {
          caseId: r.caseId,
          metric: days,
          values: {
            period: month(r.referredOn, granularity),
            caseKind: c.kind,
            serviceKind: r.serviceKind,
            referralOutcome:
              r.status === 'accepted' || r.status === 'completed'
                ? 'accepted'
                : r.status === 'pending'
                  ? 'pending'
                  : 'not-accepted',
            hasFollowUp: r.followUpOn && r.followUpOn <= to ? 'yes' : 'no',
            daysToReferralBand: days <= 7 ? '0-7' : days <= 30 ? '8-30' : days <= 90 ? '31-90' : '91+',
          },
        };
      });
  }
  if (unit === 'riskEntry') {
    return all(db, 'risk_entries')
      .filter((e) => inside(e.occurredAt.slice(0, 10)))
      .map((e) => ({
        caseId: e.caseId,
        metric: e.severity * e.likelihood,
        values: {
          period: month(e.occurredAt.slice(0, 10), granularity),
          caseKind: cases.get(e.caseId)!.kind,
          channel: e.channel,
          actorType: e.actorType,
          threatKind: e.threatKind?.startsWith('defender.') ? e.threatKind : 'other',
        },
      }));
  }
  const end = to < today ? to : today;
  return all(db, 'plan_measures')
    .filter((m) => m.dueOn && inside(m.dueOn))
    .map((m) => ({
      caseId: m.caseId,
      values: {
        period: month(m.dueOn, granularity),
        caseKind: cases.get(m.caseId)!.kind,
        measurePhase: m.phase,
        overdue: ['planned', 'in-progress'].includes(m.status) && m.dueOn < end ? 'yes' : 'no',
      },
    }));
}
