import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordsOutput } from '../../../../shared/ipc/records-contract.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { toUiError, type UiError } from '../../ipc/client.ts';
import { type AuditEntry, recordsApi } from '../api.ts';
import { useCase } from '../case-context.ts';
import { formatDateTime } from '../format.ts';
import { RecordError } from '../RecordError.tsx';

/**
 * The tamper-evident audit entries of this case, and a check of the whole chain. In a vault restored
 * from a backup, the case's entries from the former vault follow in their own table.
 */
export function AuditTab() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { caseId } = useCase();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [carried, setCarried] = useState<RecordsOutput<'audit-history'>>([]);
  const [verdict, setVerdict] = useState<RecordsOutput<'verify-audit'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    recordsApi.audit(caseId).then(setEntries, (caught) => setError(toUiError(caught)));
    recordsApi.auditHistory(caseId).then(setCarried, () => setCarried([]));
  }, [caseId]);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setVerdict(await recordsApi.verifyAudit());
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">{t('records.audit.intro')}</Text>
        <Button variant="light" onClick={verify} loading={busy} data-testid="verify-audit">
          {t('records.audit.verify')}
        </Button>
      </Group>
      {verdict ? (
        <Alert color={verdict.ok ? 'teal' : 'red'} variant="light" role="status" data-testid="audit-verdict">
          {verdict.ok
            ? t('records.audit.ok', { count: verdict.entries })
            : t('records.audit.broken', {
                seq: verdict.broken?.seq ?? '?',
                reason: verdict.broken?.reason ?? '',
              })}
          {verdict.ok && verdict.history ? (
            <Text size="sm" data-testid="audit-history-verdict">
              {t('records.audit.historyOk', { count: verdict.history.entries })}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <RecordError error={error} />
      {entries && entries.length === 0 ? <Text size="sm">{t('records.audit.empty')}</Text> : null}
      {entries && entries.length > 0 ? (
        <Table striped withTableBorder>
          <Table.Caption>{t('records.audit.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('records.audit.seq')}</Table.Th>
              <Table.Th>{t('records.audit.when')}</Table.Th>
              <Table.Th>{t('records.audit.who')}</Table.Th>
              <Table.Th>{t('records.audit.action')}</Table.Th>
              <Table.Th>{t('records.audit.record')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.seq} data-testid="audit-entry">
                <Table.Td>{e.seq}</Table.Td>
                <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                <Table.Td>{e.actor}</Table.Td>
                <Table.Td>
                  {t(`records.audit.actions.${e.action.replace(/\./g, '_')}`, { defaultValue: e.action })}
                </Table.Td>
                <Table.Td>
                  {e.entity ? t(`records.entity.${e.entity}`, { defaultValue: e.entity }) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {carried.length > 0 ? (
        <Table striped withTableBorder data-testid="audit-history">
          <Table.Caption>{t('records.audit.historyCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('records.audit.seq')}</Table.Th>
              <Table.Th>{t('records.audit.when')}</Table.Th>
              <Table.Th>{t('records.audit.who')}</Table.Th>
              <Table.Th>{t('records.audit.action')}</Table.Th>
              <Table.Th>{t('records.audit.record')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {carried.map((e) => (
              <Table.Tr key={`${e.restoredFrom}:${e.seq}`} data-testid="audit-history-entry">
                <Table.Td>{e.seq}</Table.Td>
                <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                <Table.Td>{e.actor}</Table.Td>
                <Table.Td>
                  {t(`records.audit.actions.${e.action.replace(/\./g, '_')}`, { defaultValue: e.action })}
                </Table.Td>
                <Table.Td>
                  {e.entity ? t(`records.entity.${e.entity}`, { defaultValue: e.entity }) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
