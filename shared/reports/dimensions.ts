/**
 * The dimensions a report can break its counts down by, per counting unit, with FR/EN labels for
 * the dimension and for every value it can take. Shared by the vault core (which computes the
 * values), the renderer and the CLI (which label them). Dates never appear as such: a record's date
 * is coarsened to its month or quarter (`period`); places to their region, never a locality; exact
 * ages to age groups.
 */
import { BUILTIN_INCIDENT_KINDS, PICK_LISTS, type TaxonomyTerm } from '../records/taxonomies.ts';

export interface Label {
  fr: string;
  en: string;
}

/** What one count counts. */
export const REPORT_UNITS = ['case', 'incident', 'referral', 'riskEntry', 'measure'] as const;
export type ReportUnit = (typeof REPORT_UNITS)[number];

export const UNIT_LABELS: Record<ReportUnit, Label> = {
  case: { en: 'cases', fr: 'dossiers' },
  incident: { en: 'incidents', fr: 'incidents' },
  referral: { en: 'referrals', fr: 'référencements' },
  riskEntry: { en: 'threats (risk-log entries)', fr: 'menaces (entrées du journal des risques)' },
  measure: { en: 'protection measures', fr: 'mesures de protection' },
};

export const DIMENSION_IDS = [
  'period',
  'region',
  'caseKind',
  'statusGroup',
  'incidentKind',
  'verification',
  'ageGroup',
  'sex',
  'actorType',
  'serviceKind',
  'referralOutcome',
  'hasReferral',
  'hasFollowUp',
  'daysToReferralBand',
  'threatKind',
  'channel',
  'measurePhase',
  'overdue',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export interface DimensionDef {
  label: Label;
  /** The units a value of this dimension exists for. */
  units: readonly ReportUnit[];
  /**
   * The fixed values, in display order. `null` for values that depend on the data or the period
   * (`period`, `region`, `incidentKind` with users' own kinds), computed by the engine.
   */
  values: readonly TaxonomyTerm[] | null;
}

const term = (code: string, en: string, fr: string): TaxonomyTerm => ({ code, en, fr });
const YES_NO = [term('yes', 'Yes', 'Oui'), term('no', 'No', 'Non')];

/** Values of `region` the engine adds to the region names found in the data. */
export const REGION_OTHER = term(
  'other',
  'Other regions (each below the threshold)',
  'Autres régions (chacune sous le seuil)',
);
export const REGION_UNKNOWN = term('unknown', 'Region not recorded', 'Région non renseignée');

export const DIMENSIONS: Record<DimensionId, DimensionDef> = {
  period: {
    label: { en: 'Period', fr: 'Période' },
    units: ['case', 'incident', 'referral', 'riskEntry', 'measure'],
    values: null,
  },
  region: {
    label: { en: 'Region', fr: 'Région' },
    units: ['case', 'incident'],
    values: null,
  },
  caseKind: {
    label: { en: 'Kind of case', fr: 'Type de dossier' },
    units: ['case', 'incident', 'referral', 'riskEntry', 'measure'],
    values: PICK_LISTS.caseKind,
  },
  statusGroup: {
    label: { en: 'Open or closed', fr: 'Ouvert ou clos' },
    units: ['case'],
    values: [
      term('open', 'Open (open, active or referred)', 'Ouvert (ouvert, en cours ou orienté)'),
      term('closed', 'Closed', 'Clos'),
    ],
  },
  incidentKind: {
    label: { en: 'Kind of incident', fr: 'Type d’incident' },
    units: ['incident'],
    values: null,
  },
  verification: {
    label: { en: 'Verification status', fr: 'Statut de vérification' },
    units: ['incident'],
    values: PICK_LISTS.verification,
  },
  ageGroup: {
    label: { en: 'Age group (survivor)', fr: 'Tranche d’âge (survivant·e)' },
    units: ['incident'],
    values: PICK_LISTS.ageGroup,
  },
  sex: {
    label: { en: 'Sex (survivor)', fr: 'Sexe (survivant·e)' },
    units: ['incident'],
    values: [...PICK_LISTS.sex, term('unknown', 'Not recorded', 'Non renseigné')],
  },
  actorType: {
    label: { en: 'Actor type', fr: 'Type d’acteur' },
    units: ['incident', 'riskEntry'],
    values: PICK_LISTS.actorType,
  },
  serviceKind: {
    label: { en: 'Service referred to', fr: 'Service d’orientation' },
    units: ['referral'],
    values: PICK_LISTS.serviceKind,
  },
  referralOutcome: {
    label: { en: 'Referral accepted?', fr: 'Référencement accepté ?' },
    units: ['referral'],
    values: [
      term('accepted', 'Accepted (or completed)', 'Accepté (ou terminé)'),
      term('not-accepted', 'Declined or cancelled', 'Refusé ou annulé'),
      term('pending', 'Pending', 'En attente'),
    ],
  },
  hasReferral: {
    label: { en: 'Referred to a service', fr: 'Orienté vers un service' },
    units: ['case'],
    values: YES_NO,
  },
  hasFollowUp: {
    label: { en: 'Follow-up date reached', fr: 'Date de suivi atteinte' },
    units: ['referral'],
    values: YES_NO,
  },
  daysToReferralBand: {
    label: { en: 'Days from intake to referral', fr: 'Jours entre l’accueil et le référencement' },
    units: ['referral'],
    values: [
      term('0-7', '0–7 days', '0–7 jours'),
      term('8-30', '8–30 days', '8–30 jours'),
      term('31-90', '31–90 days', '31–90 jours'),
      term('91+', '91 days or more', '91 jours ou plus'),
    ],
  },
  threatKind: {
    label: { en: 'Kind of threat', fr: 'Type de menace' },
    units: ['riskEntry'],
    values: [
      ...BUILTIN_INCIDENT_KINDS.filter((k) => k.group === 'defender').map((k) => term(k.code, k.en, k.fr)),
      term('other', 'Other or not specified', 'Autre ou non précisé'),
    ],
  },
  channel: {
    label: { en: 'Channel', fr: 'Canal' },
    units: ['riskEntry'],
    values: PICK_LISTS.riskChannel,
  },
  measurePhase: {
    label: { en: 'Phase of the measure', fr: 'Phase de la mesure' },
    units: ['measure'],
    values: PICK_LISTS.measurePhase,
  },
  overdue: {
    label: { en: 'Overdue at the end of the period', fr: 'En retard à la fin de la période' },
    units: ['measure'],
    values: YES_NO,
  },
};

/** Statistics other than counts, each over the units of one cell. */
export const METRICS = ['daysToReferral', 'daysToFollowUp', 'riskScore'] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, Label> = {
  daysToReferral: { en: 'days from intake to referral', fr: 'jours entre l’accueil et le référencement' },
  daysToFollowUp: { en: 'days from referral to follow-up', fr: 'jours entre le référencement et le suivi' },
  riskScore: { en: 'risk (severity × likelihood, 1–25)', fr: 'risque (gravité × probabilité, 1–25)' },
};

export const METRIC_UNITS: Record<Metric, ReportUnit> = {
  daysToReferral: 'referral',
  daysToFollowUp: 'referral',
  riskScore: 'riskEntry',
};
