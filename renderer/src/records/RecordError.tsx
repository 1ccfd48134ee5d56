import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { messageFor } from '../../../shared/errors.ts';
import { currentLanguage } from '../i18n/index.ts';
import type { UiError } from '../ipc/client.ts';

/**
 * An error from a records call, in the UI language with its code, and the non-secret detail the
 * core gives (for RECORD_INVALID: the field to check). CONSENT_REQUIRED gets its own heading: it
 * is the one a user must understand before sharing anything.
 */
export function RecordError({ error }: { error: UiError | null }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const lang = currentLanguage(i18n);
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      data-testid="record-error"
      data-code={error.code}
      title={error.code === 'CONSENT_REQUIRED' ? t('records.referral.consentRequiredTitle') : undefined}
    >
      <Text size="sm">{messageFor(error.code, lang)}</Text>
      {error.detail ? (
        <Text size="sm" mt={4}>
          {t('records.errorDetail', { detail: error.detail })}
        </Text>
      ) : null}
      <Text size="xs" ff="monospace" mt={4}>
        {t('app.errorCode', { code: error.code })}
      </Text>
    </Alert>
  );
}
