/**
 * One form for every record kind: a list of field specs, the entity's shared zod schema for inline
 * validation (our own FR/EN messages per field), create or update through `records:*`. Dotted names
 * (`location.country`) build nested objects. On update, a field emptied by the user is sent as
 * `null`, which the store reads as "clear this optional field".
 */
import {
  Alert,
  Button,
  type ComboboxData,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { EntityName } from '../../../shared/records/schemas.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { recordsApi, type StoredRecord } from './api.ts';
import { isoToLocalInput, localInputToIso } from './format.ts';
import { RecordError } from './RecordError.tsx';
import { type FieldErrors, fieldErrors } from './validation.ts';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'datetime'
  | 'select'
  | 'multiselect'
  | 'number'
  | 'tags'
  /** Yes / no, drawn as a select of `data` whose values are 'true' and 'false'. */
  | 'boolean';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  label: string;
  description?: ReactNode;
  required?: boolean;
  data?: ComboboxData;
  min?: number;
  max?: number;
  /** Fields with the same section are drawn together in a titled box (e.g. identifying data). */
  section?: { title: string; warning?: string };
  testId?: string;
}

export type FormValues = Record<string, string | string[]>;

function getPath(record: Record<string, unknown> | undefined, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

export function initialValues(
  fields: FieldSpec[],
  record?: Record<string, unknown>,
  defaults: FormValues = {},
) {
  const values: FormValues = {};
  for (const field of fields) {
    const value = getPath(record, field.name);
    if (field.kind === 'multiselect') values[field.name] = Array.isArray(value) ? value.map(String) : [];
    else if (field.kind === 'tags') values[field.name] = Array.isArray(value) ? value.join(', ') : '';
    else if (field.kind === 'datetime') values[field.name] = isoToLocalInput(value as string | undefined);
    else values[field.name] = value === undefined || value === null ? '' : String(value);
    if (!record && defaults[field.name] !== undefined) values[field.name] = defaults[field.name]!;
  }
  return values;
}

function convert(field: FieldSpec, raw: string | string[]): unknown {
  if (field.kind === 'multiselect') return raw as string[];
  const text = (raw as string).trim();
  if (text === '') return undefined;
  if (field.kind === 'number') return Number(text);
  if (field.kind === 'boolean') return text === 'true';
  if (field.kind === 'datetime') return localInputToIso(text) ?? text;
  if (field.kind === 'tags')
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return text;
}

/** Form values → a record to create, or (with the original) a patch to apply. */
export function toData(fields: FieldSpec[], values: FormValues, original?: Record<string, unknown>) {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = convert(field, values[field.name] ?? '');
    if (value !== undefined) setPath(data, field.name, value);
    else if (original && getPath(original, field.name) !== undefined && !field.name.includes('.')) {
      data[field.name] = null;
    }
  }
  // A nested object is replaced whole by a patch: emptying all its fields must still clear it.
  if (original) {
    for (const parent of new Set(
      fields.filter((f) => f.name.includes('.')).map((f) => f.name.split('.')[0]!),
    )) {
      if (data[parent] === undefined && original[parent] !== undefined) data[parent] = {};
    }
  }
  return data;
}

