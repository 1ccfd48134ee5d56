/**
 * "Extract to a folder…": the one way received content leaves the vault in clear. A warning first
 * (what a plain folder means on a seized device); then main's save dialog names a new folder, main
 * creates it and the service writes records.json and the files there.
 */
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { sharingApi } from './api.ts';

export function ExtractButton({ openId, disabled }: { openId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [saved, setSaved] = useState<{ folderName: string; files: number } | null>(null);

  const extract = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await sharingApi.extract(openId, crypto.randomUUID());
      if (result.saved) {
        setSaved({ folderName: result.folderName, files: result.files });
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
      <Button variant="default" disabled={disabled} onClick={() => setOpen(true)}>
        {t('sharing.extract.button')}
      </Button>
      {saved ? (
        <Text size="sm" role="status" data-testid="extract-done">
          {t('sharing.extract.done', { name: saved.folderName, files: saved.files })}
        </Text>
      ) : null}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('sharing.extract.title')}
        centered
        size="lg"
        closeButtonProps={{ 'aria-label': t('sharing.cancel') }}
      >
        <Stack data-testid="extract-warning">
          <Alert color="red" variant="outline">
            <Text size="sm" fw={700}>
              {t('sharing.extract.warningTitle')}
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>{t('sharing.extract.warning1')}</List.Item>
              <List.Item>{t('sharing.extract.warning2')}</List.Item>
              <List.Item>{t('sharing.extract.warning3')}</List.Item>
            </List>
          </Alert>
          <Checkbox
            label={t('sharing.extract.understood')}
            checked={understood}
            onChange={(event) => setUnderstood(event.currentTarget.checked)}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('sharing.cancel')}
            </Button>
            <Button color="red.9" disabled={!understood} loading={busy} onClick={() => void extract()}>
              {t('sharing.extract.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
