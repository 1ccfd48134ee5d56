/**
 * One item: preview, what it is (name, type, size, SHA-256 to copy, capture time, source), what the
 * file says about itself (with the location warning), its redaction links, its custody timeline,
 * and the actions. Custody is re-read after each action, so the timeline shows what was just done.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { formatDateTime } from '../records/format.ts';
import { RecordError } from '../records/RecordError.tsx';
import {
  type EvidenceDetail,
  type EvidenceItem,
  evidenceApi,
  formatSize,
  isDrawableImage,
  type VerifyResult,
} from './api.ts';
import { CustodyTimeline } from './CustodyTimeline.tsx';
import { DeleteEvidenceButton, SaveCopyButton, VerifyButton, VerifyVerdict } from './ItemActions.tsx';
import { LocationWarning, MetadataPanel } from './MetadataPanel.tsx';
import { Preview } from './Preview.tsx';
import { RedactionEditor } from './RedactionEditor.tsx';

export function ItemView({
  id,
  onBack,
  onOpen,
  onChanged,
}: {
  id: string;
  onBack: () => void;
  onOpen: (id: string) => void;
  /** The gallery must reload (an item was added or deleted). */
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [detail, setDetail] = useState<EvidenceDetail | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [redacting, setRedacting] = useState(false);
  const [verdict, setVerdict] = useState<VerifyResult | null>(null);
  const [saved, setSaved] = useState<boolean | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(async () => {
    try {
      setDetail(await evidenceApi.get(id));
      setError(null);
    } catch (caught) {
      setError(toUiError(caught));
    }
  }, [id]);
  useEffect(() => {
    setDetail(null);
    setRedacting(false);
    setVerdict(null);
    setSaved(null);
    void reload();
  }, [reload]);
  useEffect(() => {
    if (detail) heading.current?.focus();
  }, [detail]);

  const back = (
    <Group>
      <Button variant="subtle" onClick={onBack} data-testid="back-to-gallery">
        {t('evidence.item.back')}
      </Button>
    </Group>
  );
  if (!detail) {
    return (
      <Stack>
        {back}
        <RecordError error={error} />
        {!error ? <Loader size="sm" aria-label={t('records.loading')} /> : null}
      </Stack>
    );
  }
  const { item, metadata, custody } = detail;
  // Redaction needs the image drawn in the window to place the boxes.
  const isImage = isDrawableImage(item);
  const source = item.source;
  const onRedacted = (copy: EvidenceItem) => {
    onChanged();
    onOpen(copy.id);
  };

  return (
    <Stack gap="md" data-testid="evidence-item">
      {back}
      <Title order={2} size="h3" ref={heading} tabIndex={-1} style={{ wordBreak: 'break-word' }}>
        {item.originalName}
      </Title>
      <Group gap="xs">
        {item.redactedOf ? (
          <Badge color="gray.8" variant="filled">
            {t('evidence.gallery.redacted')}
          </Badge>
        ) : null}
      </Group>
      {metadata.gps ? (
        <LocationWarning gps={metadata.gps} canRedact={isImage} onRedact={() => setRedacting(true)} />
      ) : null}

      {redacting ? (
        <RedactionEditor item={item} onCreated={onRedacted} onCancel={() => setRedacting(false)} />
      ) : (
        <Preview item={item} />
      )}

      <Table withTableBorder data-testid="evidence-facts">
        <Table.Caption>{t('evidence.item.factsCaption')}</Table.Caption>
        <Table.Tbody>
          <Fact label={t('evidence.item.originalName')}>{item.originalName}</Fact>
          <Fact label={t('evidence.item.type')}>
            {t(`evidence.category.${item.detectedType.category}`)} ({item.detectedType.mime})
          </Fact>
          <Fact label={t('evidence.item.size')}>
            {formatSize(item.size, lang)} ({t('evidence.item.bytes', { count: item.size })})
          </Fact>
          <Fact label="SHA-256">
            <HashField value={item.sha256} />
          </Fact>
          <Fact label={t('evidence.item.capturedAt')}>
            {item.capturedAt
              ? formatDateTime(item.capturedAt, lang)
              : metadata.takenAt
                ? t('evidence.item.takenAtDevice', { when: metadata.takenAt })
                : t('evidence.item.unknown')}
          </Fact>
          <Fact label={t('evidence.item.addedAt')}>
            {t('evidence.item.addedBy', { when: formatDateTime(item.addedAt, lang), who: item.addedBy })}
          </Fact>
          <Fact label={t('evidence.item.source')}>
            {t(`evidence.source.${source.kind}`)}
            {source.url ? ` — ${source.url}` : ''}
            {source.receivedFrom ? ` — ${source.receivedFrom}` : ''}
            {source.note ? ` — ${source.note}` : ''}
          </Fact>
        </Table.Tbody>
      </Table>

      {item.redactedOf || item.redactedCopies.length > 0 ? (
        <Stack gap={4} data-testid="redaction-links">
          {item.redactedOf ? (
            item.originalDeleted ? (
              <Text size="sm">{t('evidence.item.originalDeleted')}</Text>
            ) : (
              <Text size="sm">
                {t('evidence.item.copyOf')}{' '}
                <Anchor component="button" type="button" onClick={() => onOpen(item.redactedOf!)}>
                  {t('evidence.item.openOriginal')}
                </Anchor>
              </Text>
            )
          ) : null}
          {item.redactedCopies.map((copy, index) => (
            <Text size="sm" key={copy}>
              <Anchor
                component="button"
                type="button"
                onClick={() => onOpen(copy)}
                data-testid="open-redacted-copy"
              >
                {t('evidence.item.openCopy', { n: index + 1 })}
              </Anchor>
            </Text>
          ))}
        </Stack>
      ) : null}

      <Title order={3} size="h5">
        {t('evidence.actions.title')}
      </Title>
      <Group align="flex-start" gap="sm">
        <VerifyButton
          item={item}
          onVerified={(result) => {
            setVerdict(result);
            void reload();
          }}
        />
        {isImage && !redacting ? (
          <Button variant="light" onClick={() => setRedacting(true)} data-testid="start-redaction">
            {t('evidence.actions.redact')}
          </Button>
        ) : null}
        <SaveCopyButton
          item={item}
          onSaved={(done) => {
            setSaved(done);
            void reload();
          }}
        />
        <DeleteEvidenceButton
          item={item}
          onDeleted={() => {
            onChanged();
            onBack();
          }}
        />
      </Group>
      {verdict ? <VerifyVerdict result={verdict} /> : null}
      {saved !== null ? (
        <Text size="sm" role="status">
          {saved ? t('evidence.saveCopy.saved') : t('evidence.saveCopy.notSaved')}
        </Text>
      ) : null}
      {!isImage ? (
        <Alert variant="light" color="gray">
          <Text size="sm">{t('evidence.redact.imagesOnly')}</Text>
        </Alert>
      ) : null}

      <Title order={3} size="h5">
        {t('evidence.meta.title')}
      </Title>
      <MetadataPanel metadata={metadata} />

      <Title order={3} size="h5">
        {t('evidence.custody.title')}
      </Title>
      <CustodyTimeline entries={custody} />
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={200}>
        {label}
      </Table.Th>
      <Table.Td style={{ wordBreak: 'break-word' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

/**
 * The hash in a read-only field with a Copy button. The session denies clipboard permissions, so
 * copying uses the selection (execCommand) the user could also do by hand with Ctrl+C.
 */
function HashField({ value }: { value: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    input.current?.focus();
    input.current?.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    setCopied(ok);
  };
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <TextInput
        ref={input}
        readOnly
        value={value}
        aria-label="SHA-256"
        data-testid="evidence-sha256"
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        style={{ flex: 1, minWidth: 0 }}
        onFocus={(e) => e.currentTarget.select()}
      />
      <Button size="xs" variant="default" onClick={copy}>
        {t('evidence.item.copy')}
      </Button>
      {copied !== null ? (
        <Text size="xs" role="status">
          {copied ? t('evidence.item.copied') : t('evidence.item.copyByHand')}
        </Text>
      ) : null}
    </Group>
  );
}
