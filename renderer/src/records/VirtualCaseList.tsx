import { Badge, Group, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { formatDate } from './format.ts';
import { pickLabel, SENSITIVITY_COLOURS, STATUS_COLOURS } from './labels.ts';
import type { useCasePages } from './use-case-pages.ts';

const ROW_HEIGHT = 76;

export function VirtualCaseList({
  pages,
  total,
  onOpen,
}: {
  pages: ReturnType<typeof useCasePages>;
  total: number;
  onOpen: (caseId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // jsdom and the first paint have no layout: show a first window anyway.
    initialRect: { width: 700, height: 520 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const { ensure } = pages;
  useEffect(() => {
    ensure(first, last);
  }, [ensure, first, last]);

  return (
    <div
      ref={scrollRef}
      data-testid="case-list"
      style={{
        height: Math.min(520, total * ROW_HEIGHT + 2),
        overflowY: 'auto',
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 8,
      }}
    >
      <ul
        aria-label={t('records.list.title')}
        style={{
          height: virtualizer.getTotalSize(),
          position: 'relative',
          margin: 0,
          padding: 0,
          listStyle: 'none',
        }}
      >
        {items.map((item) => {
          const row = pages.rowAt(item.index);
          return (
            <li
              key={item.key}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
              }}
            >
              {row ? (
                <UnstyledButton
                  data-testid="case-row"
                  onClick={() => onOpen(row.id)}
                  w="100%"
                  h="100%"
                  px="md"
                  py={6}
                  className="case-row"
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text ff="monospace" fw={700} size="sm">
                      {row.code}
                    </Text>
                    <Group gap={6} wrap="nowrap">
                      <Badge color={STATUS_COLOURS[row.status] ?? 'gray.8'} variant="filled" size="sm">
                        {pickLabel('caseStatus', row.status, lang)}
                      </Badge>
                      {row.sensitivity !== 'normal' ? (
                        <Badge
                          color={SENSITIVITY_COLOURS[row.sensitivity] ?? 'gray.8'}
                          variant="outline"
                          size="sm"
                        >
                          {t('records.list.sensitivity', {
                            level: pickLabel('sensitivity', row.sensitivity, lang),
                          })}
                        </Badge>
                      ) : null}
                    </Group>
                  </Group>
                  <Text size="sm" truncate>
                    {row.title}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {pickLabel('caseKind', row.kind, lang)} ·{' '}
                    {t('records.list.openedOn', { date: formatDate(row.openedOn, lang) })}
                    {row.country ? ` · ${row.country}` : ''}
                  </Text>
                </UnstyledButton>
              ) : (
                <Skeleton h={ROW_HEIGHT - 12} m={6} aria-hidden="true" />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
