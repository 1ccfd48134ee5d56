/**
 * Deterministic case records for the records benchmark: per case, the case itself and ten child
 * records (3 incidents, 2 risk-log entries, 1 protection plan with 2 measures, 2 notes), in French
 * or English, with free texts of about 100–300 bytes built from sentence parts and place names.
 * The same seed gives the same records, ids and timestamps, so both engines get identical input.
 * Everything produced passes the shared zod schemas (the store validates it on the way in).
 */
import type { EntityName } from '../shared/records/schemas.ts';
import { BUILTIN_INCIDENT_KINDS, codesOf } from '../shared/records/taxonomies.ts';
import { seededRandom } from './stats.ts';

export const CHILDREN_PER_CASE = 10;

export interface GeneratedRecord {
  kind: EntityName;
  data: Record<string, unknown>;
  id: string;
  createdAt: string;
  updatedAt: string;
}

type Lang = 'fr' | 'en';

const PARTS: Record<
  Lang,
  { subject: string[]; verb: string[]; object: string[]; where: string[]; extra: string[] }
> = {
  fr: {
    subject: [
      'La victime',
      'Le témoin',
      'Sa sœur',
      'Un voisin',
      'La défenseure',
      'Le journaliste',
      'Une enseignante',
      'Le chef du village',
      'Une infirmière',
      'Son avocate',
      'La mère de l’enfant',
      'Un collègue de l’association',
      'La présidente du comité',
      'Un agent communautaire',
    ],
    verb: [
      'a signalé',
      'a reçu',
      'a décrit',
      'a entendu',
      'a vu',
      'dénonce',
      'rapporte',
      'craint',
      'a subi',
      'a photographié',
      'confirme',
    ],
    object: [
      'des menaces de mort',
      'un appel anonyme',
      'une agression physique',
      'des messages insultants',
      'une surveillance autour du domicile',
      'une convocation au commissariat',
      'une campagne de dénigrement',
      'une tentative d’enlèvement',
      'des coups de feu',
      'une fouille de la maison',
      'le vol de son téléphone',
      'une intimidation au marché',
      'la destruction de ses documents',
      'un recrutement forcé de mineurs',
      'des violences sexuelles',
      'un refus d’accès aux soins',
    ],
    where: [
      'près de {place}',
      'sur la route de {place}',
      'au marché de {place}',
      'devant l’école de {place}',
      'au dispensaire de {place}',
      'pendant la nuit à {place}',
      'tôt le matin à {place}',
      'après une émission de radio',
      'lors d’une réunion communautaire',
      'à la sortie du tribunal',
      'au poste de contrôle',
    ],
    extra: [
      'Les faits ont été vérifiés par deux sources indépendantes.',
      'Aucune plainte n’a encore été déposée.',
      'La personne souhaite rester anonyme.',
      'Un suivi médical et psychosocial est nécessaire.',
      'Le dossier a été transmis au point focal régional.',
      'Des photos et un enregistrement audio sont conservés.',
      'La famille a quitté temporairement le quartier.',
      'Un hébergement sûr a été proposé.',
      'Le numéro utilisé est inconnu.',
      'Les menaces ont repris après la plainte.',
    ],
  },
  en: {
    subject: [
      'The survivor',
      'The witness',
      'Her brother',
      'A neighbour',
      'The defender',
      'The journalist',
      'A teacher',
      'The village chief',
      'A nurse',
      'Their lawyer',
      'The child’s mother',
      'A colleague from the organisation',
      'The committee chair',
      'A community worker',
    ],
    verb: [
      'reported',
      'received',
      'described',
      'heard',
      'saw',
      'denounces',
      'recounts',
      'fears',
      'suffered',
      'photographed',
      'confirms',
    ],
    object: [
      'death threats',
      'an anonymous call',
      'a physical assault',
      'insulting messages',
      'surveillance around the house',
      'a summons to the police station',
      'a smear campaign',
      'an attempted abduction',
      'gunshots',
      'a search of the house',
      'the theft of a phone',
      'intimidation at the market',
      'the destruction of documents',
      'forced recruitment of minors',
      'sexual violence',
      'a denial of medical care',
    ],
    where: [
      'near {place}',
      'on the road to {place}',
      'at the market in {place}',
      'outside the school in {place}',
      'at the health post in {place}',
      'during the night in {place}',
      'early in the morning in {place}',
      'after a radio programme',
      'during a community meeting',
      'outside the courthouse',
      'at the checkpoint',
    ],
    extra: [
      'The facts were verified by two independent sources.',
      'No complaint has been filed yet.',
      'The person wishes to remain anonymous.',
      'Medical and psychosocial follow-up is needed.',
      'The file was passed to the regional focal point.',
      'Photos and an audio recording are kept.',
      'The family has temporarily left the neighbourhood.',
      'A safe shelter was offered.',
      'The number used is unknown.',
      'The threats resumed after the complaint.',
    ],
  },
};

