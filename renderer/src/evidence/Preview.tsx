/**
 * The in-app preview of an item, from decrypted bytes in memory: images, video and audio through the
 * preview protocol (video and audio stream by range), text over IPC (the first 256 KiB). PDF is not
 * rendered inline: Chromium's PDF viewer needs Electron's `plugins` option and does not read custom
 * schemes reliably (docs/architecture.md); the item's document metadata is shown instead.
 */
import { Alert, Code, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../ipc/client.ts';
import { RecordError } from '../records/RecordError.tsx';
import { type EvidenceItem, evidenceApi, isDrawableImage, previewUrl } from './api.ts';
import { TypeTile } from './Gallery.tsx';

export function Preview({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  const url = previewUrl(item.id);
  const label = t('evidence.item.previewOf', { name: item.originalName });
  switch (item.detectedType.category) {
    case 'image':
      if (!isDrawableImage(item)) return <NoPreview item={item} />;
      return (
        <img
          src={url}
          alt={label}
          data-testid="evidence-preview-image"
          style={{ maxWidth: '100%', maxHeight: 480, display: 'block', borderRadius: 6 }}
        />
      );
    case 'video':
      return (
        // biome-ignore lint/a11y/useMediaCaption: evidence has no caption track; the file is what it is.
        <video
          src={url}
          controls
          preload="metadata"
          aria-label={label}
          style={{ maxWidth: '100%', maxHeight: 480 }}
        />
      );
    case 'audio':
      return (
        // biome-ignore lint/a11y/useMediaCaption: evidence has no caption track; the file is what it is.
        <audio
          src={url}
          controls
          preload="metadata"
          aria-label={label}
          data-testid="evidence-preview-audio"
        />
      );
    case 'text':
      return <TextPreview item={item} />;
    case 'pdf':
      return (
        <Alert variant="light" color="gray" data-testid="evidence-preview-none">
          <Text size="sm">{t('evidence.item.pdfNoPreview')}</Text>
        </Alert>
      );
    default:
      return <NoPreview item={item} />;
  }
}

function NoPreview({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  return (
    <div data-testid="evidence-preview-none">
      <TypeTile item={item} height={120} />
      <Text size="sm" mt="xs">
        {t('evidence.item.noPreview')}
      </Text>
    </div>
  );
}

function TextPreview({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  const [text, setText] = useState<{ text: string; truncated: boolean } | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    let live = true;
    evidenceApi.readText(item.id).then(
      (result) => live && setText(result),
      (caught) => live && setError(toUiError(caught)),
    );
    return () => {
      live = false;
    };
  }, [item.id]);
  if (error) return <RecordError error={error} />;
  if (!text) return <Loader size="sm" aria-label={t('records.loading')} />;
  return (
    <div>
      <Code
        block
        data-testid="evidence-preview-text"
        style={{ maxHeight: 480, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        tabIndex={0}
        aria-label={t('evidence.item.previewOf', { name: item.originalName })}
      >
        {text.text}
      </Code>
      {text.truncated ? (
        <Text size="xs" mt={4}>
          {t('evidence.item.textTruncated')}
        </Text>
      ) : null}
    </div>
  );
}
