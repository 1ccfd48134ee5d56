import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { client, toUiError, UiError } from '../ipc/client.ts';
import { NewPassphraseFields } from '../passphrase/NewPassphraseFields.tsx';
import { useNewPassphrase } from '../passphrase/use-new-passphrase.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';

/** Locked vault, forgotten passphrase: recovery key + new passphrase; ends unlocked. */
export function RecoverScreen({ onRecovered, onBack }: { onRecovered: () => void; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState('');
  const passphrase = useNewPassphrase(currentLanguage(i18n));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    passphrase.markSubmitted();
    if (recoveryKey.trim().length === 0) {
      setError(new UiError('RECOVERY_KEY_MALFORMED'));
      return;
    }
    if (!passphrase.strength.acceptable) {
      setError(new UiError('PASSPHRASE_TOO_WEAK'));
      return;
    }
    if (passphrase.value !== passphrase.confirm) {
      setError(null);
      return;
    }
    const key = recoveryKey;
    const secret = passphrase.value;
    setRecoveryKey('');
    passphrase.reset();
    setBusy(true);
    setError(null);
    try {
      await client.recover(key, secret);
      onRecovered();
    } catch (caught) {
      setError(toUiError(caught));
      setBusy(false);
    }
  }

  return (
    <Stack gap="lg">
      <div>
        <ScreenTitle>{t('recover.title')}</ScreenTitle>
        <Text mt="xs">{t('recover.intro')}</Text>
      </div>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('recover.keyLabel')}
            description={t('recover.keyDescription')}
            value={recoveryKey}
            onChange={(event) => setRecoveryKey(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            disabled={busy}
            required
          />
          <NewPassphraseFields state={passphrase} disabled={busy} />
          <ErrorAlert error={error} />
          <Button type="submit" loading={busy} size="md">
            {t('recover.submit')}
          </Button>
          {busy ? (
            <Text size="sm" role="status">
              {t('recover.busy')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <Anchor component="button" type="button" onClick={onBack} ta="left" underline="always">
        {t('recover.back')}
      </Anchor>
    </Stack>
  );
}
