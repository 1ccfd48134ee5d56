/**
 * The sender's exports log: to whom, what (cases, mode), when, the file's SHA-256, and whether a
 * receipt acknowledged it. "Import a receipt" opens main's dialog; the matching export is then
 * marked acknowledged (the custody chain closes on this side).
 */
import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { formatDate } from '../identity/labels.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { reportLabel } from '../reports/report-label.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { type ExportLogView, sharingApi } from './api.ts';

export function ExportsLog() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [log, setLog] = useState<ExportLogView[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [acknowledged, setAcknowledged] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setLog(await sharingApi.exportsLog());
    } catch (caught) {
      setError(toUiError(caught));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const importReceipt = async () => {
    setError(null);
    setAcknowledged(null);
    try {
      const result = await sharingApi.importReceipt();
      if (result.cancelled) return;
      setAcknowledged(result.result.exportId);
      await reload();
    } catch (caught) {
      setError(toUiError(caught));
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">{t('sharing.sent.intro')}</Text>
        <Button variant="default" onClick={() => void importReceipt()}>
          {t('sharing.sent.importReceipt')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {acknowledged ? (
        <Alert color="teal" variant="light" role="status" data-testid="receipt-imported">
          {t('sharing.sent.receiptImported', { id: acknowledged.slice(0, 8) })}
        </Alert>
      ) : null}
      {log === null && !error ? <Loader size="sm" aria-label={t('sharing.loading')} /> : null}
      {log?.length === 0 ? <Text>{t('sharing.sent.empty')}</Text> : null}
      {log && log.length > 0 ? (
        <Table withTableBorder data-testid="exports-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sharing.sent.when')}</Table.Th>
              <Table.Th scope="col">{t('sharing.sent.to')}</Table.Th>
              <Table.Th scope="col">{t('sharing.sent.what')}</Table.Th>
              <Table.Th scope="col">{t('sharing.sha256')}</Table.Th>
              <Table.Th scope="col">{t('sharing.sent.receipt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.map((entry) => (
              <Table.Tr
                key={entry.exportId}
                data-testid="export-row"
                data-acknowledged={String(entry.acknowledgements.length > 0)}
              >
                <Table.Td>{formatDate(entry.createdAt, lang)}</Table.Td>
                <Table.Td>{entry.recipients.map((r) => r.name).join(', ')}</Table.Td>
                <Table.Td>
                  {entry.report ? (
                    <span data-testid="export-row-report">
                      {t('sharing.sent.sealedReport', {
                        ...entry.report,
                        reportId: reportLabel(entry.report.reportId, lang),
                      })}
                    </span>
                  ) : (
                    <>
                      {entry.caseCodes.join(', ')}
                      {entry.mode === 'redacted' ? ` · ${t('sharing.redacted')}` : ''}
                    </>
                  )}
                  {entry.purpose ? <Text size="xs">{entry.purpose}</Text> : null}
                </Table.Td>
                <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                  {entry.fileSha256}
                </Table.Td>
                <Table.Td>
                  {/* Plain text, not a badge: a badge cuts "Acknowledged on <date>" in a narrow column. */}
                  {entry.acknowledgements.length > 0 ? (
                    <Text size="sm" fw={700} c="teal.9">
                      {t('sharing.sent.acknowledged', {
                        date: formatDate(entry.acknowledgements[0]?.at ?? null, lang),
                      })}
                    </Text>
                  ) : (
                    <Text size="sm">{t('sharing.sent.notAcknowledged')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
