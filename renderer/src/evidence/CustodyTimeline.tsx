/**
 * The item's chain of custody: every acquire, view, verify, extract, redaction, in order. After a
 * restore, the former vault's entries come first, marked as carried by the backup.
 */
import { Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CustodyEntry } from '../../../shared/evidence/schemas.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatDateTime } from '../records/format.ts';

export function CustodyTimeline({ entries }: { entries: CustodyEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  if (entries.length === 0) return <Text size="sm">{t('evidence.custody.empty')}</Text>;
  return (
    <Timeline
      active={entries.length - 1}
      bulletSize={14}
      lineWidth={2}
      data-testid="custody-timeline"
      aria-label={t('evidence.custody.title')}
    >
      {entries.map((entry) => (
        <Timeline.Item
          key={`${entry.restoredFrom ?? ''}:${entry.seq}`}
          title={t(`evidence.custody.actions.${entry.action}`)}
          data-testid="custody-entry"
          data-action={entry.action}
          data-restored={entry.restoredFrom ? 'true' : undefined}
        >
          <Text size="xs">
            {t('evidence.custody.line', { when: formatDateTime(entry.at, lang), who: entry.actor })}
          </Text>
          <Text size="xs" ff="monospace">
            SHA-256 {entry.hash.slice(0, 16)}…
          </Text>
          {detailText(entry, t) ? <Text size="xs">{detailText(entry, t)}</Text> : null}
          {entry.restoredFrom ? (
            <Text size="xs" c="dimmed">
              {t('evidence.custody.restoredFrom')}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function detailText(entry: CustodyEntry, t: TFunction): string {
  const detail = entry.detail;
  if (entry.action === 'verify')
    return detail.ok === true ? t('evidence.custody.verifyOk') : t('evidence.custody.verifyBad');
  if (entry.action === 'redact' && typeof detail.copy === 'string') return t('evidence.custody.redactCopy');
  if (entry.action === 'acquire' && typeof detail.redactedOf === 'string')
    return t('evidence.custody.acquireRedacted');
  return '';
}
