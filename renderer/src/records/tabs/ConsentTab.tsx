/**
 * Informed consent: what was agreed (data level, which kinds of recipients, for what), how and by
 * whom it was recorded, and its withdrawal. Referrals can only use a consent listed here.
 */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentInput } from '../../../../shared/records/schemas.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { toUiError, type UiError } from '../../ipc/client.ts';
import { recordsApi, type StoredRecord } from '../api.ts';
import { useCase } from '../case-context.ts';
import { consentFields } from '../fields.ts';
import { formatDate, todayIso } from '../format.ts';
import { pickLabel, WARN_COLOUR } from '../labels.ts';
import { RecordError } from '../RecordError.tsx';
import { RecordForm } from '../RecordForm.tsx';
import { AddSection, RecordItem, RecordList } from '../RecordItem.tsx';

type Consent = StoredRecord & {
  personId: string;
  givenBy: string;
  dataLevel: string;
  recipientKinds: string[];
  purposes: string;
  method: string;
  recordedBy: string;
  givenOn: string;
  withdrawnOn?: string;
};

export function ConsentTab() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { detail, caseId, reload } = useCase();
  const [error, setError] = useState<UiError | null>(null);
  const people = detail.people.map(({ person }) => ({
    value: person.id,
    label: String((person as StoredRecord).alias),
  }));
  const alias = (id: string) => people.find((p) => p.value === id)?.label ?? '—';
  const fields = consentFields(t, lang, people);

  const withdraw = async (consent: Consent) => {
    setError(null);
    try {
      await recordsApi.update('consent', consent.id, { withdrawnOn: todayIso() });
      await reload();
    } catch (caught) {
      setError(toUiError(caught));
    }
  };

  return (
    <Stack gap="md">
      <RecordError error={error} />
      {people.length === 0 ? <Text size="sm">{t('records.consent.needPerson')}</Text> : null}
      <RecordList empty={t('records.consent.empty')} label={t('records.tabs.consent')}>
        {detail.consents.map((raw) => {
          const c = raw as Consent;
          const what = t('records.consent.what', {
            alias: alias(c.personId),
            date: formatDate(c.givenOn, lang),
          });
          return (
            <RecordItem
              key={c.id}
              entity="consent"
              id={c.id}
              what={what}
              heading={what}
              highlight={c.withdrawnOn ? 'withdrawn' : undefined}
              onDeleted={reload}
              extraActions={
                c.withdrawnOn ? null : (
                  <Button size="xs" variant="outline" color={WARN_COLOUR} onClick={() => withdraw(c)}>
                    {t('records.consent.withdraw')}
                  </Button>
                )
              }
              editForm={(close) => (
                <RecordForm
                  entity="consent"
                  schema={ConsentInput}
                  fields={fields}
                  record={c}
                  fixed={{ caseId }}
                  legend={t('records.consent.editLegend')}
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
              {c.withdrawnOn ? (
                <Badge color="red.9" variant="filled" size="sm">
                  {t('records.consent.withdrawnOn', { date: formatDate(c.withdrawnOn, lang) })}
                </Badge>
              ) : null}
              <Text size="sm">
                {pickLabel('consentGivenBy', c.givenBy, lang)} ·{' '}
                {pickLabel('consentDataLevel', c.dataLevel, lang)} ·{' '}
                {pickLabel('consentMethod', c.method, lang)}
              </Text>
              <Group gap={4}>
                <Text size="sm">{t('records.consent.recipients')}</Text>
                {c.recipientKinds.map((k) => (
                  <Badge key={k} size="sm" variant="outline" color="blue.9">
                    {pickLabel('recipientKind', k, lang)}
                  </Badge>
                ))}
              </Group>
              <Text size="sm">{t('records.consent.purposesLine', { purposes: c.purposes })}</Text>
              <Text size="xs">{t('records.consent.recordedByLine', { who: c.recordedBy })}</Text>
            </RecordItem>
          );
        })}
      </RecordList>
      {people.length > 0 ? (
        <AddSection label={t('records.consent.add')} testId="add-consent">
          {(close) => (
            <RecordForm
              entity="consent"
              schema={ConsentInput}
              fields={fields}
              fixed={{ caseId }}
              defaults={{
                givenOn: todayIso(),
                dataLevel: 'anonymised',
                givenBy: 'survivor',
                method: 'verbal',
              }}
              legend={t('records.consent.newLegend')}
              submitLabel={t('records.consent.save')}
              onCancel={close}
              autoFocus
              onSaved={async () => {
                close();
                await reload();
              }}
              testId="consent-form"
            />
          )}
        </AddSection>
      ) : null}
    </Stack>
  );
}
