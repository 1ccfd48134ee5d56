import { Badge, Button, Group, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { recordsApi, type SearchHit } from './api.ts';
import { formatDate } from './format.ts';
import { kindLabel } from './labels.ts';
import { RecordError } from './RecordError.tsx';

const KIND_CODE = /^[a-z]+\.[a-z0-9-]+$/;

import { type CaseTab, tabForEntity } from './tabs/tab-names.ts';

/** The core returns 50 hits by default: a full page means the query matched more (and, if very
 * broad, was ranked among the most recent records: electron/core/records/search.ts). */
const FULL_PAGE = 50;

/** The core marks matches with « »; they are shown as <mark> so they stand out. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/«([^»]*)»/);
  return (
    <Text size="sm" data-testid="search-snippet">
      {parts.map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
        i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>,
      )}
    </Text>
  );
}

export function SearchPanel({ onOpen }: { onOpen: (caseId: string, tab?: CaseTab) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim()) {
      setHits(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setHits(await recordsApi.search(query));
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('records.search.title')}>
      <search>
        <form onSubmit={submit}>
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              flex={1}
              label={t('records.search.label')}
              description={t('records.search.hint')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              data-testid="search-input"
            />
            <Button type="submit" loading={busy}>
              {t('records.search.submit')}
            </Button>
          </Group>
        </form>
      </search>
      <RecordError error={error} />
      {hits ? (
        <Stack gap="xs" mt="sm">
          <Group justify="space-between">
            <Text size="sm" role="status" fw={600}>
              {t('records.search.count', { count: hits.length })}
            </Text>
            <Button size="xs" variant="subtle" onClick={() => setHits(null)}>
              {t('records.search.clear')}
            </Button>
          </Group>
          {hits.length >= FULL_PAGE ? (
            <Text size="xs" c="dimmed">
              {t('records.search.broad', { count: hits.length })}
            </Text>
          ) : null}
          <Stack
            component="ul"
            gap={4}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('records.search.results')}
          >
            {hits.map((hit) => (
              <li key={`${hit.entity}-${hit.recordId}`}>
                <UnstyledButton
                  w="100%"
                  p="xs"
                  data-testid="search-hit"
                  disabled={!hit.caseId}
                  onClick={() => hit.caseId && onOpen(hit.caseId, tabForEntity(hit.entity))}
                  style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}
                >
                  <Group gap="xs">
                    <Badge variant="outline" color="blue.9" size="sm">
                      {t(`records.entity.${hit.entity}`, { defaultValue: hit.entity })}
                    </Badge>
                    {hit.caseCode ? (
                      <Text ff="monospace" fw={700} size="sm">
                        {hit.caseCode}
                      </Text>
                    ) : null}
                    <Text size="sm" fw={600} truncate>
                      {/* An incident's indexed title is its kind code: show the kind's label. */}
                      {KIND_CODE.test(hit.title) ? kindLabel(hit.title, lang) : hit.title}
                    </Text>
                    {hit.onDate ? (
                      <Text size="xs" c="dimmed">
                        {formatDate(hit.onDate, lang)}
                      </Text>
                    ) : null}
                  </Group>
                  <Snippet text={hit.snippet} />
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </Stack>
      ) : null}
    </Paper>
  );
}
