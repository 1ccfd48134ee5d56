/**
 * The files of one received export: name, size and SHA-256, **Preview** (the file opens in place of
 * the list, shown from the encrypted copy in memory) and **Save a decrypted copy…** (behind its
 * warning). Back from a preview returns focus to that file's Preview button.
 */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../evidence/api.ts';
import { currentLanguage } from '../i18n/index.ts';
import type { ReceivedDetailView } from './api.ts';
import { ReceivedFileView } from './ReceivedFileView.tsx';
import { SaveReceivedFile } from './SaveReceivedFile.tsx';

export function ReceivedFiles({ detail }: { detail: ReceivedDetailView }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [openId, setOpenId] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const open = detail.fileList.find((file) => file.id === openId);

  if (open) {
    const back = () => {
      setOpenId(null);
      requestAnimationFrame(() => buttons.current.get(open.id)?.focus());
    };
    return <ReceivedFileView file={open} received={detail} onBack={back} />;
  }
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('sharing.received.files')}
      </Title>
      {detail.fileList.length === 0 ? <Text size="sm">{t('sharing.received.noFiles')}</Text> : null}
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {detail.fileList.map((file) => (
          <li key={file.id} data-testid="received-file">
            <Group gap="xs" wrap="wrap" align="center" justify="space-between">
              <Text size="sm" style={{ wordBreak: 'break-word', minWidth: 0, flex: 1 }}>
                {file.name} — {formatSize(file.size, lang)}{' '}
                <Text span ff="monospace" size="xs">
                  SHA-256 {file.sha256}
                </Text>
              </Text>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant="light"
                  ref={(node) => {
                    if (node) buttons.current.set(file.id, node);
                    else buttons.current.delete(file.id);
                  }}
                  onClick={() => setOpenId(file.id)}
                  aria-label={t('receivedView.file.openLabel', { name: file.name })}
                  data-testid="received-file-open"
                >
                  {t('receivedView.file.open')}
                </Button>
                <SaveReceivedFile receivedId={detail.id} fileId={file.id} name={file.name} />
              </Group>
            </Group>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
