import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityName } from '../../../shared/records/schemas.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { recordsApi } from './api.ts';
import { RecordError } from './RecordError.tsx';

/**
 * A "Delete" button whose confirmation says the truth about what deleting does (the vault erases
 * for real: no recycle bin, so no undo). Records and evidence items both use it; each says what its
 * deletion removes and runs its own call.
 */
export function ConfirmDeleteButton({
  what,
  title,
  explanation,
  onConfirm,
  onDeleted,
  ariaLabel,
  size,
  testId,
}: {
  /** What is being deleted, as the user knows it ("incident of 12 March 2025", a file name). */
  what: string;
  title: string;
  explanation: ReactNode;
  onConfirm: () => Promise<unknown>;
  onDeleted: () => void;
  ariaLabel?: string;
  size?: 'xs' | 'sm';
  /** `<testId>` on the button, `<testId>-confirm` on the confirmation. */
  testId?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
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
        size={size}
        variant="subtle"
        color="red.9"
        c="red.9"
        onClick={() => setOpen(true)}
        aria-label={ariaLabel}
        data-testid={testId}
      >
        {t('records.delete')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={title}
        centered
        closeButtonProps={{ 'aria-label': t('records.cancel') }}
      >
        <Stack>
          <Text fw={600}>{what}</Text>
          {explanation}
          <RecordError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} data-autofocus>
              {t('records.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={busy}
              onClick={confirm}
              data-testid={testId ? `${testId}-confirm` : undefined}
            >
              {t('records.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Deleting a record: the row, what it cascades to, its history and its search entries. */
export function DeleteButton({
  entity,
  id,
  what,
  onDeleted,
}: {
  entity: EntityName;
  id: string;
  what: string;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDeleteButton
      what={what}
      title={t('records.deleteTitle')}
      explanation={<Text>{t('records.deletePermanent')}</Text>}
      onConfirm={() => recordsApi.remove(entity, id)}
      onDeleted={onDeleted}
      ariaLabel={t('records.deleteWhat', { what })}
      size="xs"
    />
  );
}
