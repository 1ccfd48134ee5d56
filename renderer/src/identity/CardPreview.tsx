import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InspectView } from '../../../shared/ipc/identity-contract.ts';
import { FingerprintDigits } from './FingerprintDigits.tsx';

/** What a pasted card says and what importing it would do, before anything is stored. */
export function CardPreview({ preview }: { preview: InspectView }) {
  const { t } = useTranslation();
  const danger = preview.outcome === 'key-changed';
  return (
    <Alert
      color={danger ? 'red' : 'blue'}
      variant="light"
      title={t('contacts.previewTitle', { name: preview.name })}
      data-testid="card-preview"
      data-outcome={preview.outcome}
    >
      <Stack gap="xs">
        <Text size="sm">{[preview.organisation, preview.cardRole].filter(Boolean).join(' · ')}</Text>
        <FingerprintDigits digits={preview.fingerprint.digits} testId="preview-fingerprint" />
        <Text size="sm" fw={danger ? 600 : undefined}>
          {t(`contacts.previewOutcome.${preview.outcome}`, { name: preview.contact?.name ?? preview.name })}
        </Text>
      </Stack>
    </Alert>
  );
}
