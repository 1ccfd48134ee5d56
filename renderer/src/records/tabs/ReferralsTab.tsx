/**
 * Referrals to services. The consent picker lists only this case's consents; the core checks the
 * consent is not withdrawn and covers the service (CONSENT_REQUIRED otherwise, shown in FR/EN).
 */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ReferralInput, type SERVICE_TO_RECIPIENT } from '../../../../shared/records/schemas.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { StoredRecord } from '../api.ts';
import { useCase } from '../case-context.ts';
import { referralFields } from '../fields.ts';
import { formatDate, todayIso } from '../format.ts';
import { pickLabel } from '../labels.ts';
import { RecordForm } from '../RecordForm.tsx';
import { AddSection, RecordItem, RecordList } from '../RecordItem.tsx';

type Referral = StoredRecord & {
  consentId: string;
  serviceKind: keyof typeof SERVICE_TO_RECIPIENT;
  provider: string;
  referredOn: string;
  status: string;
  followUpOn?: string;
  outcome?: string;
};

const OPEN = new Set(['pending', 'accepted']);

export function ReferralsTab() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { detail, caseId, reload } = useCase();
  const today = todayIso();
  const aliasOf = (personId: unknown) =>
    String(
      (detail.people.find((p) => p.person.id === personId)?.person as StoredRecord | undefined)?.alias ?? '—',
    );
  const consents = detail.consents.map((raw) => {
    const c = raw as StoredRecord & {
      personId: string;
      givenOn: string;
      recipientKinds: string[];
      withdrawnOn?: string;
    };
    const kinds = c.recipientKinds.map((k) => pickLabel('recipientKind', k, lang)).join(', ');
    const label = t(
      c.withdrawnOn ? 'records.referral.consentOptionWithdrawn' : 'records.referral.consentOption',
      {
        alias: aliasOf(c.personId),
        date: formatDate(c.givenOn, lang),
        kinds,
      },
    );
    return { value: c.id, label };
  });
  const fields = referralFields(t, lang, consents);
  const consentLabel = (id: string) => consents.find((c) => c.value === id)?.label ?? '—';

  return (
    <Stack gap="md">
      {consents.length === 0 ? <Text size="sm">{t('records.referral.needConsent')}</Text> : null}
      <RecordList empty={t('records.referral.empty')} label={t('records.tabs.referrals')}>
        {detail.referrals.map((raw) => {
          const r = raw as Referral;
          const late = Boolean(r.followUpOn && r.followUpOn < today && OPEN.has(r.status));
          const what = t('records.referral.what', {
            service: pickLabel('serviceKind', r.serviceKind, lang),
            provider: r.provider,
          });
          return (
            <RecordItem
              key={r.id}
              entity="referral"
              id={r.id}
              what={what}
              heading={what}
              highlight={late ? 'overdue' : undefined}
              onDeleted={reload}
              editForm={(close) => (
                <RecordForm
                  entity="referral"
                  schema={ReferralInput}
                  fields={fields}
                  record={r}
                  fixed={{ caseId }}
                  legend={t('records.referral.editLegend')}
                  submitLabel={t('records.save')}
                  onCancel={close}
                  autoFocus
                  onSaved={async () => {
                    close();
                    await reload();
                  }}
                />
              )}
            >
              <Group gap={6}>
                <Badge size="sm" variant="filled" color={OPEN.has(r.status) ? 'blue.9' : 'gray.8'}>
                  {pickLabel('referralStatus', r.status, lang)}
                </Badge>
                <Text size="sm">
                  {t('records.referral.referredOn', { date: formatDate(r.referredOn, lang) })}
                </Text>
                {r.followUpOn ? (
                  <Text
                    size="sm"
                    fw={late ? 700 : undefined}
                    c={late ? 'red.9' : undefined}
                    data-late={late || undefined}
                  >
                    {t(late ? 'records.referral.followUpLate' : 'records.referral.followUp', {
                      date: formatDate(r.followUpOn, lang),
                    })}
                  </Text>
                ) : null}
              </Group>
              <Text size="xs">
                {t('records.referral.underConsent', { consent: consentLabel(r.consentId) })}
              </Text>
              {r.outcome ? <Text size="sm">{r.outcome}</Text> : null}
            </RecordItem>
          );
        })}
      </RecordList>
      {consents.length > 0 ? (
        <AddSection label={t('records.referral.add')} testId="add-referral">
          {(close) => (
            <RecordForm
              entity="referral"
              schema={ReferralInput}
              fields={fields}
              fixed={{ caseId }}
              defaults={{ referredOn: today, status: 'pending' }}
              legend={t('records.referral.newLegend')}
              submitLabel={t('records.referral.save')}
              onCancel={close}
              autoFocus
              onSaved={async () => {
                close();
                await reload();
              }}
              testId="referral-form"
            />
          )}
        </AddSection>
      ) : null}
    </Stack>
  );
}
