import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockReasonName } from '../../../shared/ipc/contract.ts';
import { client, toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';

/**
 * Passphrase in, vault open. The field is emptied as soon as the passphrase is handed to main,
 * whatever the outcome, and gets focus back after a failure so the user can retype at once.
 */
export function UnlockScreen({
  reason,
  onUnlocked,
  onForgot,
}: {
  reason?: LockReasonName | undefined;
  onUnlocked: () => void;
  onForgot: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!busy) field.current?.focus();
  }, [busy]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || passphrase.length === 0) return;
    const secret = passphrase;
    setPassphrase('');
    setBusy(true);
    setError(null);
    try {
      await client.unlock(secret);
      onUnlocked();
    } catch (caught) {
      setError(toUiError(caught));
      setBusy(false);
    }
  }

  return (
    <Stack gap="lg">
      <div>
        <ScreenTitle focus={false}>{t('unlock.title')}</ScreenTitle>
        <Text mt="xs">{t('unlock.intro')}</Text>
      </div>
      {reason && !error ? (
        <Alert color="blue" variant="light" data-testid="lock-reason">
          {t(`unlock.lockedBecause.${reason}`)}
        </Alert>
      ) : null}
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordInput
            ref={field}
            label={t('passphrase.label')}
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('passphrase.show') }}
            disabled={busy}
            required
          />
          <ErrorAlert error={error} />
          <Button type="submit" loading={busy} size="md">
            {t('unlock.submit')}
          </Button>
          {busy ? (
            <Text size="sm" role="status">
              {t('unlock.busy')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <Anchor component="button" type="button" onClick={onForgot} ta="left" underline="always">
        {t('unlock.forgot')}
      </Anchor>
    </Stack>
  );
}
