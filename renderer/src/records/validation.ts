/**
 * Turns zod issues into our own messages, per field, in the UI language. The schemas' English
 * messages are for developers and the CLI; a French user sees French here, never raw zod text.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

interface IssueLike {
  code: string;
  path: PropertyKey[];
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  input?: unknown;
}

/** The message key (under records.validation) and its values for one issue. */
export function messageKey(issue: IssueLike, kind?: string): [string, Record<string, unknown>?] {
  const field = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'invalid_type':
      return [issue.input === undefined || issue.input === null ? 'required' : 'invalid'];
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? ['required'] : ['tooShort', { min: Number(issue.minimum) }];
      if (issue.origin === 'array') return ['chooseOne'];
      return ['range', { min: Number(issue.minimum) }];
    case 'too_big':
      if (issue.origin === 'string') return ['tooLong', { max: Number(issue.maximum) }];
      if (issue.origin === 'array') return ['tooMany', { max: Number(issue.maximum) }];
      return ['rangeMax', { max: Number(issue.maximum) }];
    case 'invalid_format':
      if (field === 'code') return ['code'];
      if (issue.format === 'url') return ['url'];
      if (kind === 'date' || kind === 'datetime') return ['date'];
      return ['invalid'];
    case 'invalid_value':
      return ['choose'];
    case 'custom':
      if (field === 'closedOn') return ['closedBeforeOpened'];
      if (field === 'withdrawnOn') return ['withdrawnBeforeGiven'];
      if (kind === 'date') return ['date'];
      return ['invalid'];
    default:
      return ['invalid'];
  }
}

/** Validates `data` with `schema`; returns one translated message per field path, or null if valid. */
export function fieldErrors(
  schema: z.ZodType,
  data: unknown,
  t: TFunction,
  kinds: Record<string, string> = {},
): FieldErrors | null {
  const result = schema.safeParse(data);
  if (result.success) return null;
  const errors: FieldErrors = {};
  for (const issue of result.error.issues as IssueLike[]) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = issue.path.map(String).join('.');
    if (errors[path]) continue;
    const [key, values] = messageKey(issue, kinds[path]);
    errors[path] = t(`records.validation.${key}`, values ?? {});
  }
  return errors;
}
