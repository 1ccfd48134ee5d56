import { Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomKindInput, IncidentInput } from '../../../../shared/records/schemas.ts';
import { IncidentEvidence } from '../../evidence/EvidenceTab.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { toUiError, type UiError } from '../../ipc/client.ts';
import { recordsApi, type StoredRecord } from '../api.ts';
import { useCase } from '../case-context.ts';
import { incidentFields } from '../fields.ts';
import { formatDate } from '../format.ts';
import { kindLabel, pickLabel, WARN_COLOUR } from '../labels.ts';
import { RecordError } from '../RecordError.tsx';
import { RecordForm } from '../RecordForm.tsx';
import { AddSection, RecordItem, RecordList } from '../RecordItem.tsx';
import { type FieldErrors, fieldErrors } from '../validation.ts';

const VERIFICATION_COLOURS: Record<string, string> = {
  reported: 'gray.8',
  'under-verification': WARN_COLOUR,
  verified: 'teal.9',
  'not-verified': 'red.9',
};

/** A user's own incident kind (`custom.slug`), next to the standard ones. */
function AddKind({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const { reloadKinds } = useCase();
  const [fr, setFr] = useState('');
  const [en, setEn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<UiError | null>(null);
  const slug = (en || fr)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const save = async () => {
    const kind = { code: `custom.${slug}`, fr: fr.trim(), en: en.trim() };
    const found = fieldErrors(CustomKindInput, kind, t);
    if (found) {
      setErrors(found);
      return;
    }
    try {
      await recordsApi.addKind(kind);
      await reloadKinds();
      close();
    } catch (caught) {
      setError(toUiError(caught));
    }
  };
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('records.incident.addKindTitle')}
      </Title>
      <Group align="flex-start">
        <TextInput
          label={t('records.incident.kindFr')}
          lang="fr"
          value={fr}
          onChange={(e) => setFr(e.currentTarget.value)}
          error={errors.fr}
          required
        />
        <TextInput
          label={t('records.incident.kindEn')}
          lang="en"
          value={en}
          onChange={(e) => setEn(e.currentTarget.value)}
          error={errors.en}
          required
        />
      </Group>
      <RecordError error={error} />
      <Group>
        <Button variant="default" onClick={close}>
          {t('records.cancel')}
        </Button>
        <Button onClick={save}>{t('records.incident.addKind')}</Button>
      </Group>
    </Stack>
  );
}

export function IncidentsTab() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { detail, caseId, customKinds, reload } = useCase();
  const fields = incidentFields(t, lang, customKinds);
  return (
    <Stack gap="md">
      <RecordList empty={t('records.incident.empty')} label={t('records.tabs.incidents')}>
        {detail.incidents.map((raw) => {
          const i = raw as StoredRecord & Record<string, string>;
          const loc = i.location as unknown as Record<string, string> | undefined;
          const when = `${formatDate(i.occurredOn, lang)}${i.datePrecision !== 'exact' ? ` (${pickLabel('datePrecision', i.datePrecision, lang)})` : ''}`;
          return (
            <RecordItem
              key={i.id}
              entity="incident"
              id={i.id}
              what={t('records.incident.what', { kind: kindLabel(i.kind, lang, customKinds), date: when })}
              heading={`${when} — ${kindLabel(i.kind, lang, customKinds)}`}
              onDeleted={reload}
              editForm={(close) => (
                <RecordForm
                  entity="incident"
                  schema={IncidentInput}
                  fields={fields}
                  record={i}
                  fixed={{ caseId }}
                  legend={t('records.incident.editLegend')}
                  submitLabel={t('records.save')}
                  onCancel={close}
                  autoFocus
                  onSaved={async () => {
                    close();
                    await reload();
                  }}
                  testId="incident-edit-form"
                />
              )}
            >
              <Group gap={6}>
                <Badge
                  color={VERIFICATION_COLOURS[i.verification ?? ''] ?? 'gray.8'}
                  variant="filled"
                  size="sm"
                >
                  {pickLabel('verification', i.verification, lang)}
                </Badge>
                {i.perpetratorType ? (
                  <Text size="xs">
                    {t('records.incident.perpetrator', {
                      type: pickLabel('actorType', i.perpetratorType, lang),
                    })}
                  </Text>
                ) : null}
              </Group>
              {loc && Object.values(loc).some(Boolean) ? (
                <Text size="xs">{[loc.locality, loc.region, loc.country].filter(Boolean).join(', ')}</Text>
              ) : null}
              {i.description ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                  {i.description}
                </Text>
              ) : null}
              <IncidentEvidence incidentId={i.id} />
            </RecordItem>
          );
        })}
      </RecordList>
      <AddSection label={t('records.incident.add')} testId="add-incident">
        {(close) => (
          <RecordForm
            entity="incident"
            schema={IncidentInput}
            fields={fields}
            fixed={{ caseId }}
            defaults={{ datePrecision: 'exact', verification: 'reported' }}
            legend={t('records.incident.newLegend')}
            submitLabel={t('records.incident.save')}
            onCancel={close}
            autoFocus
            onSaved={async () => {
              close();
              await reload();
            }}
            testId="incident-form"
          />
        )}
      </AddSection>
      <AddSection label={t('records.incident.addKindTitle')}>
        {(close) => <AddKind close={close} />}
      </AddSection>
    </Stack>
  );
}
