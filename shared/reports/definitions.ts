/**
 * Ready-made reports as DATA: each report is a list of tables, each table a counting unit, filters,
 * a row dimension, an optional column dimension and a measure. One engine
 * (electron/core/reports/engine.ts) interprets them; adding a report means adding an object here
 * (docs/reports.md, "Definitions"). Every table of every report here is protected TOGETHER for a
 * given period and threshold, so two reports over the same period cannot be subtracted to reveal a
 * small count.
 */
import type { DimensionId, Label, Metric, ReportUnit } from './dimensions.ts';

/** Keeps the units whose `dim` value is one of `in`; `prefix.*` matches every code `prefix.…`. */
export interface ReportFilter {
  dim: DimensionId;
  in: readonly string[];
}

export type ReportMeasure =
  | { kind: 'count' }
  /** The median (with quartiles) or the mean of a metric over the units of each row. */
  | { kind: 'median' | 'mean'; of: Metric };

export interface TableDefinition {
  id: string;
  label: Label;
  unit: ReportUnit;
  filters: readonly ReportFilter[];
  rows: DimensionId;
  /** Counts only. */
  columns?: DimensionId;
  measure: ReportMeasure;
  /** For a count table with columns: also show each row's share of this column's value. */
  rateOf?: string;
  chart: 'bar' | 'stacked-bar' | 'line' | 'none';
}

export interface ReportDefinition {
  id: string;
  label: Label;
  description: Label;
  tables: readonly TableDefinition[];
}

const count = { kind: 'count' } as const;
const MRM = { dim: 'incidentKind', in: ['mrm.*'] } as const;
const VERIFIED = { dim: 'verification', in: ['verified'] } as const;
const GBV_PSEA = { dim: 'incidentKind', in: ['gbv.*', 'psea.*'] } as const;
const GBV_PSEA_CASES = { dim: 'caseKind', in: ['gbv-case', 'psea-complaint'] } as const;

