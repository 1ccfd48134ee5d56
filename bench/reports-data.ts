/**
 * Deterministic case records for reports: unlike records-data.ts (text-heavy, for search), every
 * case here carries what statistics count — a survivor with age group and sex, incidents of kinds
 * that fit the case, verification statuses, regions, consents (most allowing anonymised statistics,
 * some not, some withdrawn), referrals with follow-up dates, risk-log entries and protection
 * measures. Used by the reports tests (small, seeded) and by the reports benchmark (100k cases).
 * Everything passes the shared zod schemas; the same seed gives the same records.
 */
import { createRecord, type RecordContext } from '../electron/core/records/store.ts';
import type { EntityName } from '../shared/records/schemas.ts';
import { BUILTIN_INCIDENT_KINDS, codesOf } from '../shared/records/taxonomies.ts';
import { seededRandom } from './stats.ts';

export interface ReportsRecord {
  kind: EntityName;
  id: string;
  data: Record<string, unknown>;
}

export interface ReportsBundle {
  records: ReportsRecord[];
  /** case_people rows (the store's linkPerson). */
  links: Array<{ caseId: string; personId: string; role: string }>;
}

export interface ReportsDataOptions {
  seed?: number;
  /** Dates fall between these (inclusive, YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Share of cases whose consent allows anonymised statistics. */
  consentRate?: number;
  /** How many regions (spread over three countries); fewer regions, denser cells. */
  regions?: number;
}

const REGION_NAMES = [
  'Dakar',
  'Thiès',
  'Kaolack',
  'Ziguinchor',
  'Kayes',
  'Mopti',
  'Gao',
  'Ségou',
  'Nord-Kivu',
  'Sud-Kivu',
  'Ituri',
  'Kasaï',
  'Tillabéri',
  'Diffa',
  'Agadez',
  'Maradi',
];
const COUNTRY_OF = (i: number) => ['SN', 'ML', 'CD', 'NE'][Math.floor(i / 4)]!;

