/**
 * Backup: the last backup's date, and "Back up now": a backup passphrase (twice, with the strength
 * meter: it is the backup file's only key besides this vault's identity), the vault passphrase
 * re-entered, then main's save dialog, progress with cancel, and the file name and SHA-256.
 * Restoring is done from the first-run screen (restore/RestoreScreen.tsx) or `casevault restore`.
 */
import { Alert, Button, Code, Group, PasswordInput, Progress, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { formatDate } from '../identity/labels.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { NewPassphraseFields } from '../passphrase/NewPassphraseFields.tsx';
import { useNewPassphrase } from '../passphrase/use-new-passphrase.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { type BackupStatus, sharingApi } from './api.ts';
import { useTaskProgress } from './use-task-progress.ts';

function useBackupStatus(): [BackupStatus | null, () => Promise<void>] {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const reload = useCallback(async () => {
    setStatus(await sharingApi.backupStatus().catch(() => null));
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [status, reload];
}

/** The banner above the sharing tabs when the last backup is old (or there is none). */
export function BackupReminder({ onBackup }: { onBackup: () => void }) {
  const { t, i18n } = useTranslation();
  const [status] = useBackupStatus();
  if (!status?.reminderDue) return null;
  return (
    <Alert color="yellow" variant="light" data-testid="backup-reminder">
      <Text size="sm" fw={700}>
        {t('sharing.backup.reminderTitle')}
      </Text>
      <Text size="sm">
        {status.lastBackupAt
          ? t('sharing.backup.reminderOld', {
              date: formatDate(status.lastBackupAt, currentLanguage(i18n)),
              days: status.reminderDays,
            })
          : t('sharing.backup.reminderNever')}
      </Text>
      <Button mt="xs" size="xs" variant="default" onClick={onBackup}>
        {t('sharing.backup.goBackup')}
      </Button>
    </Alert>
  );
}

export function BackupPanel({ onBackedUp }: { onBackedUp?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [status, reload] = useBackupStatus();
  const backupPassphrase = useNewPassphrase(lang);
  const [passphrase, setPassphrase] = useState('');
  const [taskId, setTaskId] = useState<string | null>(null);
  const [done, setDone] = useState<{ fileName: string; sha256: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const progress = useTaskProgress(taskId);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const submit = async () => {
    backupPassphrase.markSubmitted();
    if (!backupPassphrase.ready || passphrase === '') return;
    const id = crypto.randomUUID();
    const secrets = { backup: backupPassphrase.value, vault: passphrase };
    backupPassphrase.reset();
    setPassphrase('');
    setError(null);
    setDone(null);
    setNote(null);
    setTaskId(id);
    try {
      const result = await sharingApi.backup(id, secrets.backup, secrets.vault);
      if (!mounted.current) return;
      if (result.saved) {
        setDone({ fileName: result.fileName, sha256: result.sha256 });
        await reload();
        onBackedUp?.();
      } else setNote(result.cancelled ? t('sharing.backup.cancelled') : t('sharing.backup.notSaved'));
    } catch (caught) {
      if (mounted.current) setError(toUiError(caught));
    } finally {
      if (mounted.current) setTaskId(null);
    }
  };

  const running = taskId !== null;
  return (
    <Stack gap="sm" data-testid="backup-panel">
      <Text size="sm" data-testid="last-backup">
        {status?.lastBackupAt
          ? t('sharing.backup.last', { date: formatDate(status.lastBackupAt, lang) })
          : t('sharing.backup.never')}
      </Text>
      <Text size="sm">{t('sharing.backup.intro')}</Text>
      <Title order={2} size="h3">
        {t('sharing.backup.now')}
      </Title>
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Text size="sm">{t('sharing.backup.passphraseHelp')}</Text>
        <NewPassphraseFields state={backupPassphrase} disabled={running} />
        <PasswordInput
          label={t('sharing.backup.vaultPassphrase')}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('passphrase.show') }}
          disabled={running}
          required
        />
        <ErrorAlert error={error} />
        {note ? (
          <Text size="sm" role="status">
            {note}
          </Text>
        ) : null}
        {running ? (
          <Stack gap={4}>
            <Text size="sm" role="status">
              {t('sharing.backup.running')}
            </Text>
            <Progress
              value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0}
              aria-label={t('sharing.backup.running')}
            />
          </Stack>
        ) : null}
        <Group>
          {running ? (
            <Button color="red.9" variant="light" onClick={() => taskId && void sharingApi.cancel(taskId)}>
              {t('sharing.cancel')}
            </Button>
          ) : (
            <Button type="submit">{t('sharing.backup.start')}</Button>
          )}
        </Group>
      </Stack>
      {done ? (
        <Alert color="teal" variant="light" role="status" data-testid="backup-done">
          <Text size="sm" data-testid="backup-file">
            {t('sharing.backup.done', { name: done.fileName })}
          </Text>
          <Code block data-testid="backup-sha256">
            {done.sha256}
          </Code>
        </Alert>
      ) : null}
      <Text size="sm" c="dimmed">
        {t('sharing.backup.restoreCli')}
      </Text>
    </Stack>
  );
}
