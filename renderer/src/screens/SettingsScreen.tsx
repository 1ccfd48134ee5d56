import { Alert, Button, Group, NumberInput, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import type { Settings } from '../../../shared/ipc/contract.ts';
import { currentLanguage } from '../i18n/index.ts';
import { client, toUiError, UiError } from '../ipc/client.ts';
import { NewPassphraseFields } from '../passphrase/NewPassphraseFields.tsx';
import { useNewPassphrase } from '../passphrase/use-new-passphrase.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';

interface SettingsScreenProps {
  settings: Settings;
  onSettings: (settings: Settings) => void;
  language: Language;
  onLanguage: (language: Language) => void;
}

export function SettingsScreen({ settings, onSettings, language, onLanguage }: SettingsScreenProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <ScreenTitle>{t('settings.title')}</ScreenTitle>
      <ChangePassphrase />
      <AutoLock settings={settings} onSettings={onSettings} />
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="settings-language">
        <Stack gap="sm">
          <Title order={2} size="h3" id="settings-language">
            {t('settings.languageTitle')}
          </Title>
          <Group>
            <LanguageSwitch value={language} onChange={onLanguage} />
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function ChangePassphrase() {
  const { t, i18n } = useTranslation();
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase(currentLanguage(i18n));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    next.markSubmitted();
    setDone(false);
    if (current.length === 0) {
      setError(new UiError('WRONG_PASSPHRASE'));
      return;
    }
    if (!next.strength.acceptable) {
      setError(new UiError('PASSPHRASE_TOO_WEAK'));
      return;
    }
    if (next.value !== next.confirm) {
      setError(null);
      return;
    }
    const oldSecret = current;
    const newSecret = next.value;
    setCurrent('');
    next.reset();
    setBusy(true);
    setError(null);
    try {
      await client.changePassphrase(oldSecret, newSecret);
      setDone(true);
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="settings-change"
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="settings-change">
          {t('settings.changeTitle')}
        </Title>
        <PasswordInput
          label={t('settings.currentLabel')}
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('passphrase.show') }}
          disabled={busy}
          required
        />
        <NewPassphraseFields state={next} disabled={busy} />
        <ErrorAlert error={error} />
        {done ? (
          <Alert color="teal" variant="light" role="status" data-testid="change-done">
            {t('settings.changeDone')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={busy}>
            {t('settings.changeSubmit')}
          </Button>
        </Group>
        {busy ? (
          <Text size="sm" role="status">
            {t('settings.changeBusy')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function AutoLock({ settings, onSettings }: Pick<SettingsScreenProps, 'settings' | 'onSettings'>) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState<number | string>(settings.autoLockMinutes);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const value = typeof minutes === 'number' ? minutes : Number.parseInt(minutes, 10);
  const valid = Number.isInteger(value) && value >= 1 && value <= 240;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!valid) {
      setError(new UiError('INVALID_INPUT', 'autoLockMinutes'));
      return;
    }
    try {
      onSettings(await client.setSettings({ autoLockMinutes: value }));
      setError(null);
      setSaved(true);
    } catch (caught) {
      setError(toUiError(caught));
    }
  }

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="settings-autolock"
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="settings-autolock">
          {t('settings.autoLockTitle')}
        </Title>
        <Group align="flex-end">
          <NumberInput
            label={t('settings.autoLockLabel')}
            description={t('settings.autoLockDescription')}
            value={minutes}
            onChange={(next) => {
              setMinutes(next);
              setSaved(false);
            }}
            min={1}
            max={240}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            w={360}
          />
          <Button type="submit" variant="default">
            {t('settings.autoLockSave')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {saved ? (
          <Text size="sm" role="status" data-testid="autolock-saved">
            {t('settings.autoLockSaved')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
