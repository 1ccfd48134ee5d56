/**
 * "Save a decrypted copy…" of one received file: a warning first (the copy is in clear, and carries
 * the GPS position too when the file has one), then main's save dialog (the received name as
 * default); the core never overwrites an existing file.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { sharingApi } from './api.ts';
import { receivedFilesApi } from './received-files-api.ts';

export function SaveReceivedFile({
  receivedId,
  fileId,
  name,
}: {
  receivedId: string;
  fileId: string;
  name: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [carriesLocation, setCarriesLocation] = useState(false);

  const openWarning = () => {
    setOpen(true);
    // Read (not logged) only to warn: a file that cannot be read keeps the general warning.
    receivedFilesApi.info(fileId).then(
      (info) => setCarriesLocation(info.metadata.gps !== undefined),
      () => setCarriesLocation(false),
    );
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await sharingApi.saveReceivedFile(receivedId, fileId);
      if (result.saved) {
        setSaved(true);
        setOpen(false);
      }
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={openWarning}
        aria-label={t('sharing.received.saveCopyOf', { name })}
      >
        {t('sharing.received.saveCopy')}
      </Button>
      {saved ? (
        <Text size="xs" role="status" span ml="xs">
          {t('sharing.received.copySaved')}
        </Text>
      ) : null}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('sharing.received.saveCopyTitle', { name })}
        centered
        closeButtonProps={{ 'aria-label': t('sharing.cancel') }}
      >
        <Stack data-testid="save-received-warning">
          <Alert color="red" variant="outline">
            <Text size="sm">{t('sharing.received.saveCopyWarning')}</Text>
            {carriesLocation ? (
              <Text size="sm" fw={700} mt={4} data-testid="save-received-location">
                {t('evidence.saveCopy.warningLocation')}
              </Text>
            ) : null}
          </Alert>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('sharing.cancel')}
            </Button>
            <Button color="red.9" loading={busy} onClick={() => void save()}>
              {t('sharing.received.saveCopyConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
