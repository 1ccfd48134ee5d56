import { PasswordInput, Stack } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { StrengthMeter } from './StrengthMeter.tsx';
import type { NewPassphrase } from './use-new-passphrase.ts';

/** New passphrase + meter + confirmation, shared by create, recover and change. */
export function NewPassphraseFields({ state, disabled }: { state: NewPassphrase; disabled?: boolean }) {
  const { t } = useTranslation();
  const meterId = useId();
  const toggle = { 'aria-label': t('passphrase.show') };
  return (
    <Stack gap="sm">
      <PasswordInput
        label={t('passphrase.newLabel')}
        description={t('passphrase.newDescription')}
        value={state.value}
        onChange={(event) => state.setValue(event.currentTarget.value)}
        autoComplete="new-password"
        visibilityToggleButtonProps={toggle}
        disabled={disabled}
        required
      />
      <StrengthMeter strength={state.strength} id={meterId} />
      <PasswordInput
        label={t('passphrase.confirmLabel')}
        value={state.confirm}
        onChange={(event) => state.setConfirm(event.currentTarget.value)}
        autoComplete="new-password"
        error={state.mismatch ? t('passphrase.mismatch') : undefined}
        visibilityToggleButtonProps={toggle}
        disabled={disabled}
        required
      />
    </Stack>
  );
}
