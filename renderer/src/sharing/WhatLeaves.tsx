/**
 * Exactly what the sealed file would carry: records by kind, whether identifying fields go, each
 * evidence item as original or redacted copy, what the redacted mode leaves out, and the free-text
 * fields that go as written (the user must read them for identifying details).
 */
import { Alert, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExportPlan } from './api.ts';

export function WhatLeaves({ plan }: { plan: ExportPlan }) {
  const { t } = useTranslation();
  const { leaves } = plan;
  return (
    <Stack gap="xs" data-testid="what-leaves">
      <Title order={3} size="h4">
        {t('sharing.export.whatLeaves')}
      </Title>
      <Text size="sm">{t('sharing.export.sameForAll')}</Text>
      <Text size="sm" fw={600} data-testid="identifying" data-value={String(leaves.identifying)}>
        {leaves.identifying ? t('sharing.export.identifyingYes') : t('sharing.export.identifyingNo')}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sharing.export.recordKind')}</Table.Th>
            <Table.Th scope="col">{t('sharing.export.count')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(leaves.records)
            .filter(([, n]) => n > 0)
            .map(([kind, n]) => (
              <Table.Tr key={kind}>
                <Table.Td>{t(`sharing.recordKinds.${kind}`, { defaultValue: kind })}</Table.Td>
                <Table.Td>{n}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={600}>
        {t('sharing.export.evidenceTitle')}
      </Text>
      {leaves.evidence.length === 0 ? <Text size="sm">{t('sharing.export.noEvidence')}</Text> : null}
      <List size="sm">
        {leaves.evidence.map((item) => (
          <List.Item key={item.id} data-testid="leaving-item" data-copy={item.copy}>
            {t(`sharing.export.copy.${item.copy}`, { name: item.name, code: item.caseCode })}
          </List.Item>
        ))}
        {plan.evidenceLeftOut.map((item) => (
          <List.Item key={item.id} data-testid="left-out-item">
            {t('sharing.export.leftOut', { name: item.name, code: item.caseCode })}
          </List.Item>
        ))}
      </List>
      {leaves.recordsLeftOut.length > 0 ? (
        <Text size="sm">
          {t('sharing.export.recordsLeftOut', {
            list: leaves.recordsLeftOut
              .map((k) => t(`sharing.recordKinds.${k}`, { defaultValue: k }))
              .join(', '),
          })}
        </Text>
      ) : null}
      {plan.mode === 'redacted' && leaves.freeTextKept.length > 0 ? (
        <Alert color="yellow" variant="light">
          {t('sharing.export.freeTextKept', { list: leaves.freeTextKept.join(', ') })}
        </Alert>
      ) : null}
    </Stack>
  );
}