function mergeForValidation(original: Record<string, unknown> | undefined, data: Record<string, unknown>) {
  if (!original) return data;
  const { id: _id, createdAt: _c, updatedAt: _u, hasRealName: _h, ...rest } = original;
  const merged: Record<string, unknown> = { ...rest };
  for (const [key, value] of Object.entries(data)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

interface RecordFormProps {
  entity: EntityName;
  schema: z.ZodType;
  fields: FieldSpec[];
  /** Fields the user does not type (caseId, planId). */
  fixed?: Record<string, unknown>;
  /** Present when editing. */
  record?: StoredRecord;
  defaults?: FormValues;
  /** Fields the schema knows but the stored record adds (e.g. caseId on a measure) are dropped. */
  omitOnValidate?: string[];
  legend: string;
  submitLabel: string;
  onSaved: (record: StoredRecord) => void | Promise<void>;
  onCancel?: () => void;
  testId?: string;
  /** Focus the first field on mount (forms opened by an "Add" or "Edit" button). */
  autoFocus?: boolean;
}

export function RecordForm(props: RecordFormProps) {
  const { t } = useTranslation();
  const { fields, record } = props;
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, record, props.defaults));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const idBase = useId();
  const autoFocus = props.autoFocus;

  useEffect(() => {
    if (autoFocus) formRef.current?.querySelector<HTMLElement>('[data-field]')?.focus();
  }, [autoFocus]);

  const set = (name: string, value: string | string[]) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setSaved(false);
    if (errors[name]) setErrors(({ [name]: _gone, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const data = toData(fields, values, record);
    const candidate = { ...mergeForValidation(record, data), ...props.fixed };
    for (const name of props.omitOnValidate ?? []) delete candidate[name];
    const kinds = Object.fromEntries(fields.map((f) => [f.name, f.kind]));
    const found = fieldErrors(props.schema, candidate, t, kinds);
    if (found) {
      setErrors(found);
      // Focus the first field in error so keyboard and screen-reader users land on it.
      const first = fields.find((f) => found[f.name]);
      if (first) formRef.current?.querySelector<HTMLElement>(`[data-field="${first.name}"]`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const stored = record
        ? await recordsApi.update(props.entity, record.id, data)
        : await recordsApi.create(props.entity, { ...data, ...props.fixed });
      if (!record) setValues(initialValues(fields, undefined, props.defaults));
      setSaved(true);
      await props.onSaved(stored);
    } catch (caught) {
      setServerError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const renderField = (field: FieldSpec) => {
    const common = {
      label: field.label,
      description: field.description,
      required: field.required,
      error: errors[field.name],
      'data-field': field.name,
      'data-testid': field.testId,
      id: `${idBase}-${field.name}`,
    };
    const value = values[field.name] ?? '';
    switch (field.kind) {
      case 'textarea':
        return (
          <Textarea
            key={field.name}
            {...common}
            rows={3}
            value={value as string}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
      case 'boolean':
      case 'select':
        return (
          <Select
            key={field.name}
            {...common}
            data={field.data ?? []}
            value={(value as string) || null}
            onChange={(next) => set(field.name, next ?? '')}
            clearable={!field.required}
            searchable
            nothingFoundMessage={t('records.nothingFound')}
            comboboxProps={{ withinPortal: true }}
          />
        );
      case 'multiselect':
        return (
          <MultiSelect
            searchable
            key={field.name}
            {...common}
            data={field.data ?? []}
            value={value as string[]}
            onChange={(next) => set(field.name, next)}
          />
        );
      case 'number':
        return (
          <NumberInput
            key={field.name}
            {...common}
            min={field.min}
            max={field.max}
            allowDecimal={false}
            value={value as string}
            onChange={(next) => set(field.name, String(next))}
          />
        );
      case 'date':
        return (
          <TextInput
            key={field.name}
            {...common}
            type="date"
            value={value as string}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
      case 'datetime':
        return (
          <TextInput
            key={field.name}
            {...common}
            type="datetime-local"
            value={value as string}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
      default:
        return (
          <TextInput
            key={field.name}
            {...common}
            value={value as string}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
    }
  };

  // Group consecutive fields of a section into one titled box.
  const blocks: ReactNode[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (!field.section) {
      blocks.push(renderField(field));
      continue;
    }
    const section = field.section;
    const inner: FieldSpec[] = [];
    while (i < fields.length && fields[i]!.section?.title === section.title) inner.push(fields[i++]!);
    i--;
    blocks.push(
      <Fieldset key={`section-${section.title}`} legend={section.title} variant="filled">
        <Stack gap="sm">
          {section.warning ? (
            <Alert color="orange" variant="light">
              {section.warning}
            </Alert>
          ) : null}
          {inner.map(renderField)}
        </Stack>
      </Fieldset>,
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid={props.testId}>
      <Fieldset legend={props.legend}>
        <Stack gap="sm">
          {blocks}
          <RecordError error={serverError} />
          {saved ? (
            <Alert color="teal" variant="light" role="status">
              {t('records.saved')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            {props.onCancel ? (
              <Button variant="default" onClick={props.onCancel}>
                {t('records.cancel')}
              </Button>
            ) : null}
            <Button type="submit" loading={busy}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
