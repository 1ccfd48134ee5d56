/**
 * Restore from a backup (first run, no vault here yet): 1. pick the backup file (main's dialog);
 * 2. its passphrase, then "Check the backup": the whole file is verified and its signer, date and
 * contents shown before anything is written; 3. a passphrase for the restored vault, then
 * "Restore": progress with Cancel; a failure or a cancel leaves nothing behind (the core's
 * guarantee). Ends by handing the new vault's recovery key upwards, the vault left unlocked.
 */
import {
  Alert,
  Button,
  Group,
  Paper,
  PasswordInput,
  Progress,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KdfPreset } from '../../../shared/ipc/contract.ts';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, UiError } from '../ipc/client.ts';
import { NewPassphraseFields } from '../passphrase/NewPassphraseFields.tsx';
import { useNewPassphrase } from '../passphrase/use-new-passphrase.ts';
import { useTaskProgress } from '../sharing/use-task-progress.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';
import { type BackupInspection, type RestoreOutcome, restoreApi } from './api.ts';
import { BackupInspectionView } from './BackupInspectionView.tsx';

type Running = { taskId: string; what: 'verify' | 'restore' };

export function RestoreScreen({
  onRestored,
  onBack,
}: {
  onRestored: (outcome: RestoreOutcome) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const newPassphrase = useNewPassphrase(currentLanguage(i18n));
  const [file, setFile] = useState<{ pickId: string; fileName: string } | null>(null);
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const [kdf, setKdf] = useState<KdfPreset>('moderate');
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const progress = useTaskProgress(running?.taskId ?? null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const busy = running !== null;

  async function pick() {
    setError(null);
    setNote(null);
    try {
      const picked = await restoreApi.pick();
      if (!mounted.current || picked.cancelled) return;
      setFile({ pickId: picked.pickId, fileName: picked.fileName });
      setInspection(null);
    } catch (caught) {
      if (mounted.current) setError(toUiError(caught));
    }
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    if (!file || backupPassphrase === '' || busy) return;
    const taskId = crypto.randomUUID();
    setError(null);
    setNote(null);
    setInspection(null);
    setRunning({ taskId, what: 'verify' });
    try {
      const result = await restoreApi.verify(file.pickId, backupPassphrase, taskId);
      if (mounted.current) setInspection(result);
    } catch (caught) {
      if (!mounted.current) return;
      const failure = toUiError(caught);
      if (failure.code === 'TASK_CANCELLED') setNote(t('restore.cancelled'));
      else setError(failure);
    } finally {
      if (mounted.current) setRunning(null);
    }
  }

  async function restore(event: FormEvent) {
    event.preventDefault();
    if (!file || !inspection || busy) return;
    newPassphrase.markSubmitted();
    if (!newPassphrase.strength.acceptable) {
      setError(new UiError('PASSPHRASE_TOO_WEAK'));
      return;
    }
    if (!newPassphrase.ready) return;
    const secret = newPassphrase.value;
    newPassphrase.reset();
    const taskId = crypto.randomUUID();
    setError(null);
    setNote(null);
    setRunning({ taskId, what: 'restore' });
    try {
      const outcome = await restoreApi.restore({
        pickId: file.pickId,
        backupPassphrase,
        newPassphrase: secret,
        kdf,
        taskId,
      });
      setBackupPassphrase('');
      onRestored(outcome);
    } catch (caught) {
      if (!mounted.current) return;
      const failure = toUiError(caught);
      if (failure.code === 'TASK_CANCELLED') setNote(t('restore.cancelled'));
      else setError(failure);
      setRunning(null);
    }
  }

  const percent = progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0;
  return (
    <Stack gap="lg" data-testid="restore-screen">
      <div>
        <ScreenTitle>{t('restore.title')}</ScreenTitle>
        <Text mt="xs">{t('restore.intro')}</Text>
      </div>

      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('restore.step1')}
          </Title>
          <Group>
            <Button variant="default" onClick={() => void pick()} disabled={busy} data-testid="restore-pick">
              {file ? t('restore.pickOther') : t('restore.pick')}
            </Button>
            {file ? (
              <Text size="sm" ff="monospace" data-testid="restore-file-name">
                {file.fileName}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </Paper>

      {file ? (
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={verify} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('restore.step2')}
            </Title>
            <PasswordInput
              label={t('restore.backupPassphrase')}
              description={t('restore.backupPassphraseHelp')}
              value={backupPassphrase}
              onChange={(event) => {
                setBackupPassphrase(event.currentTarget.value);
                setInspection(null);
              }}
              autoComplete="off"
              visibilityToggleButtonProps={{ 'aria-label': t('passphrase.show') }}
              disabled={busy}
              required
              data-testid="restore-backup-passphrase"
            />
            {inspection ? null : (
              <Group>
                <Button type="submit" disabled={busy || backupPassphrase === ''} data-testid="restore-verify">
                  {t('restore.verify')}
                </Button>
              </Group>
            )}
            {inspection ? <BackupInspectionView inspection={inspection} /> : null}
          </Stack>
        </Paper>
      ) : null}

      {inspection ? (
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={restore} noValidate>
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('restore.step3')}
            </Title>
            <Text size="sm">{t('restore.newPassphraseHelp')}</Text>
            <NewPassphraseFields state={newPassphrase} disabled={busy} />
            <Radio.Group
              label={t('create.kdfLabel')}
              value={kdf}
              onChange={(v) => setKdf(v === 'sensitive' ? 'sensitive' : 'moderate')}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="moderate" label={t('create.kdfModerate')} disabled={busy} />
                <Radio value="sensitive" label={t('create.kdfSensitive')} disabled={busy} />
              </Stack>
            </Radio.Group>
            <Group>
              <Button type="submit" size="md" disabled={busy} data-testid="restore-start">
                {t('restore.start')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}

      {running ? (
        <Stack gap={4} data-testid="restore-progress">
          <Text size="sm" role="status">
            {running.what === 'verify' ? t('restore.verifying') : t('restore.restoring')}
          </Text>
          <Progress value={percent} aria-label={t('restore.progressLabel')} />
          <Group>
            <Button color="red.9" variant="light" onClick={() => void restoreApi.cancel(running.taskId)}>
              {t('restore.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <ErrorAlert error={error} />
      {note ? (
        <Alert color="gray" variant="light" role="status">
          {note}
        </Alert>
      ) : null}
      <Group>
        <Button variant="subtle" onClick={onBack} disabled={busy} data-testid="restore-back">
          {t('restore.back')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Shown above the recovery key after a restore: what came back, and whether history did. */
export function RestoredNotice({ outcome }: { outcome: RestoreOutcome }) {
  const { t } = useTranslation();
  const records = Object.values(outcome.records).reduce((a, b) => a + b, 0);
  return (
    <Alert
      color={outcome.history ? 'teal' : 'yellow'}
      variant="light"
      role="status"
      data-testid="restored-notice"
      title={t('restore.doneTitle')}
    >
      <Text size="sm">{t('restore.doneCounts', { records, files: outcome.files })}</Text>
      <Text size="sm" data-testid="restored-history">
        {outcome.history
          ? t('restore.doneHistory', { entries: outcome.history.entries, segments: outcome.history.segments })
          : t('restore.doneNoHistory')}
      </Text>
    </Alert>
  );
}
