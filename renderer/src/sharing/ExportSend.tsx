/**
 * The last step of the export: purpose, the vault passphrase re-entered, then main asks where to
 * save (its own dialog) and seals; progress comes as `task:progress` with a Cancel; at the end the
 * file name and its SHA-256 (to read to the recipient, who sees the same hash in their receipt).
 * The passphrase is dropped from state as soon as the request leaves.
 */
import {
  Alert,
  Button,
  Code,
  Group,
  PasswordInput,
  Progress,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PURPOSE_CHARS } from '../../../shared/ipc/sharing-contract.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { type ExportDoneView, type Selection, sharingApi } from './api.ts';
import { useTaskProgress } from './use-task-progress.ts';

/** What the send step hands over; the caller knows what is sealed (cases, or a report). */
export type SendRequest = { taskId: string; purpose: string; passphrase: string };

export function ExportSend({
  selection,
  send,
  onBack,
}: {
  /** The export wizard's cases and recipients (sent with sharing:export)… */
  selection?: Selection;
  /** …or another sealed file's own call (a sealed report: sharing:report-export). */
  send?: (request: SendRequest) => Promise<ExportDoneView>;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [taskId, setTaskId] = useState<string | null>(null);
  const [done, setDone] = useState<ExportDoneView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const progress = useTaskProgress(taskId);
  const running = taskId !== null;
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const submit = async () => {
    const id = crypto.randomUUID();
    const secret = passphrase;
    setPassphrase('');
    setError(null);
    setDone(null);
    setTaskId(id);
    try {
      const request = { taskId: id, purpose, passphrase: secret };
      const result = send
        ? await send(request)
        : await sharingApi.export({ ...(selection as Selection), ...request });
      if (mounted.current) setDone(result);
    } catch (caught) {
      if (mounted.current) setError(toUiError(caught));
    } finally {
      if (mounted.current) setTaskId(null);
    }
  };

  if (done?.saved) {
    return (
      <Alert color="teal" variant="light" role="status" data-testid="export-done">
        <Text size="sm" fw={700}>
          {t('sharing.export.doneTitle')}
        </Text>
        <Stack gap={4}>
          <Text size="sm">{t('sharing.export.doneFile', { name: done.fileName })}</Text>
          <Text size="sm">{t('sharing.export.doneHash')}</Text>
          <Code block data-testid="export-sha256">
            {done.sha256}
          </Code>
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Title order={2} size="h3">
        {t('sharing.export.sendTitle')}
      </Title>
      <Textarea
        label={t('sharing.export.purpose')}
        description={t('sharing.export.purposeHelp')}
        value={purpose}
        maxLength={MAX_PURPOSE_CHARS}
        onChange={(event) => setPurpose(event.currentTarget.value)}
        disabled={running}
        required
      />
      <PasswordInput
        label={t('sharing.export.passphrase')}
        description={t('sharing.export.passphraseHelp')}
        value={passphrase}
        onChange={(event) => setPassphrase(event.currentTarget.value)}
        autoComplete="current-password"
        visibilityToggleButtonProps={{ 'aria-label': t('passphrase.show') }}
        disabled={running}
        required
      />
      <ErrorAlert error={error} />
      {done && !done.saved ? (
        <Text size="sm" role="status">
          {done.cancelled ? t('sharing.export.cancelled') : t('sharing.export.notSaved')}
        </Text>
      ) : null}
      {running ? (
        <Stack gap={4} data-testid="export-progress">
          <Text size="sm" role="status">
            {t('sharing.export.sealing')}
          </Text>
          <Progress
            value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0}
            aria-label={t('sharing.export.sealing')}
          />
        </Stack>
      ) : null}
      <Group>
        <Button variant="default" onClick={onBack} disabled={running}>
          {t('sharing.export.back')}
        </Button>
        {running ? (
          <Button color="red.9" variant="light" onClick={() => taskId && void sharingApi.cancel(taskId)}>
            {t('sharing.cancel')}
          </Button>
        ) : (
          <Button type="submit" disabled={purpose.trim() === '' || passphrase === ''}>
            {t('sharing.export.create')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
