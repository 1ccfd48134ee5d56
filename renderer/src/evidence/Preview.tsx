/**
 * The in-app preview of a file, from decrypted bytes in memory: images, video and audio through a
 * preview route of the app origin (video and audio stream by range), text over IPC (the first
 * 256 KiB). PDF is not rendered inline: Chromium's PDF viewer needs Electron's `plugins` option and
 * does not read custom schemes reliably (docs/architecture.md); the document metadata is shown
 * instead. `Preview` shows an evidence item (`/__evidence__/<id>`); `FilePreview` takes any source,
 * e.g. a received file (`/__received__/<id>`, renderer/src/sharing/ReceivedFileView.tsx).
 */
import { Alert, Code, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectedType } from '../../../shared/evidence/schemas.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { RecordError } from '../records/RecordError.tsx';
import { type EvidenceItem, evidenceApi, isDrawableImage, previewUrl } from './api.ts';
import { TypeTile } from './Gallery.tsx';

/** What a preview needs: the file's name and type, its URL on a preview route, and its text. */
export interface PreviewSource {
  /** Changes when the file changes (the text is read again). */
  key: string;
  name: string;
  detectedType: DetectedType;
  url: string;
  readText: () => Promise<{ text: string; truncated: boolean }>;
  /** Prefix of the test ids (`evidence-preview-image`, `received-preview-image`, …). */
  testIdPrefix: string;
}

export function Preview({ item }: { item: EvidenceItem }) {
  return (
    <FilePreview
      source={{
        key: item.id,
        name: item.originalName,
        detectedType: item.detectedType,
        url: previewUrl(item.id),
        readText: () => evidenceApi.readText(item.id),
        testIdPrefix: 'evidence',
      }}
    />
  );
}

export function FilePreview({ source }: { source: PreviewSource }) {
  const { t } = useTranslation();
  const { url, testIdPrefix: prefix } = source;
  const label = t('evidence.item.previewOf', { name: source.name });
  switch (source.detectedType.category) {
    case 'image':
      if (!isDrawableImage(source)) return <NoPreview source={source} />;
      return (
        <img
          src={url}
          alt={label}
          data-testid={`${prefix}-preview-image`}
          // alignSelf: inside a Mantine Stack (a flex column) the default `stretch` would widen a
          // small image to the column's width and distort it once maxHeight applies.
          style={{
            maxWidth: '100%',
            maxHeight: 480,
            display: 'block',
            borderRadius: 6,
            alignSelf: 'flex-start',
          }}
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
          style={{ maxWidth: '100%', maxHeight: 480, alignSelf: 'flex-start' }}
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
          data-testid={`${prefix}-preview-audio`}
        />
      );
    case 'text':
      return <TextPreview source={source} />;
    case 'pdf':
      return (
        <Alert variant="light" color="gray" data-testid={`${prefix}-preview-none`}>
          <Text size="sm">{t('evidence.item.pdfNoPreview')}</Text>
        </Alert>
      );
    default:
      return <NoPreview source={source} />;
  }
}

function NoPreview({ source }: { source: PreviewSource }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`${source.testIdPrefix}-preview-none`}>
      <TypeTile item={source} height={120} />
      <Text size="sm" mt="xs">
        {t('evidence.item.noPreview')}
      </Text>
    </div>
  );
}

function TextPreview({ source }: { source: PreviewSource }) {
  const { t } = useTranslation();
  const [text, setText] = useState<{ text: string; truncated: boolean } | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  // Read again only when the file changes (`key`), not when the caller builds a new source object.
  // biome-ignore lint/correctness/useExhaustiveDependencies: readText belongs to the file named by key
  useEffect(() => {
    let live = true;
    setText(null);
    setError(null);
    source.readText().then(
      (result) => live && setText(result),
      (caught) => live && setError(toUiError(caught)),
    );
    return () => {
      live = false;
    };
  }, [source.key]);
  if (error) return <RecordError error={error} />;
  if (!text) return <Loader size="sm" aria-label={t('records.loading')} />;
  return (
    <div>
      <Code
        block
        data-testid={`${source.testIdPrefix}-preview-text`}
        style={{ maxHeight: 480, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        tabIndex={0}
        aria-label={t('evidence.item.previewOf', { name: source.name })}
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
