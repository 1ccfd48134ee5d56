/**
 * Import a key card: paste its text form (or a card file's content), or pick a `.cvcard` file with
 * main's own dialog. The outcome is said plainly; a key change for a known contact is a warning
 * that opens the contact, where the user decides.
 */
import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_LIMITS, type ContactRole } from '../../../shared/identity/constants.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { type ImportResultView, type InspectView, identityApi } from './api.ts';
import { CardPreview } from './CardPreview.tsx';
import { roleOptions } from './labels.ts';

export function ImportCard({ onImported }: { onImported: (result: ImportResultView) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [role, setRole] = useState<ContactRole>('legal');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [result, setResult] = useState<ImportResultView | null>(null);
  const [preview, setPreview] = useState<InspectView | null>(null);
  const [previewError, setPreviewError] = useState<UiError | null>(null);

  // Check the pasted card as it is typed (debounced): who it is, its fingerprint, and what
  // importing it would do — before anything is stored.
  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    const trimmed = text.trim();
    if (trimmed === '') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      identityApi.inspectText(trimmed).then(
        (view) => {
          if (!cancelled) setPreview(view);
        },
        (caught) => {
          if (!cancelled) setPreviewError(toUiError(caught));
        },
      );
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text]);

  const run = async (work: () => Promise<ImportResultView | { outcome: 'cancelled' }>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const outcome = await work();
      if (outcome.outcome === 'cancelled') return;
      setResult(outcome);
      setText('');
      onImported(outcome);
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="contacts-import">
      <Stack gap="sm">
        <Title order={2} size="h4" id="contacts-import">
          {t('contacts.importTitle')}
        </Title>
        <Text size="sm">{t('contacts.importHelp')}</Text>
        <Textarea
          label={t('contacts.pasteLabel')}
          placeholder="casevault-card:1:…"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          rows={5}
          maxLength={CARD_LIMITS.file}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' } }}
        />
        {preview ? <CardPreview preview={preview} /> : <ErrorAlert error={previewError} />}
        <Select
          label={t('contacts.roleLabel')}
          description={t('contacts.roleHelp')}
          data={roleOptions(t)}
          value={role}
          onChange={(value) => value && setRole(value as ContactRole)}
          allowDeselect={false}
        />
        <Group>
          <Button
            onClick={() => run(() => identityApi.importText(text, role))}
            disabled={text.trim() === ''}
            loading={busy}
          >
            {t('contacts.importPasted')}
          </Button>
          <Button variant="default" onClick={() => run(() => identityApi.importFile(role))} disabled={busy}>
            {t('contacts.importFile')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {result ? (
          <Alert
            color={result.outcome === 'key-changed' ? 'red' : 'teal'}
            variant="light"
            role={result.outcome === 'key-changed' ? 'alert' : 'status'}
            data-testid="import-outcome"
            data-outcome={result.outcome}
          >
            {t(`contacts.outcome.${result.outcome}`, { name: result.contact.name })}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