export const REPORT_DEFINITIONS: readonly ReportDefinition[] = [
  {
    id: 'mrm',
    label: {
      en: 'Grave violations against children (MRM)',
      fr: 'Violations graves contre les enfants (MRM)',
    },
    description: {
      en: 'Violations by kind, month and region. Reported figures (every status) and verified figures are shown apart: only verified violations count in the monitoring mechanism.',
      fr: 'Violations par type, mois et région. Les chiffres signalés (tous statuts) et les chiffres vérifiés sont présentés à part : seules les violations vérifiées comptent dans le mécanisme de surveillance.',
    },
    tables: [
      {
        id: 'mrm-verified-by-period',
        label: { en: 'Verified violations by month', fr: 'Violations vérifiées par mois' },
        unit: 'incident',
        filters: [MRM, VERIFIED],
        rows: 'incidentKind',
        columns: 'period',
        measure: count,
        chart: 'stacked-bar',
      },
      {
        id: 'mrm-reported-by-period',
        label: {
          en: 'Reported violations by month (every verification status)',
          fr: 'Violations signalées par mois (tous statuts de vérification)',
        },
        unit: 'incident',
        filters: [MRM],
        rows: 'incidentKind',
        columns: 'period',
        measure: count,
        chart: 'stacked-bar',
      },
      {
        id: 'mrm-verified-by-region',
        label: { en: 'Verified violations by region', fr: 'Violations vérifiées par région' },
        unit: 'incident',
        filters: [MRM, VERIFIED],
        rows: 'incidentKind',
        columns: 'region',
        measure: count,
        chart: 'stacked-bar',
      },
      {
        id: 'mrm-reported-by-region',
        label: {
          en: 'Reported violations by region (every verification status)',
          fr: 'Violations signalées par région (tous statuts de vérification)',
        },
        unit: 'incident',
        filters: [MRM],
        rows: 'incidentKind',
        columns: 'region',
        measure: count,
        chart: 'stacked-bar',
      },
      {
        id: 'mrm-by-verification',
        label: { en: 'Violations by verification status', fr: 'Violations par statut de vérification' },
        unit: 'incident',
        filters: [MRM],
        rows: 'incidentKind',
        columns: 'verification',
        measure: count,
        chart: 'stacked-bar',
      },
    ],
  },
  {
    id: 'gbv-psea',
    label: { en: 'Gender-based violence and PSEA', fr: 'Violences basées sur le genre et PSEA' },
    description: {
      en: 'Incidents by GBVIMS core type or PSEA allegation, by the survivor’s age group and sex; referrals of GBV and PSEA cases by service and whether they were accepted; time from intake to referral.',
      fr: 'Incidents par type GBVIMS ou allégation PSEA, selon la tranche d’âge et le sexe de la personne survivante ; référencements des dossiers VBG et PSEA par service et selon qu’ils ont été acceptés ; délai entre l’accueil et le référencement.',
    },
    tables: [
      {
        id: 'gbv-by-age',
        label: { en: 'Incidents by type and age group', fr: 'Incidents par type et tranche d’âge' },
        unit: 'incident',
        filters: [GBV_PSEA],
        rows: 'incidentKind',
        columns: 'ageGroup',
        measure: count,
        chart: 'stacked-bar',
      },
      {
        id: 'gbv-by-sex',
        label: { en: 'Incidents by type and sex', fr: 'Incidents par type et sexe' },
        unit: 'incident',
        filters: [GBV_PSEA],
        rows: 'incidentKind',
        columns: 'sex',
        measure: count,
        chart: 'stacked-bar',
      },
      {
        id: 'gbv-referrals-by-service',
        label: {
          en: 'Referrals by service and whether accepted',
          fr: 'Référencements par service et acceptation',
        },
        unit: 'referral',
        filters: [GBV_PSEA_CASES],
        rows: 'serviceKind',
        columns: 'referralOutcome',
        measure: count,
        rateOf: 'accepted',
        chart: 'stacked-bar',
      },
      {
        id: 'gbv-days-to-referral',
        label: {
          en: 'Time from intake to referral, by service',
          fr: 'Délai entre l’accueil et le référencement, par service',
        },
        unit: 'referral',
        filters: [GBV_PSEA_CASES],
        rows: 'serviceKind',
        measure: { kind: 'median', of: 'daysToReferral' },
        chart: 'bar',
      },
      {
        id: 'gbv-days-to-referral-bands',
        label: {
          en: 'Time from intake to referral, distribution',
          fr: 'Délai entre l’accueil et le référencement, répartition',
        },
        unit: 'referral',
        filters: [GBV_PSEA_CASES],
        rows: 'daysToReferralBand',
        measure: count,
        chart: 'bar',
      },
    ],
  },
  {
    id: 'intake',
    label: { en: 'Helpline-style intake', fr: 'Accueil de type ligne d’écoute' },
    description: {
      en: 'Cases opened by kind and month, how many were referred, how many referrals reached their follow-up date, open and closed cases.',
      fr: 'Dossiers ouverts par type et par mois, combien ont été orientés, combien de référencements ont atteint leur date de suivi, dossiers ouverts et clos.',
    },
    tables: [
      {
        id: 'intake-by-kind-period',
        label: { en: 'Cases opened by kind and month', fr: 'Dossiers ouverts par type et par mois' },
        unit: 'case',
        filters: [],
        rows: 'caseKind',
        columns: 'period',
        measure: count,
        chart: 'line',
      },
      {
        id: 'intake-referral-rate',
        label: {
          en: 'Cases referred to a service, by month',
          fr: 'Dossiers orientés vers un service, par mois',
        },
        unit: 'case',
        filters: [],
        rows: 'period',
        columns: 'hasReferral',
        measure: count,
        rateOf: 'yes',
        chart: 'stacked-bar',
      },
      {
        id: 'intake-follow-up-rate',
        label: {
          en: 'Referrals whose follow-up date was reached, by month of referral',
          fr: 'Référencements dont la date de suivi est atteinte, par mois de référencement',
        },
        unit: 'referral',
        filters: [],
        rows: 'period',
        columns: 'hasFollowUp',
        measure: count,
        rateOf: 'yes',
        chart: 'stacked-bar',
      },
      {
        id: 'intake-open-closed',
        label: { en: 'Open and closed cases by kind', fr: 'Dossiers ouverts et clos par type' },
        unit: 'case',
        filters: [],
        rows: 'caseKind',
        columns: 'statusGroup',
        measure: count,
        chart: 'stacked-bar',
      },
      {
        id: 'intake-days-to-follow-up',
        label: {
          en: 'Time from referral to follow-up, by service',
          fr: 'Délai entre le référencement et le suivi, par service',
        },
        unit: 'referral',
        filters: [],
        rows: 'serviceKind',
        measure: { kind: 'median', of: 'daysToFollowUp' },
        chart: 'bar',
      },
    ],
  },
  {
    id: 'defender-threats',
    label: { en: 'Threats against defenders', fr: 'Menaces contre les défenseur·es' },
    description: {
      en: 'Threats recorded in risk logs by kind, channel and actor over time; the mean risk per month; protection measures overdue at the end of the period.',
      fr: 'Menaces inscrites aux journaux des risques par type, canal et acteur au fil du temps ; risque moyen par mois ; mesures de protection en retard à la fin de la période.',
    },
    tables: [
      {
        id: 'threats-by-kind',
        label: { en: 'Threats by kind and month', fr: 'Menaces par type et par mois' },
        unit: 'riskEntry',
        filters: [],
        rows: 'threatKind',
        columns: 'period',
        measure: count,
        chart: 'stacked-bar',
      },
      {
        id: 'threats-by-channel',
        label: { en: 'Threats by channel and month', fr: 'Menaces par canal et par mois' },
        unit: 'riskEntry',
        filters: [],
        rows: 'channel',
        columns: 'period',
        measure: count,
        chart: 'stacked-bar',
      },
      {
        id: 'threats-by-actor',
        label: { en: 'Threats by actor and month', fr: 'Menaces par acteur et par mois' },
        unit: 'riskEntry',
        filters: [],
        rows: 'actorType',
        columns: 'period',
        measure: count,
        chart: 'stacked-bar',
      },
      {
        id: 'threats-risk-trend',
        label: { en: 'Risk trend: mean risk per month', fr: 'Tendance du risque : risque moyen par mois' },
        unit: 'riskEntry',
        filters: [],
        rows: 'period',
        measure: { kind: 'mean', of: 'riskScore' },
        chart: 'line',
      },
      {
        id: 'measures-overdue',
        label: {
          en: 'Protection measures due in the period, overdue at its end',
          fr: 'Mesures de protection échues dans la période, en retard à sa fin',
        },
        unit: 'measure',
        filters: [],
        rows: 'measurePhase',
        columns: 'overdue',
        measure: count,
        rateOf: 'yes',
        chart: 'stacked-bar',
      },
    ],
  },
];

export const REPORT_IDS = REPORT_DEFINITIONS.map((r) => r.id);

export function reportDefinition(id: string): ReportDefinition | undefined {
  return REPORT_DEFINITIONS.find((r) => r.id === id);
}
