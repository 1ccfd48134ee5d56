/**
 * The case list: filters, full-text search, overdue items, and a virtualized list that asks main
 * only for the pages on screen (see use-case-pages.ts).
 */
import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';
import type { CaseListFilter } from './api.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { OverduePanel } from './OverduePanel.tsx';
import { RecordError } from './RecordError.tsx';
import { SearchPanel } from './SearchPanel.tsx';
import type { CaseTab } from './tabs/tab-names.ts';
import { useCasePages } from './use-case-pages.ts';
import { VirtualCaseList } from './VirtualCaseList.tsx';

interface Props {
  filter: CaseListFilter;
  onFilter: (filter: CaseListFilter) => void;
  onOpen: (caseId: string, tab?: CaseTab) => void;
  onNew: () => void;
}

export function CaseListScreen({ filter, onFilter, onOpen, onNew }: Props) {
  const { t } = useTranslation();
  const [applied] = useDebouncedValue(filter, 300);
  const pages = useCasePages(applied);
  const filtered = Object.keys(applied).length > 0;

  return (
    <Stack gap="lg">
      <ScreenTitle>{t('home.title')}</ScreenTitle>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('records.list.title')}
        </Title>
        <Button onClick={onNew}>{t('records.list.new')}</Button>
      </Group>
      <OverduePanel onOpen={onOpen} />
      <SearchPanel onOpen={onOpen} />
      <CaseFilters filter={filter} onChange={onFilter} />
      <RecordError error={pages.error} />
      {pages.total === null && !pages.error ? (
        <Group>
          <Loader size="sm" aria-hidden="true" />
          <Text role="status">{t('records.loading')}</Text>
        </Group>
      ) : null}
      {pages.total === 0 && !filtered ? (
        <Paper withBorder p="lg" radius="md" data-testid="cases-empty">
          <Stack gap="sm" align="flex-start">
            <Title order={3} size="h4">
              {t('records.list.emptyTitle')}
            </Title>
            <Text>{t('records.list.emptyCodes')}</Text>
            <Button onClick={onNew}>{t('records.list.createFirst')}</Button>
          </Stack>
        </Paper>
      ) : null}
      {pages.total === 0 && filtered ? (
        <Paper withBorder p="lg" radius="md" data-testid="cases-none-match">
          <Stack gap="sm" align="flex-start">
            <Text>{t('records.list.noneMatch')}</Text>
            <Button variant="default" onClick={() => onFilter({})}>
              {t('records.filters.clear')}
            </Button>
          </Stack>
        </Paper>
      ) : null}
      {pages.total ? (
        <>
          <Text size="sm" role="status">
            {t('records.list.count', { count: pages.total })}
          </Text>
          <VirtualCaseList pages={pages} total={pages.total} onOpen={onOpen} />
        </>
      ) : null}
    </Stack>
  );
}
