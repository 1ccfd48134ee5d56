/**
 * The case's evidence as a grid of cards: images show a thumbnail loaded through the preview
 * protocol (decrypted in memory, never written), other types a labelled tile. Past a few dozen
 * items only the rows in view are rendered (@tanstack/react-virtual).
 */
import { Badge, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { WARN_COLOUR } from '../records/labels.ts';
import { type EvidenceItem, formatSize, isDrawableImage, previewUrl } from './api.ts';

const COLUMNS = 4;
const ROW_HEIGHT = 214;
/** Below this, a plain grid (no inner scroll area); above it, virtual rows. */
const VIRTUAL_FROM = 40;

export function Gallery({ items, onOpen }: { items: EvidenceItem[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text size="sm">{t('evidence.gallery.empty')}</Text>;
  if (items.length < VIRTUAL_FROM) {
    return (
      <ul aria-label={t('evidence.gallery.label')} style={gridStyle} data-testid="evidence-gallery">
        {items.map((item) => (
          <li key={item.id}>
            <Card item={item} onOpen={onOpen} />
          </li>
        ))}
      </ul>
    );
  }
  return <VirtualGallery items={items} onOpen={onOpen} />;
}

const gridStyle = {
  display: 'grid',
  gridTemplateColumns: `repeat(${COLUMNS}, minmax(0, 1fr))`,
  gap: 12,
  listStyle: 'none',
  margin: 0,
  padding: 0,
} as const;

function VirtualGallery({ items, onOpen }: { items: EvidenceItem[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = Math.ceil(items.length / COLUMNS);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 2,
    initialRect: { width: 900, height: 640 },
  });
  return (
    <div ref={scrollRef} style={{ height: 640, overflowY: 'auto' }} data-testid="evidence-gallery">
      <ul
        aria-label={t('evidence.gallery.label')}
        style={{
          height: virtualizer.getTotalSize(),
          position: 'relative',
          margin: 0,
          padding: 0,
          listStyle: 'none',
        }}
      >
        {virtualizer.getVirtualItems().flatMap((row) =>
          items.slice(row.index * COLUMNS, row.index * COLUMNS + COLUMNS).map((item, column) => (
            <li
              key={item.id}
              style={{
                position: 'absolute',
                top: row.start,
                left: `calc(${(100 / COLUMNS) * column}% + ${column === 0 ? 0 : 6}px)`,
                width: `calc(${100 / COLUMNS}% - 12px)`,
                height: ROW_HEIGHT - 12,
              }}
            >
              <Card item={item} onOpen={onOpen} />
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

/** A short, visible label of the type ("JPG", "PDF") for tiles without a thumbnail. */
export function TypeTile({ item, height }: { item: Pick<EvidenceItem, 'detectedType'>; height: number }) {
  return (
    <div
      aria-hidden="true"
      style={{
        height,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'var(--mantine-color-gray-2)',
        borderRadius: 6,
        fontFamily: 'monospace',
        fontWeight: 700,
        fontSize: 22,
        color: 'var(--mantine-color-gray-8)',
      }}
    >
      {(item.detectedType.ext || item.detectedType.category).toUpperCase().slice(0, 5)}
    </div>
  );
}

function Card({ item, onOpen }: { item: EvidenceItem; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  // The button holds the picture and the name (its accessible name is "Open <name>"); size and
  // badges sit next to it as plain text.
  return (
    <Stack
      gap={4}
      style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: 6, height: '100%' }}
    >
      <UnstyledButton
        onClick={() => onOpen(item.id)}
        data-testid="evidence-card"
        style={{ display: 'block' }}
      >
        <Stack gap={4}>
          {isDrawableImage(item) ? (
            <img
              src={previewUrl(item.id)}
              alt=""
              loading="lazy"
              data-testid="evidence-thumbnail"
              style={{ width: '100%', height: 120, objectFit: 'cover', borderRadius: 6, display: 'block' }}
            />
          ) : (
            <TypeTile item={item} height={120} />
          )}
          <Text size="sm" fw={600} truncate="end" title={item.originalName}>
            <VisuallyHidden>{t('evidence.gallery.openPrefix')}</VisuallyHidden> {item.originalName}
          </Text>
        </Stack>
      </UnstyledButton>
      <Group gap={4}>
        <Text size="xs">{formatSize(item.size, lang)}</Text>
        {item.hasLocation ? (
          <Badge size="xs" color={WARN_COLOUR} variant="filled">
            {t('evidence.gallery.location')}
          </Badge>
        ) : null}
        {item.redactedOf ? (
          <Badge size="xs" color="gray.8" variant="filled">
            {t('evidence.gallery.redacted')}
          </Badge>
        ) : null}
      </Group>
    </Stack>
  );
}
