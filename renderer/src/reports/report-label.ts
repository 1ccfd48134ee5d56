/**
 * A report id as people read it: the ready-made report's label in the UI language (a sealed
 * report's manifest names its report by id); an id this version does not know stays as written.
 */
import type { Language } from '../../../shared/errors.ts';
import { REPORT_DEFINITIONS } from '../../../shared/reports/definitions.ts';

export function reportLabel(reportId: string, language: Language): string {
  return REPORT_DEFINITIONS.find((d) => d.id === reportId)?.label[language] ?? reportId;
}
