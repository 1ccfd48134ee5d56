/**
 * The read-only Received area: every imported export (from whom, when, export id, purpose), and one
 * of them opened: its provenance, its records as received (read-only, with the records screens'
 * labels: ReceivedRecords), its files (previewed in the app: ReceivedFiles), and "Send a receipt"
 * (main's save dialog chooses where the small sealed receipt goes).
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { formatDate } from '../identity/labels.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { type ReceivedDetailView, type ReceivedSummaryView, sharingApi } from './api.ts';
import { ReceivedFiles } from './ReceivedFiles.tsx';
import { ReceivedRecords } from './ReceivedRecords.tsx';
import { ReceivedReport } from './ReceivedReport.tsx';

export function ReceivedArea() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [list, setList] = useState<ReceivedSummaryView[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  const reload = useCallback(async () => {
    try {
      setList(await sharingApi.receivedList());
    } catch (caught) {
      setError(toUiError(caught));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (openId) return <ReceivedView id={openId} onBack={() => setOpenId(null)} />;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('sharing.received.intro')}</Text>
      <ErrorAlert error={error} />
      {list === null && !error ? <Loader size="sm" aria-label={t('sharing.loading')} /> : null}
      {list?.length === 0 ? <Text>{t('sharing.received.empty')}</Text> : null}
      {list && list.length > 0 ? (
        <Table withTableBorder data-testid="received-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sharing.received.from')}</Table.Th>
              <Table.Th scope="col">{t('sharing.received.receivedAt')}</Table.Th>
              <Table.Th scope="col">{t('sharing.purpose')}</Table.Th>
              <Table.Th scope="col">{t('sharing.exportId')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('sharing.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((row) => (
              <Table.Tr key={row.id} data-testid="received-row">
                <Table.Td>
                  {row.sender.name ?? t('sharing.unknownSenderShort')}
                  {!row.sender.known ? (
                    <Badge ml="xs" color="orange.9" variant="filled" size="sm">
                      {t('sharing.unknownSenderShort')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatDate(row.receivedAt, lang)}</Table.Td>
                <Table.Td>
                  {row.purpose || '—'}
                  {row.kind === 'report' ? (
                    <Badge
                      ml="xs"
                      color="blue.9"
                      variant="light"
                      size="sm"
                      data-testid="received-report-badge"
                    >
                      {t('sharing.received.reportBadge')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td ff="monospace">{row.exportId.slice(0, 8)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setOpenId(row.id)}
                    aria-label={t('sharing.received.openLabel', { id: row.exportId.slice(0, 8) })}
                  >
                    {t('sharing.received.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

function ReceivedView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [detail, setDetail] = useState<ReceivedDetailView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);

  useEffect(() => {
    sharingApi
      .receivedGet(id)
      .then(setDetail)
      .catch((caught) => setError(toUiError(caught)));
  }, [id]);

  const sendReceipt = async () => {
    setError(null);
    try {
      const result = await sharingApi.createReceipt(id);
      if (result.saved) setReceipt(result.fileName);
    } catch (caught) {
      setError(toUiError(caught));
    }
  };

  return (
    <Stack gap="sm" data-testid="received-view">
      <Group>
        <Button variant="subtle" onClick={onBack}>
          {t('sharing.received.back')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {detail === null && !error ? <Loader size="sm" aria-label={t('sharing.loading')} /> : null}
      {detail ? (
        <>
          <Title order={2} size="h3">
            {t('sharing.received.viewTitle', { name: detail.sender.name ?? t('sharing.unknownSenderShort') })}
          </Title>
          <Alert color="gray" variant="light">
            {t('sharing.received.readOnly')}
          </Alert>
          <Table withRowBorders={false} data-testid="provenance">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('sharing.received.from')}</Table.Th>
                <Table.Td>
                  {detail.sender.name ?? '—'} ·{' '}
                  <Text span ff="monospace" size="xs">
                    {detail.sender.fingerprintDigits.join(' ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('sharing.createdAt')}</Table.Th>
                <Table.Td>{formatDate(detail.createdAt, lang)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('sharing.received.receivedAt')}</Table.Th>
                <Table.Td>{formatDate(detail.receivedAt, lang)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('sharing.exportId')}</Table.Th>
                <Table.Td ff="monospace">{detail.exportId}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('sharing.purpose')}</Table.Th>
                <Table.Td>{detail.purpose || '—'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('sharing.sha256')}</Table.Th>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {detail.fileSha256}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {detail.kind === 'report' ? (
            <ReceivedReport id={detail.id} />
          ) : (
            <ReceivedRecords json={detail.recordsJson} />
          )}
          <ReceivedFiles detail={detail} />
          <Group>
            <Button onClick={() => void sendReceipt()}>{t('sharing.received.sendReceipt')}</Button>
          </Group>
          {receipt ? (
            <Alert color="teal" variant="light" role="status" data-testid="receipt-saved">
              {t('sharing.received.receiptSaved', { name: receipt })}
            </Alert>
          ) : detail.receiptCreatedAt ? (
            <Text size="sm">
              {t('sharing.received.receiptSentOn', { date: formatDate(detail.receiptCreatedAt, lang) })}
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