const KIND_GROUPS: Record<string, string[]> = {
  'mrm-monitoring': ['mrm.'],
  'gbv-case': ['gbv.'],
  'psea-complaint': ['psea.'],
  'child-protection': ['gbv.', 'ocsea.', 'mrm.'],
  'child-helpline': ['gbv.', 'ocsea.'],
  'ocsea-report': ['ocsea.'],
  'defender-protection': ['defender.'],
  other: ['gbv.', 'defender.'],
};
const CASE_KINDS = codesOf('caseKind');
const CASE_KIND_WEIGHTS = [0.14, 0.12, 0.18, 0.14, 0.14, 0.06, 0.18, 0.04];
const VERIFICATIONS = codesOf('verification');
const AGE_GROUPS = codesOf('ageGroup');
const SEXES = codesOf('sex');
const ACTORS = codesOf('actorType');
const CHANNELS = codesOf('riskChannel');
const SERVICES = codesOf('serviceKind');
const REFERRAL_STATUSES = codesOf('referralStatus');
const PHASES = codesOf('measurePhase');
const MEASURE_STATUSES = codesOf('measureStatus');
const SERVICE_TO_RECIPIENT: Record<string, string> = {
  health: 'medical',
  psychosocial: 'psychosocial',
  legal: 'legal',
  safety: 'protection',
  material: 'protection',
  education: 'protection',
  'law-enforcement': 'law-enforcement',
  other: 'coordination',
};
const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export class ReportsDataGenerator {
  readonly #random: () => number;
  readonly #first: number;
  readonly #days: number;
  readonly #consentRate: number;
  readonly #regions: number;

  constructor(options: ReportsDataOptions = {}) {
    this.#random = seededRandom(options.seed ?? 6);
    this.#first = dayOf(options.from ?? '2025-01-01');
    this.#days = dayOf(options.to ?? '2025-12-31') - this.#first + 1;
    this.#consentRate = options.consentRate ?? 0.85;
    this.#regions = Math.min(options.regions ?? 8, REGION_NAMES.length);
  }

  #pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.#random() * list.length)]!;
  }

  #weighted<T>(list: readonly T[], weights: readonly number[]): T {
    let r = this.#random();
    for (let i = 0; i < list.length; i++) {
      r -= weights[i]!;
      if (r < 0) return list[i]!;
    }
    return list[list.length - 1]!;
  }

  #int(min: number, max: number): number {
    return min + Math.floor(this.#random() * (max - min + 1));
  }

  #uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++)
      hex += Math.floor(this.#random() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, '0');
    const variant = '89ab'[Math.floor(this.#random() * 4)]!;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A day inside the range, skewed so some months are busier than others. */
  #day(): number {
    const r = this.#random();
    return this.#first + Math.floor(this.#days * (r < 0.3 ? r * r * 3.3 : r));
  }

  /** Case number `index` with its people, consents, incidents, referrals, risks and measures. */
  bundle(index: number): ReportsBundle {
    const records: ReportsRecord[] = [];
    const links: ReportsBundle['links'] = [];
    const add = (kind: EntityName, data: Record<string, unknown>) => {
      const id = this.#uuid();
      records.push({ kind, id, data });
      return id;
    };
    const kind = this.#weighted(CASE_KINDS, CASE_KIND_WEIGHTS);
    const regionIndex = Math.floor(this.#random() ** 1.6 * this.#regions);
    const location = {
      country: COUNTRY_OF(regionIndex),
      ...(this.#random() < 0.95 ? { region: REGION_NAMES[regionIndex]! } : {}),
      locality: `Quartier ${this.#int(1, 40)}`,
    };
    const opened = this.#day();
    const closed = this.#random() < 0.3;
    const caseId = add('case', {
      code: `RP-${String(index + 1).padStart(6, '0')}`,
      kind,
      title: `Dossier ${index + 1}`,
      status: closed ? 'closed' : this.#pick(['open', 'active', 'referred']),
      openedOn: isoDay(opened),
      ...(closed ? { closedOn: isoDay(opened + this.#int(5, 120)) } : {}),
      location,
    });
    const child = ['mrm-monitoring', 'child-protection', 'child-helpline', 'ocsea-report'].includes(kind);
    const ageGroup = child ? this.#pick(AGE_GROUPS.slice(0, 3)) : this.#pick(AGE_GROUPS.slice(3));
    const exactAge = ageGroup !== 'unknown' && this.#random() < 0.3;
    const personId = add('person', {
      alias: `Personne ${index + 1}`,
      ...(exactAge ? { ageYears: this.#ageIn(ageGroup) } : { ageGroup }),
      ...(this.#random() < 0.9 ? { sex: this.#weighted(SEXES, [0.62, 0.3, 0.02, 0.06]) } : {}),
      location,
    });
    links.push({ caseId, personId, role: kind === 'defender-protection' ? 'defender' : 'survivor' });
    const consents = this.#random() < 0.93;
    const allows = this.#random() < this.#consentRate;
    let consentId: string | undefined;
    let withdrawn = false;
    if (consents) {
      withdrawn = this.#random() < 0.03;
      consentId = add('consent', {
        caseId,
        personId,
        givenBy: child ? 'caregiver-with-assent' : 'survivor',
        dataLevel: 'identifying',
        recipientKinds: ['legal', 'psychosocial', 'medical', 'protection', 'coordination', 'law-enforcement'],
        purposes: 'Orientation et suivi',
        method: this.#pick(['verbal', 'written', 'digital']),
        recordedBy: 'Agent',
        givenOn: isoDay(opened),
        ...(withdrawn ? { withdrawnOn: isoDay(opened + this.#int(1, 60)) } : {}),
        ...(allows || this.#random() < 0.5 ? { anonymisedStatistics: allows } : {}),
      });
    }
    const groups = KIND_GROUPS[kind]!;
    const incidents = this.#int(1, 3);
    for (let i = 0; i < incidents; i++) {
      const group = this.#pick(groups);
      const kinds = BUILTIN_INCIDENT_KINDS.filter((k) => k.code.startsWith(group));
      const day = Math.min(opened + this.#int(-20, 40), this.#first + this.#days - 1);
      add('incident', {
        caseId,
        occurredOn: isoDay(Math.max(day, this.#first)),
        kind: this.#weighted(
          kinds.map((k) => k.code),
          kinds.map((_, n) => (n === 0 ? 0.35 : 0.65 / (kinds.length - 1))),
        ),
        verification: this.#weighted(VERIFICATIONS, [0.35, 0.2, 0.35, 0.1]),
        ...(this.#random() < 0.8 ? { perpetratorType: this.#pick(ACTORS) } : {}),
        ...(this.#random() < 0.3
          ? {
              location: {
                country: location.country,
                region: REGION_NAMES[Math.floor(this.#random() * this.#regions)]!,
              },
            }
          : {}),
        people: this.#random() < 0.7 ? [{ personId, role: 'survivor' }] : [],
      });
    }
    if (consentId && !withdrawn && this.#random() < 0.6) {
      const referrals = this.#int(1, 2);
      for (let i = 0; i < referrals; i++) {
        const serviceKind = this.#pick(SERVICES);
        const referred = opened + Math.floor(this.#random() ** 2 * 120);
        add('referral', {
          caseId,
          consentId,
          serviceKind,
          provider: `Service ${SERVICE_TO_RECIPIENT[serviceKind]}`,
          referredOn: isoDay(referred),
          status: this.#weighted(REFERRAL_STATUSES, [0.25, 0.35, 0.1, 0.25, 0.05]),
          ...(this.#random() < 0.7 ? { followUpOn: isoDay(referred + this.#int(3, 60)) } : {}),
        });
      }
    }
    if (kind === 'defender-protection' || this.#random() < 0.15) {
      const entries = this.#int(1, 4);
      for (let i = 0; i < entries; i++) {
        const day = Math.min(opened + this.#int(0, 90), this.#first + this.#days - 1);
        add('riskEntry', {
          caseId,
          occurredAt: `${isoDay(day)}T${String(this.#int(6, 21)).padStart(2, '0')}:00:00Z`,
          channel: this.#pick(CHANNELS),
          actorType: this.#pick(ACTORS),
          ...(this.#random() < 0.9
            ? { threatKind: this.#pick(BUILTIN_INCIDENT_KINDS.filter((k) => k.group === 'defender')).code }
            : {}),
          severity: this.#int(1, 5),
          likelihood: this.#int(1, 5),
        });
      }
      const planId = add('protectionPlan', { caseId, title: 'Plan de protection' });
      for (let i = 0; i < 2; i++) {
        add('planMeasure', {
          planId,
          phase: this.#pick(PHASES),
          title: 'Mesure',
          dueOn: isoDay(opened + this.#int(7, 90)),
          status: this.#pick(MEASURE_STATUSES),
        });
      }
    }
    return { records, links };
  }

  #ageIn(group: string): number {
    const [lo, hi] = group === '60+' ? [60, 85] : group.split('-').map(Number);
    return this.#int(lo!, hi!);
  }
}

/**
 * Writes `cases` bundles through the records store (validated, indexed; one audit entry per record
 * skipped, as import does) in one transaction per `batch` cases.
 */
export function seedReportsData(
  ctx: RecordContext,
  generator: ReportsDataGenerator,
  cases: number,
  first = 0,
  batch = 500,
): void {
  const link = ctx.db.prepare(
    'INSERT OR IGNORE INTO case_people (case_id, person_id, role) VALUES (?, ?, ?)',
  );
  for (let start = first; start < first + cases; start += batch) {
    ctx.db.transaction(() => {
      for (let i = start; i < Math.min(start + batch, first + cases); i++) {
        const { records, links } = generator.bundle(i);
        for (const r of records) {
          createRecord(ctx, r.kind, r.data, { id: r.id, audit: false });
          if (r.kind === 'person') {
            for (const l of links.filter((x) => x.personId === r.id)) link.run(l.caseId, l.personId, l.role);
          }
        }
      }
    })();
  }
}
