/**
 * A report received sealed from a contact, read-only, in the Received area: the model main hands
 * over (validated in the core and at the IPC boundary) is parsed once more against the same bounded
 * schema before anything is drawn, then shown with the Reports screen's own components and
 * disclosure notes (ReportBody). Nothing here can change or re-send it.
 */
import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportModel } from '../../../shared/reports/model.ts';
import { ReceivedReportModel } from '../../../shared/reports/received-model.ts';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ReportBody } from '../reports/ReportBody.tsx';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { sharingApi } from './api.ts';

export function ReceivedReport({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [model, setModel] = useState<ReportModel | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    let current = true;
    sharingApi.receivedReport(id).then(
      (value) => {
        if (!current) return;
        const parsed = ReceivedReportModel.safeParse(value);
        if (parsed.success) setModel(parsed.data as ReportModel);
        else setInvalid(true);
      },
      (caught) => current && setError(toUiError(caught)),
    );
    return () => {
      current = false;
    };
  }, [id]);

  return (
    <Stack gap="sm" data-testid="received-report">
      <ErrorAlert error={error} />
      {invalid ? (
        <Alert color="red" variant="light" role="alert">
          {t('sharing.received.reportInvalid')}
        </Alert>
      ) : null}
      {model === null && !error && !invalid ? <Loader size="sm" aria-label={t('sharing.loading')} /> : null}
      {model ? (
        <>
          <Title order={3} size="h4" data-testid="received-report-title">
            {t('sharing.received.reportTitle', { label: model.label[language] })}
          </Title>
          <Text size="sm" c="dimmed">
            {model.description[language]}
          </Text>
          <Text size="sm">{t('sharing.received.reportReadOnly')}</Text>
          <ReportBody report={model} language={language} headingLevel={4} />
        </>
      ) : null}
    </Stack>
  );
}
