import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VerificationState } from '../../../shared/identity/constants.ts';
import { verificationLabel } from './labels.ts';

/** Filled, dark badges: light ones fail AA contrast (see the records e2e). */
export function VerificationBadge({ state }: { state: VerificationState }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="filled"
      size="sm"
      color={state === 'unverified' ? 'gray.8' : 'teal.9'}
      data-testid="verification-badge"
      data-state={state}
    >
      {verificationLabel(t, state)}
    </Badge>
  );
}

export function KeyChangedBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" size="sm" color="red.9" data-testid="key-changed-badge">
      {t('contacts.keyChanged')}
    </Badge>
  );
}
