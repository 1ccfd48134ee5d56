import { Alert, Anchor, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { type OverdueItem, recordsApi } from './api.ts';
import { formatDate } from './format.ts';
import { RecordError } from './RecordError.tsx';
import type { CaseTab } from './tabs/tab-names.ts';

const TAB: Record<OverdueItem['kind'], CaseTab> = {
  measure: 'plan',
  'plan-review': 'plan',
  'referral-follow-up': 'referrals',
};

/** Measures, plan reviews and referral follow-ups past their date, across all cases. */
export function OverduePanel({ onOpen }: { onOpen: (caseId: string, tab?: CaseTab) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [items, setItems] = useState<OverdueItem[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  useEffect(() => {
    recordsApi.overdue().then(setItems, (caught) => setError(toUiError(caught)));
  }, []);

  if (error) return <RecordError error={error} />;
  if (!items || items.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('records.overdue.title', { count: items.length })}
      data-testid="overdue-panel"
    >
      <List spacing={4} size="sm">
        {items.slice(0, 20).map((item) => (
          <List.Item key={`${item.kind}-${item.recordId}`}>
            <Anchor
              component="button"
              c="blue.9"
              underline="always"
              type="button"
              size="sm"
              onClick={() => onOpen(item.caseId, TAB[item.kind])}
            >
              {t('records.overdue.item', {
                code: item.caseCode,
                kind: t(`records.overdue.${item.kind}`),
                title: item.title,
              })}
            </Anchor>{' '}
            <Text span size="sm">
              {t('records.overdue.due', { date: formatDate(item.due, lang) })}
            </Text>
          </List.Item>
        ))}
      </List>
      {items.length > 20 ? (
        <Text size="sm">{t('records.overdue.more', { count: items.length - 20 })}</Text>
      ) : null}
    </Alert>
  );
}
