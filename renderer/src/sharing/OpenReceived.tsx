/**
 * Opening a received file: main's open dialog → the verification results (sender, checks, manifest)
 * → only then "Import into Received". A failed check leaves no import button at all. Extracting to a
 * plain folder is CLI-only for now (`casevault open --extract`), behind the CLI's own warning.
 */
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { type OpenedView, sharingApi } from './api.ts';
import { ExtractButton } from './ExtractButton.tsx';
import { VerificationFailure, VerificationReport } from './VerificationReport.tsx';

export function OpenReceived({ onImported }: { onImported: (receivedId: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<Extract<OpenedView, { cancelled: false }> | null>(null);
  const [busy, setBusy] = useState<'opening' | 'importing' | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const openIdRef = useRef<string | null>(null);
  openIdRef.current = opened?.openId ?? null;
  // Leaving the page forgets the verified file in main (nothing was imported).
  useEffect(
    () => () => {
      if (openIdRef.current) void sharingApi.discard(openIdRef.current).catch(() => {});
    },
    [],
  );

  const pick = async () => {
    setError(null);
    if (opened?.openId) void sharingApi.discard(opened.openId).catch(() => {});
    setOpened(null);
    setBusy('opening');
    try {
      const result = await sharingApi.open();
      if (!result.cancelled) setOpened(result);
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const importIt = async () => {
    if (!opened) return;
    setBusy('importing');
    setError(null);
    try {
      if (!opened.openId) return;
      const { receivedId } = await sharingApi.import(opened.openId, crypto.randomUUID());
      openIdRef.current = null;
      setOpened(null);
      onImported(receivedId);
    } catch (caught) {
      setError(toUiError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('sharing.open.intro')}</Text>
      <Group>
        <Button onClick={() => void pick()} disabled={busy !== null}>
          {t('sharing.open.pick')}
        </Button>
        {busy === 'opening' ? (
          <Group gap="xs">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm" role="status">
              {t('sharing.open.verifying')}
            </Text>
          </Group>
        ) : null}
      </Group>
      <ErrorAlert error={error} />
      {opened ? (
        <Stack gap="sm">
          <Text size="sm" data-testid="opened-file">
            {t('sharing.open.file', { name: opened.fileName })}
          </Text>
          {opened.failure ? <VerificationFailure code={opened.failure.code} /> : null}
          {opened.report ? <VerificationReport report={opened.report} /> : null}
          {opened.report?.alreadyReceivedId ? (
            <Text size="sm" role="status">
              {t('sharing.open.alreadyReceived')}
            </Text>
          ) : null}
          {opened.report && opened.openId && !opened.report.alreadyReceivedId ? (
            <Group>
              <Button onClick={() => void importIt()} loading={busy === 'importing'}>
                {t('sharing.open.import')}
              </Button>
              <ExtractButton openId={opened.openId} disabled={busy !== null} />
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
