/**
 * What opening a received file found, shown BEFORE any content: who sent it (a known contact, or an
 * unknown key with its fingerprint digits and a warning), every check, and the manifest summary
 * (export id, date, purpose, how many records and files). The service verifies everything or stops
 * at the first failure: a failure is shown with its precise reason and nothing else is offered.
 */
import { Alert, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isErrorCode, messageFor } from '../../../shared/errors.ts';
import { currentLanguage } from '../i18n/index.ts';
import { FingerprintDigits } from '../identity/FingerprintDigits.tsx';
import { formatDate } from '../identity/labels.ts';
import { reportLabel } from '../reports/report-label.ts';
import type { Verification } from './api.ts';

export function VerificationFailure({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  return (
    <Alert color="red" variant="light" role="alert" data-testid="verification-failed" data-code={code}>
      <Text size="sm" fw={700}>
        {t('sharing.open.failed')}
      </Text>
      <Text size="sm">{isErrorCode(code) ? messageFor(code, lang) : code}</Text>
      <Text size="xs" ff="monospace" mt={4}>
        {t('app.errorCode', { code })}
      </Text>
      <Text size="sm" mt="xs">
        {t('sharing.open.nothingImported')}
      </Text>
    </Alert>
  );
}

export function VerificationReport({ report }: { report: Verification }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { sender } = report;
  const records = report.records ? Object.values(report.records.counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <Stack gap="sm" data-testid="verification-report">
      <Title order={2} size="h3">
        {t('sharing.open.resultsTitle')}
      </Title>
      <Alert color="teal" variant="light" role="status" data-testid="verification-ok">
        {t('sharing.open.allPassed')}
      </Alert>
      <Title order={3} size="h4">
        {t('sharing.open.senderTitle')}
      </Title>
      <Stack gap="xs" data-testid="sender" data-known={String(sender.known)}>
        {sender.known ? (
          <Group gap="xs">
            <Badge color="teal.9" variant="filled">
              {t('sharing.open.knownSender')}
            </Badge>
            <Text fw={600} data-testid="sender-name">
              {sender.name}
            </Text>
          </Group>
        ) : (
          <Alert color="yellow" variant="light" role="alert" data-testid="unknown-sender">
            <Text size="sm">
              {sender.contactId
                ? t('sharing.open.oldKeySender', { name: sender.name ?? '' })
                : t('sharing.open.unknownSender')}
            </Text>
            {!sender.contactId && sender.name ? (
              <Text size="sm">{t('sharing.open.claimedName', { name: sender.name })}</Text>
            ) : null}
          </Alert>
        )}
        <Text size="sm">{t('sharing.open.senderFingerprint')}</Text>
        <FingerprintDigits digits={sender.fingerprintDigits} testId="sender-fingerprint" />
      </Stack>
      <Title order={3} size="h4">
        {t('sharing.open.checksTitle')}
      </Title>
      <List size="sm" data-testid="checks">
        {report.checks.map((check) => (
          <List.Item key={check} data-testid="check" data-passed="true">
            <Badge color="teal.9" variant="filled" size="sm" mr="xs">
              {t('sharing.open.passed')}
            </Badge>
            {t(`sharing.checks.${check}`, { defaultValue: check })}
          </List.Item>
        ))}
      </List>
      <Title order={3} size="h4">
        {t('sharing.open.manifestTitle')}
      </Title>
      <Table data-testid="manifest-summary" withRowBorders={false}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('sharing.exportId')}</Table.Th>
            <Table.Td ff="monospace">{report.exportId}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('sharing.createdAt')}</Table.Th>
            <Table.Td>{formatDate(report.createdAt, lang)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('sharing.purpose')}</Table.Th>
            <Table.Td>{report.purpose || '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('sharing.contents')}</Table.Th>
            <Table.Td data-testid="manifest-contents">
              {report.report
                ? t('sharing.open.sealedReport', {
                    ...report.report,
                    reportId: reportLabel(report.report.reportId, lang),
                  })
                : t('sharing.open.counts', { records, files: report.files.length })}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('sharing.sha256')}</Table.Th>
            <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
              {report.fileSha256}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {report.files.length > 0 ? (
        <List size="sm" data-testid="manifest-files">
          {report.files.map((file) => (
            <List.Item key={file.id}>
              {file.name} ({file.size} o){' '}
              <Text span ff="monospace" size="xs">
                {file.sha256.slice(0, 16)}…
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
