import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { messageFor } from '../../../shared/errors.ts';
import { currentLanguage } from '../i18n/index.ts';
import type { UiError } from '../ipc/client.ts';

/**
 * A user-facing error in the current language, with its stable code so support can help over the
 * phone ("which code does it show?"). The code is stored, not the message, so switching language
 * re-renders it. role="alert" makes screen readers announce it.
 */
export function ErrorAlert({ error }: { error: UiError | null }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="error-alert" data-code={error.code}>
      <Text size="sm">{messageFor(error.code, currentLanguage(i18n))}</Text>
      <Text size="xs" ff="monospace" mt={4}>
        {t('app.errorCode', { code: error.code })}
      </Text>
    </Alert>
  );
}
