import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseInput } from '../../../shared/records/schemas.ts';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';
import { recordsApi, type StoredRecord } from './api.ts';
import { caseFields } from './fields.ts';
import { todayIso } from './format.ts';
import { RecordError } from './RecordError.tsx';
import { RecordForm } from './RecordForm.tsx';

/** Create a case, or edit one (`caseId`). */
export function CaseFormScreen({ caseId, onDone }: { caseId?: string; onDone: (id?: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [record, setRecord] = useState<StoredRecord | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  useEffect(() => {
    if (!caseId) return;
    recordsApi.get('case', caseId).then(setRecord, (caught) => setError(toUiError(caught)));
  }, [caseId]);

  const loading = caseId && !record && !error;
  return (
    <Stack gap="lg">
      <ScreenTitle>{caseId ? t('records.case.editTitle') : t('records.case.newTitle')}</ScreenTitle>
      <Group>
        <Button variant="subtle" onClick={() => onDone(caseId)}>
          {caseId ? t('records.case.backToCase') : t('records.case.backToList')}
        </Button>
      </Group>
      <RecordError error={error} />
      {loading ? (
        <Group>
          <Loader size="sm" aria-hidden="true" />
          <Text role="status">{t('records.loading')}</Text>
        </Group>
      ) : null}
      {!loading && (!caseId || record) ? (
        <RecordForm
          entity="case"
          schema={CaseInput}
          fields={caseFields(t, lang)}
          record={record ?? undefined}
          defaults={{ status: 'open', sensitivity: 'normal', openedOn: todayIso() }}
          legend={t('records.case.formLegend')}
          submitLabel={caseId ? t('records.save') : t('records.case.create')}
          onSaved={(saved) => onDone(saved.id)}
          onCancel={() => onDone(caseId)}
          testId="case-form"
        />
      ) : null}
    </Stack>
  );
}
