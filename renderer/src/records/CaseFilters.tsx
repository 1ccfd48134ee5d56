import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import type { CaseListFilter } from './api.ts';
import { pickOptions } from './labels.ts';

type Key = keyof CaseListFilter;

/** Filters for the case list; an empty field means "any". */
export function CaseFilters({
  filter,
  onChange,
}: {
  filter: CaseListFilter;
  onChange: (f: CaseListFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const set = (key: Key, value: string | null) => {
    const next = { ...filter };
    const clean = key === 'codePrefix' ? value?.trim().toUpperCase() : value?.trim();
    if (clean) next[key] = clean;
    else delete next[key];
    // Half-typed dates are not sent: main would refuse them.
    if ((key === 'from' || key === 'to') && clean && !/^\d{4}-\d{2}-\d{2}$/.test(clean)) delete next[key];
    onChange(next);
  };
  const select = (key: Key, label: string, list: 'caseStatus' | 'caseKind' | 'sensitivity') => (
    <Select
      label={label}
      data={pickOptions(list, lang)}
      value={filter[key] ?? null}
      onChange={(v) => set(key, v)}
      clearable
      placeholder={t('records.filters.any')}
    />
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('records.filters.title')}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {select('status', t('records.field.status'), 'caseStatus')}
        {select('kind', t('records.field.caseKind'), 'caseKind')}
        {select('sensitivity', t('records.field.sensitivity'), 'sensitivity')}
        <TextInput
          label={t('records.filters.codePrefix')}
          value={filter.codePrefix ?? ''}
          onChange={(e) => set('codePrefix', e.currentTarget.value)}
        />
        <TextInput
          label={t('records.field.tag')}
          value={filter.tag ?? ''}
          onChange={(e) => set('tag', e.currentTarget.value)}
        />
        <TextInput
          label={t('records.field.country')}
          value={filter.country ?? ''}
          onChange={(e) => set('country', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('records.filters.from')}
          value={filter.from ?? ''}
          onChange={(e) => set('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('records.filters.to')}
          value={filter.to ?? ''}
          onChange={(e) => set('to', e.currentTarget.value)}
        />
      </SimpleGrid>
      {Object.keys(filter).length > 0 ? (
        <Group justify="flex-end" mt="sm">
          <Button variant="default" size="xs" onClick={() => onChange({})}>
            {t('records.filters.clear')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
