/**
 * What a backup holds, verified before anything is written: the vault identity that signed it (its
 * fingerprint, to compare with the one noted when the backup was made), when it was made, what it
 * contains, and whether its audit history (every chain of custody) comes along.
 */
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { FingerprintDigits } from '../identity/FingerprintDigits.tsx';
import { formatDateTime } from '../records/format.ts';
import type { BackupInspection } from './api.ts';

export function BackupInspectionView({ inspection }: { inspection: BackupInspection }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const kinds = Object.entries(inspection.records).filter(([, n]) => n > 0);
  return (
    <Stack gap="sm" data-testid="restore-inspection">
      <Alert color="teal" variant="light" role="status">
        <Text size="sm" fw={700}>
          {t('restore.verified')}
        </Text>
        <Text size="sm">{t('restore.nothingWritten')}</Text>
      </Alert>
      <Table variant="vertical" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('restore.signedBy')}</Table.Th>
            <Table.Td data-testid="restore-signer">
              {inspection.signer.name ? t('restore.signerName', { name: inspection.signer.name }) : null}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('restore.createdAt')}</Table.Th>
            <Table.Td data-testid="restore-created">{formatDateTime(inspection.createdAt, lang)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('restore.contents')}</Table.Th>
            <Table.Td data-testid="restore-contents">
              {kinds.length === 0 ? t('restore.noRecords') : null}
              {kinds.map(([kind, n]) => (
                <Text size="sm" key={kind}>
                  {t('restore.kindCount', {
                    kind: t(`sharing.recordKinds.${kind}`, { defaultValue: kind }),
                    count: n,
                  })}
                </Text>
              ))}
              <Text size="sm">{t('restore.fileCount', { count: inspection.files })}</Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5">
        {t('restore.fingerprintTitle')}
      </Title>
      <Text size="sm">{t('restore.fingerprintHelp')}</Text>
      <FingerprintDigits digits={inspection.signer.fingerprintDigits} testId="restore-fingerprint" />
      {inspection.history ? (
        <Text size="sm" data-testid="restore-history">
          {t('restore.historyIncluded')}
        </Text>
      ) : (
        <Alert color="yellow" variant="light" data-testid="restore-history">
          {t('restore.historyMissing')}
        </Alert>
      )}
    </Stack>
  );
}
