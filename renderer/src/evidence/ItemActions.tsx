/**
 * The actions on one item that change or reveal something: verify (re-hash and check every chunk),
 * save a decrypted copy (after a warning: the copy is readable by anyone with the disk), delete
 * (after a confirmation: the encrypted file is overwritten, custody keeps the fact).
 */
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ConfirmDeleteButton } from '../records/ConfirmDelete.tsx';
import { RecordError } from '../records/RecordError.tsx';
import { type EvidenceItem, evidenceApi, type VerifyResult } from './api.ts';

export function VerifyButton({
  item,
  onVerified,
}: {
  item: EvidenceItem;
  onVerified: (result: VerifyResult) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      const [first] = await evidenceApi.verify(item.id);
      if (first) onVerified(first);
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="light" onClick={verify} loading={busy} data-testid="verify-item">
        {t('evidence.actions.verify')}
      </Button>
      <RecordError error={error} />
    </>
  );
}

/** What a verification found, in words. */
export function VerifyVerdict({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  return (
    <Alert color={result.ok ? 'teal' : 'red'} variant="light" role="status" data-testid="verify-result">
      {result.ok ? t('evidence.verify.ok') : t(`evidence.verify.bad.${result.reason ?? 'auth'}`)}
    </Alert>
  );
}

export function SaveCopyButton({ item, onSaved }: { item: EvidenceItem; onSaved: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await evidenceApi.saveCopy(item.id);
      setOpen(false);
      onSaved(result.saved);
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="save-copy">
        {t('evidence.actions.saveCopy')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('evidence.saveCopy.title')}
        centered
        size="lg"
        closeButtonProps={{ 'aria-label': t('records.cancel') }}
      >
        <Stack data-testid="save-copy-warning">
          <Alert color="red" variant="outline" title={t('evidence.saveCopy.warningTitle')}>
            <List size="sm" spacing={4}>
              <List.Item>{t('evidence.saveCopy.warning1')}</List.Item>
              <List.Item>{t('evidence.saveCopy.warning2')}</List.Item>
              <List.Item>{t('evidence.saveCopy.warning3')}</List.Item>
              {item.hasLocation ? <List.Item>{t('evidence.saveCopy.warningLocation')}</List.Item> : null}
            </List>
          </Alert>
          <RecordError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} data-autofocus>
              {t('records.cancel')}
            </Button>
            <Button color="red.9" loading={busy} onClick={save} data-testid="save-copy-confirm">
              {t('evidence.saveCopy.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function DeleteEvidenceButton({ item, onDeleted }: { item: EvidenceItem; onDeleted: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDeleteButton
      what={item.originalName}
      title={t('evidence.delete.title')}
      explanation={
        <>
          <Text size="sm">{t('evidence.delete.body')}</Text>
          {item.redactedCopies.length > 0 ? <Text size="sm">{t('evidence.delete.copiesStay')}</Text> : null}
        </>
      }
      onConfirm={() => evidenceApi.remove(item.id)}
      onDeleted={onDeleted}
      testId="delete-item"
    />
  );
}
