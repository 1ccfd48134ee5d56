export const CASE_TABS = [
  'people',
  'incidents',
  'evidence',
  'risk',
  'plan',
  'consent',
  'referrals',
  'notes',
  'history',
  'audit',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/** Which tab shows a record of this kind (a search hit opens its case there). */
export function tabForEntity(entity: string): CaseTab | undefined {
  const map: Record<string, CaseTab> = {
    person: 'people',
    incident: 'incidents',
    riskEntry: 'risk',
    riskAssessment: 'risk',
    protectionPlan: 'plan',
    planMeasure: 'plan',
    planContact: 'plan',
    consent: 'consent',
    referral: 'referrals',
    note: 'notes',
  };
  return map[entity];
}
