/**
 * One received file, shown in the app like an evidence item: marked as received (from whom, when,
 * which export), the location warning when its metadata carries GPS, the preview (image, audio,
 * video, text — the evidence view's FilePreview, fed from `/__received__/<id>`), what it is (name
 * as received, type from the content, the sender's stated type, size, SHA-256), its metadata,
 * "Verify integrity" (every segment authenticated, the SHA-256 the sender signed checked again) and
 * "Save a decrypted copy…" behind its warning. Nothing here writes the file in clear.
 */
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../evidence/api.ts';
import { LocationWarning, MetadataPanel } from '../evidence/MetadataPanel.tsx';
import { FilePreview } from '../evidence/Preview.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { formatDateTime } from '../records/format.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import type { ReceivedDetailView } from './api.ts';
import {
  type ReceivedFileInfoView,
  type ReceivedVerifyView,
  receivedFilesApi,
  receivedPreviewUrl,
} from './received-files-api.ts';
import { SaveReceivedFile } from './SaveReceivedFile.tsx';

type ReceivedFile = ReceivedDetailView['fileList'][number];

export function ReceivedFileView({
  file,
  received,
  onBack,
}: {
  file: ReceivedFile;
  received: ReceivedDetailView;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [info, setInfo] = useState<ReceivedFileInfoView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setInfo(null);
    setError(null);
    receivedFilesApi.info(file.id).then(
      (result) => live && setInfo(result),
      (caught) => live && setError(toUiError(caught)),
    );
    return () => {
      live = false;
    };
  }, [file.id]);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const sender = received.sender.name ?? t('sharing.unknownSenderShort');
  return (
    <Stack gap="sm" data-testid="received-file-view">
      <Group>
        <Button variant="subtle" onClick={onBack} data-testid="received-file-back">
          {t('receivedView.file.back')}
        </Button>
      </Group>
      <Title order={3} size="h4" ref={heading} tabIndex={-1} style={{ wordBreak: 'break-word' }}>
        {file.name}
      </Title>
      <Group gap="xs">
        <Badge color="indigo.9" variant="filled">
          {t('receivedView.received')}
        </Badge>
        <Text size="sm">
          {t('receivedView.file.provenance', {
            name: sender,
            date: formatDateTime(received.receivedAt, lang),
            id: received.exportId.slice(0, 8),
          })}
        </Text>
      </Group>
      <ErrorAlert error={error} />
      {info === null && !error ? <Loader size="sm" aria-label={t('sharing.loading')} /> : null}
      {info ? (
        <>
          {info.metadata.gps ? <LocationWarning gps={info.metadata.gps} canRedact={false} /> : null}
          <FilePreview
            source={{
              key: info.id,
              name: info.name,
              detectedType: info.detectedType,
              url: receivedPreviewUrl(info.id),
              readText: () => receivedFilesApi.text(info.id),
              testIdPrefix: 'received',
            }}
          />
          <Alert color="gray" variant="light">
            <Text size="sm">{t('receivedView.file.inMemory')}</Text>
          </Alert>
          <Table withTableBorder data-testid="received-file-facts">
            <Table.Caption>{t('evidence.item.factsCaption')}</Table.Caption>
            <Table.Tbody>
              <Fact label={t('receivedView.file.name')}>{info.name}</Fact>
              <Fact label={t('evidence.item.type')}>
                {t(`evidence.category.${info.detectedType.category}`)} ({info.detectedType.mime})
              </Fact>
              {info.mediaType && info.mediaType !== info.detectedType.mime ? (
                <Fact label={t('receivedView.file.senderType')}>{info.mediaType}</Fact>
              ) : null}
              <Fact label={t('evidence.item.size')}>
                {formatSize(info.size, lang)} ({t('evidence.item.bytes', { count: info.size })})
              </Fact>
              <Fact label="SHA-256">
                <Text span ff="monospace" size="xs" style={{ wordBreak: 'break-all' }}>
                  {info.sha256}
                </Text>
              </Fact>
            </Table.Tbody>
          </Table>
          <Group align="flex-start">
            <VerifyReceived id={info.id} />
            <SaveReceivedFile receivedId={received.id} fileId={info.id} name={info.name} />
          </Group>
          <Title order={4} size="h5">
            {t('evidence.meta.title')}
          </Title>
          <MetadataPanel metadata={info.metadata} />
        </>
      ) : null}
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

/** Re-reads the whole file and says, in words, whether it is still what the sender signed. */
function VerifyReceived({ id }: { id: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReceivedVerifyView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await receivedFilesApi.verify(id));
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => void verify()}
          loading={busy}
          data-testid="received-verify"
        >
          {t('evidence.actions.verify')}
        </Button>
      </Group>
      {result ? (
        <Alert
          color={result.ok ? 'teal' : 'red'}
          variant="light"
          role="status"
          data-testid="received-verify-result"
        >
          {result.ok ? t('receivedView.file.verifyOk') : t(`evidence.verify.bad.${result.reason ?? 'auth'}`)}
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
    </Stack>
  );
}