const TITLES: Record<Lang, string[]> = {
  fr: [
    'Menaces contre une militante',
    'Harcèlement d’un journaliste',
    'Violences contre une enfant',
    'Enlèvement signalé',
    'Plainte pour exploitation',
    'Intimidation d’un témoin',
    'Attaque contre une école',
    'Surveillance d’une association',
  ],
  en: [
    'Threats against an activist',
    'Harassment of a journalist',
    'Violence against a child',
    'Reported abduction',
    'Exploitation complaint',
    'Intimidation of a witness',
    'Attack on a school',
    'Surveillance of an organisation',
  ],
};

const MEASURES: Record<Lang, string[]> = {
  fr: [
    'Changer d’itinéraire',
    'Protocole d’urgence à domicile',
    'Numéro de téléphone sécurisé',
    'Accompagnement au tribunal',
    'Hébergement temporaire',
    'Sauvegarde chiffrée des preuves',
  ],
  en: [
    'Change the daily route',
    'Emergency protocol at home',
    'Secure phone number',
    'Accompaniment to court',
    'Temporary shelter',
    'Encrypted backup of evidence',
  ],
};

const TAGS = ['urgent', 'radio', 'enfants', 'frontière', 'foncier', 'élections', 'santé', 'presse', 'ong'];
const COUNTRIES = ['SN', 'ML', 'BF', 'NE', 'CD', 'CM', 'HT', 'KE', 'UG', 'NG', 'GH', 'CI', 'TD', 'SS', 'SD'];
const SYLLABLES = 'ka ndo ro mbe la fi tou ba sso gou di ki sa ma ye ne wa zi lo ko bu ga ta mo kou re'.split(
  ' ',
);

