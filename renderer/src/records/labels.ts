/**
 * Labels for codes, in the UI language: pick lists and incident kinds from shared/records/taxonomies.ts,
 * plus the user's own kinds. An unknown code is shown as itself rather than hidden.
 */
import type { ComboboxData } from '@mantine/core';
import type { Language } from '../../../shared/errors.ts';
import {
  BUILTIN_INCIDENT_KINDS,
  INCIDENT_KIND_GROUPS,
  PICK_LISTS,
  type PickListName,
} from '../../../shared/records/taxonomies.ts';

export interface KindLabel {
  code: string;
  fr: string;
  en: string;
}

export function pickLabel(list: PickListName, code: string | null | undefined, lang: Language): string {
  if (!code) return '';
  const term = (PICK_LISTS[list] as ReadonlyArray<KindLabel>).find((t) => t.code === code);
  return term ? term[lang] : code;
}

export function pickOptions(list: PickListName, lang: Language): ComboboxData {
  return (PICK_LISTS[list] as ReadonlyArray<KindLabel>).map((t) => ({ value: t.code, label: t[lang] }));
}

export function kindLabel(
  code: string | null | undefined,
  lang: Language,
  custom: readonly KindLabel[] = [],
) {
  if (!code) return '';
  const term = BUILTIN_INCIDENT_KINDS.find((t) => t.code === code) ?? custom.find((t) => t.code === code);
  return term ? term[lang] : code;
}

/** Incident kinds grouped by standard (MRM, GBVIMS, PSEA, OCSEA, defenders), then the user's own. */
export function incidentKindOptions(
  lang: Language,
  custom: readonly KindLabel[],
  customGroupLabel: string,
): ComboboxData {
  const groups: Array<{ group: string; items: Array<{ value: string; label: string }> }> = Object.values(
    INCIDENT_KIND_GROUPS,
  ).map((group) => ({
    group: group[lang] as string,
    items: group.terms.map((t) => ({ value: t.code, label: t[lang] })),
  }));
  if (custom.length > 0) {
    groups.push({ group: customGroupLabel, items: custom.map((k) => ({ value: k.code, label: k[lang] })) });
  }
  return groups;
}

/** Threat kinds for the risk log: the defender group only. */
export function threatKindOptions(lang: Language): ComboboxData {
  return INCIDENT_KIND_GROUPS.defender.terms.map((t) => ({ value: t.code, label: t[lang] }));
}

/** Mantine's orange 9 is 4.3:1 on white (AA needs 4.5): a darker burnt orange for warnings. */
export const WARN_COLOUR = '#a63c06';

export const STATUS_COLOURS: Record<string, string> = {
  open: 'blue.9',
  active: 'teal.9',
  referred: 'grape.9',
  closed: 'gray.8',
};

export const SENSITIVITY_COLOURS: Record<string, string> = {
  normal: 'gray.8',
  high: 'red.9',
  critical: '#8f1d1d',
};
