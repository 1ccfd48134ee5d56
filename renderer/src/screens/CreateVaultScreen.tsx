import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KdfPreset } from '../../../shared/ipc/contract.ts';
import { currentLanguage } from '../i18n/index.ts';
import { client, toUiError, UiError } from '../ipc/client.ts';
import { NewPassphraseFields } from '../passphrase/NewPassphraseFields.tsx';
import { useNewPassphrase } from '../passphrase/use-new-passphrase.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';

/**
 * First run: no vault in the folder. Ends by handing the one-time recovery key upwards, or goes to
 * "Restore from a backup" (restore/RestoreScreen.tsx) for someone who lost their computer.
 */
export function CreateVaultScreen({
  onCreated,
  onRestore,
}: {
  onCreated: (recoveryKey: string) => void;
  onRestore?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const passphrase = useNewPassphrase(currentLanguage(i18n));
  const [kdf, setKdf] = useState<KdfPreset>('moderate');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    passphrase.markSubmitted();
    if (!passphrase.strength.acceptable) {
      setError(new UiError('PASSPHRASE_TOO_WEAK'));
      return;
    }
    if (passphrase.value !== passphrase.confirm) {
      setError(null);
      return;
    }
    const secret = passphrase.value;
    passphrase.reset();
    setBusy(true);
    setError(null);
    try {
      const { recoveryKey } = await client.create(secret, kdf);
      onCreated(recoveryKey);
    } catch (caught) {
      setError(toUiError(caught));
      setBusy(false);
    }
  }

  return (
    <Stack gap="lg">
      <div>
        <ScreenTitle>{t('create.welcome')}</ScreenTitle>
        <Text mt="xs">{t('create.intro')}</Text>
      </div>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('create.title')}
          </Title>
          <NewPassphraseFields state={passphrase} disabled={busy} />
          <Radio.Group
            label={t('create.kdfLabel')}
            value={kdf}
            onChange={(v) => setKdf(v === 'sensitive' ? 'sensitive' : 'moderate')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="moderate"
                label={t('create.kdfModerate')}
                description={t('create.kdfModerateHelp')}
                disabled={busy}
              />
              <Radio
                value="sensitive"
                label={t('create.kdfSensitive')}
                description={t('create.kdfSensitiveHelp')}
                disabled={busy}
              />
            </Stack>
          </Radio.Group>
          <Alert color="orange" variant="light" title={t('create.warningTitle')}>
            {t('create.warning')}
          </Alert>
          <ErrorAlert error={error} />
          <Button type="submit" loading={busy} size="md">
            {t('create.submit')}
          </Button>
          {busy ? (
            <Text size="sm" role="status">
              {t('create.busy')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      {onRestore ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('restore.entryTitle')}
            </Title>
            <Text size="sm">{t('restore.entryHelp')}</Text>
            <Group>
              <Button variant="default" onClick={onRestore} disabled={busy} data-testid="go-restore">
                {t('restore.entry')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