/** About 2,000 distinct invented place names: the rare words of the corpus. */
function placeNames(random: () => number): string[] {
  const names = new Set<string>();
  while (names.size < 2000) {
    const n = 2 + Math.floor(random() * 2);
    let name = '';
    for (let i = 0; i < n; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    names.add(name[0]!.toUpperCase() + name.slice(1));
  }
  return [...names];
}

const CASE_KINDS = codesOf('caseKind');
const SENSITIVITIES = codesOf('sensitivity');
const VERIFICATIONS = codesOf('verification');
const CHANNELS = codesOf('riskChannel');
const ACTORS = codesOf('actorType');
const PHASES = codesOf('measurePhase');
const MEASURE_STATUSES = codesOf('measureStatus');
const INCIDENT_KINDS = BUILTIN_INCIDENT_KINDS.map((k) => k.code);
const THREAT_KINDS = INCIDENT_KINDS.filter((code) => code.startsWith('defender.'));
/** Status mix of the case list: a filter on `referred` keeps about 15% of the cases. */
const STATUS_WEIGHTS: Array<[string, number]> = [
  ['open', 0.3],
  ['active', 0.35],
  ['referred', 0.15],
  ['closed', 0.2],
];

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1) / DAY_MS;
const DAYS = Date.UTC(2026, 9, 31) / DAY_MS - FIRST_DAY;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export class RecordsGenerator {
  readonly places: string[];
  readonly #random: () => number;

  constructor(seed = 2026) {
    this.#random = seededRandom(seed);
    this.places = placeNames(seededRandom(seed + 1));
  }

  #pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.#random() * list.length)]!;
  }

  #int(min: number, max: number): number {
    return min + Math.floor(this.#random() * (max - min + 1));
  }

  /** A v4 UUID from the seeded generator (the schemas want real UUIDs). */
  #uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++)
      hex += Math.floor(this.#random() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, '0');
    const variant = '89ab'[Math.floor(this.#random() * 4)]!;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  #sentence(lang: Lang): string {
    const p = PARTS[lang];
    const where = this.#pick(p.where).replace('{place}', this.#pick(this.places));
    return `${this.#pick(p.subject)} ${this.#pick(p.verb)} ${this.#pick(p.object)} ${where}.`;
  }

  /** Free text of about 100–300 bytes: sentences until a random target length is reached. */
  #text(lang: Lang): string {
    const target = this.#int(100, 260);
    let text = this.#sentence(lang);
    while (text.length < target)
      text += ` ${this.#random() < 0.4 ? this.#pick(PARTS[lang].extra) : this.#sentence(lang)}`;
    return text;
  }

  #status(): string {
    let r = this.#random();
    for (const [status, weight] of STATUS_WEIGHTS) {
      r -= weight;
      if (r < 0) return status;
    }
    return 'open';
  }

  /** Case number `index` (0-based) and its ten children, in an order the store accepts. */
  caseWithChildren(index: number): GeneratedRecord[] {
    const lang: Lang = this.#random() < 0.5 ? 'fr' : 'en';
    const openedDay = FIRST_DAY + Math.floor(this.#random() * DAYS);
    const country = this.#pick(COUNTRIES);
    const locality = this.#pick(this.places);
    const status = this.#status();
    const stamp = (day: number) =>
      `${isoDay(day)}T${String(this.#int(6, 21)).padStart(2, '0')}:${String(this.#int(0, 59)).padStart(2, '0')}:00.000Z`;
    const caseId = this.#uuid();
    const caseCreated = stamp(openedDay);
    const out: GeneratedRecord[] = [];
    const push = (kind: EntityName, id: string, data: Record<string, unknown>, createdAt: string) =>
      out.push({ kind, id, data, createdAt, updatedAt: createdAt });

    const tags = Array.from({ length: this.#int(0, 2) }, () => this.#pick(TAGS));
    push(
      'case',
      caseId,
      {
        code: `CV-${String(index + 1).padStart(6, '0')}`,
        kind: this.#pick(CASE_KINDS),
        title: `${this.#pick(TITLES[lang])} ${lang === 'fr' ? 'à' : 'in'} ${locality}`,
        status,
        sensitivity: this.#pick(SENSITIVITIES),
        openedOn: isoDay(openedDay),
        ...(status === 'closed' ? { closedOn: isoDay(openedDay + this.#int(10, 400)) } : {}),
        location: { country, locality },
        summary: this.#text(lang),
        tags: [...new Set(tags)],
      },
      caseCreated,
    );
    const later = () => openedDay + this.#int(0, 365);
    for (let i = 0; i < 3; i++) {
      const day = later();
      push(
        'incident',
        this.#uuid(),
        {
          caseId,
          occurredOn: isoDay(day),
          location: { country, locality: this.#random() < 0.7 ? locality : this.#pick(this.places) },
          kind: this.#pick(INCIDENT_KINDS),
          description: this.#text(lang),
          verification: this.#pick(VERIFICATIONS),
        },
        stamp(day),
      );
    }
    for (let i = 0; i < 2; i++) {
      const day = later();
      const at = stamp(day);
      push(
        'riskEntry',
        this.#uuid(),
        {
          caseId,
          occurredAt: `${at.slice(0, 19)}Z`,
          channel: this.#pick(CHANNELS),
          actorType: this.#pick(ACTORS),
          threatKind: this.#pick(THREAT_KINDS),
          description: this.#text(lang),
          severity: this.#int(1, 5),
          likelihood: this.#int(1, 5),
        },
        at,
      );
    }
    const planId = this.#uuid();
    const planDay = later();
    push(
      'protectionPlan',
      planId,
      {
        caseId,
        title: lang === 'fr' ? 'Plan de protection' : 'Protection plan',
        reviewOn: isoDay(planDay + 90),
        notes: this.#text(lang),
      },
      stamp(planDay),
    );
    for (let i = 0; i < 2; i++) {
      push(
        'planMeasure',
        this.#uuid(),
        {
          planId,
          phase: this.#pick(PHASES),
          title: this.#pick(MEASURES[lang]),
          action: this.#text(lang),
          owner: this.#pick(PARTS[lang].subject),
          dueOn: isoDay(planDay + this.#int(7, 120)),
          status: this.#pick(MEASURE_STATUSES),
        },
        stamp(planDay),
      );
    }
    for (let i = 0; i < 2; i++) {
      const day = later();
      push('note', this.#uuid(), { caseId, body: this.#text(lang) }, stamp(day));
    }
    return out;
  }

  /**
   * The words a search can be made of (4 letters or more, each counted once): `common` are those of
   * the sentence parts, titles, measures and tags (each in many records); `places` are the invented
   * place names (each in about a thousand records at full scale).
   */
  vocabulary(): { common: string[]; places: string[] } {
    const sources = [
      ...Object.values(PARTS).flatMap((p) => [...p.subject, ...p.verb, ...p.object, ...p.where, ...p.extra]),
      ...Object.values(TITLES).flat(),
      ...Object.values(MEASURES).flat(),
      ...TAGS,
    ];
    const words = new Set<string>();
    for (const source of sources) {
      for (const word of source.split(/[^\p{L}\p{N}]+/u)) {
        if (word.length >= 4 && word !== 'place') words.add(word.toLowerCase());
      }
    }
    return { common: [...words].sort(), places: this.places.map((p) => p.toLowerCase()) };
  }
}
