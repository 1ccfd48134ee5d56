import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityName } from '../../../shared/records/schemas.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { recordsApi } from './api.ts';
import { RecordError } from './RecordError.tsx';

/**
 * "Delete" with a confirmation that says the truth: the vault erases the record for real (no
 * recycle bin, the search index is purged too), so there is no undo.
 */
export function DeleteButton({
  entity,
  id,
  what,
  onDeleted,
}: {
  entity: EntityName;
  id: string;
  /** What is being deleted, as the user knows it ("incident of 12 March 2025"). */
  what: string;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await recordsApi.remove(entity, id);
      setOpen(false);
      onDeleted();
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
        variant="subtle"
        color="red.9"
        c="red.9"
        onClick={() => setOpen(true)}
        aria-label={t('records.deleteWhat', { what })}
      >
        {t('records.delete')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('records.deleteTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('records.cancel') }}
      >
        <Stack>
          <Text fw={600}>{what}</Text>
          <Text>{t('records.deletePermanent')}</Text>
          <RecordError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} data-autofocus>
              {t('records.cancel')}
            </Button>
            <Button color="red.9" loading={busy} onClick={confirm}>
              {t('records.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
