import { Badge, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { toUiError, type UiError } from '../../ipc/client.ts';
import { type HistoryEntry, recordsApi } from '../api.ts';
import { useCase } from '../case-context.ts';
import { formatDateTime } from '../format.ts';
import { RecordError } from '../RecordError.tsx';

/** Earlier versions of the case record: when, who, which fields changed. */
export function HistoryTab() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { caseId } = useCase();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    recordsApi.history(caseId).then(setEntries, (caught) => setError(toUiError(caught)));
  }, [caseId]);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('records.history.intro')}</Text>
      <RecordError error={error} />
      {entries && entries.length === 0 ? <Text size="sm">{t('records.history.empty')}</Text> : null}
      <Stack
        component="ol"
        gap="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('records.tabs.history')}
      >
        {(entries ?? []).map((entry, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, dated series (two on one day are possible)
          <li key={`${entry.at}-${i}`} data-testid="history-entry">
            <Text size="sm" fw={600}>
              {t('records.history.line', { when: formatDateTime(entry.at, lang), who: entry.actor })}
            </Text>
            <Group gap={4}>
              {entry.changed.map((field) => (
                <Badge key={field} size="sm" variant="outline" color="blue.9">
                  {t(`records.field.${field}`, { defaultValue: field })}
                </Badge>
              ))}
            </Group>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
