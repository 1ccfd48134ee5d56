import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A card's one-line text form in a read-only field with a Copy button. The card is public, so the
 * clipboard is acceptable here (unlike the recovery key). Copying selects the text and uses the
 * Edit > Copy command, which needs no clipboard permission (main grants none).
 */
export function CopyableCard({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    const field = ref.current;
    if (!field) return;
    field.focus();
    field.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    setCopied(ok);
  };
  return (
    <Stack gap={4}>
      <Textarea
        ref={ref}
        label={label}
        value={text}
        readOnly
        rows={5}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' } }}
        data-testid="card-text"
      />
      <Group gap="sm">
        <Button variant="default" size="xs" onClick={copy}>
          {t('identity.copy')}
        </Button>
        <Text size="sm" role="status" c={copied === false ? 'red.9' : undefined}>
          {copied === true ? t('identity.copied') : copied === false ? t('identity.copyFailed') : ''}
        </Text>
      </Group>
    </Stack>
  );
}
