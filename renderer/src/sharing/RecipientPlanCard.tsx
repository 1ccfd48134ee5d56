/**
 * One recipient in the export review: who (verification, key state), whether the case consent
 * allows them (and, if not, why, per case), and what they would receive. The sealed file is the
 * same for every recipient, so "what leaves" is listed once in full (WhatLeaves) and summed up here.
 */
import { Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../identity/labels.ts';
import { KeyChangedBadge, VerificationBadge } from '../identity/VerificationBadge.tsx';
import type { ExportPlan, RecipientPlanView } from './api.ts';

export function RecipientPlanCard({ recipient, plan }: { recipient: RecipientPlanView; plan: ExportPlan }) {
  const { t } = useTranslation();
  const records = Object.values(plan.leaves.records).reduce((sum, n) => sum + n, 0);
  return (
    <Card
      withBorder
      component="section"
      aria-label={recipient.name}
      data-testid="recipient-plan"
      data-allowed={String(recipient.allowed)}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={600}>{recipient.name}</Text>
          <Text size="sm">
            {recipient.organisation} · {roleLabel(t, recipient.role)}
          </Text>
          <VerificationBadge state={recipient.verification} />
          {recipient.issues.includes('key-changed') ? <KeyChangedBadge /> : null}
        </Group>
        {recipient.issues.includes('unverified') ? (
          <Text size="sm" fw={600}>
            {t('sharing.export.recipientUnverified')}
          </Text>
        ) : null}
        {recipient.issues.includes('key-changed') ? (
          <Text size="sm" c="red.9">
            {t('sharing.export.keyChangedBlocked')}
          </Text>
        ) : null}
        {recipient.allowed ? (
          <Group gap="xs">
            <Badge color="teal.9" variant="filled" data-testid="consent-ok">
              {t('sharing.export.consentOk')}
            </Badge>
            <Text size="sm" data-testid="recipient-receives">
              {t('sharing.export.receives', {
                records,
                files: plan.leaves.evidence.length,
                identifying: plan.leaves.identifying
                  ? t('sharing.export.identifyingYes')
                  : t('sharing.export.identifyingNo'),
              })}
            </Text>
          </Group>
        ) : (
          <Stack gap={4} role="alert" data-testid="consent-refused">
            <Badge color="red.9" variant="filled">
              {t('sharing.export.consentRefused')}
            </Badge>
            <List size="sm">
              {recipient.refusals.map((refusal) => (
                <List.Item
                  key={`${refusal.caseId}-${refusal.reason}`}
                  data-testid="refusal-reason"
                  data-reason={refusal.reason}
                >
                  {t('sharing.export.refusal', {
                    code: refusal.caseCode,
                    reason: t(`sharing.reasons.${refusal.reason}`),
                  })}
                </List.Item>
              ))}
            </List>
            {recipient.redactedAllowed && plan.mode === 'full' ? (
              <Text size="sm">{t('sharing.export.redactedWouldWork')}</Text>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
