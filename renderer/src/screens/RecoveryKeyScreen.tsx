import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';
import { normalizeGroup, pickGroupsToConfirm, splitGroups } from './recovery-groups.ts';

/**
 * Shown once, right after create (or a restore, with its `notice` above the key). Step 1 shows the key for writing on paper; step 2 asks for one
 * or two groups back, checked here (the key never goes back to main). No copy button on purpose:
 * clipboard managers keep history (docs/ui.md).
 */
export function RecoveryKeyScreen({
  recoveryKey,
  onDone,
  notice,
}: {
  recoveryKey: string;
  onDone: () => void;
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const groups = useMemo(() => splitGroups(recoveryKey), [recoveryKey]);
  // Positions are fixed for one key, so the position is a stable identity.
  const numbered = useMemo(() => groups.map((group, index) => ({ n: index + 1, group })), [groups]);
  const [step, setStep] = useState<'show' | 'confirm'>('show');
  const [written, setWritten] = useState(false);

  if (step === 'show') {
    return (
      <Stack gap="lg" key="show">
        <ScreenTitle>{t('recoveryKey.title')}</ScreenTitle>
        {notice}
        <Text>{t('recoveryKey.intro')}</Text>
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid
            cols={3}
            spacing="md"
            verticalSpacing="md"
            role="list"
            aria-label={t('recoveryKey.keyLabel')}
            data-testid="recovery-key"
          >
            {numbered.map(({ n, group }) => (
              <Stack gap={0} align="center" role="listitem" key={n}>
                <Text size="xs" c="dimmed">
                  {t('recoveryKey.groupLabel', { n })}
                </Text>
                <Text ff="monospace" fz={30} fw={700} lts={4} data-testid="recovery-group">
                  {group}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Paper>
        <Alert color="orange" variant="light" title={t('recoveryKey.warningTitle')}>
          {t('recoveryKey.warning')}
        </Alert>
        <Checkbox
          label={t('recoveryKey.written')}
          checked={written}
          onChange={(event) => setWritten(event.currentTarget.checked)}
        />
        <Group>
          <Button size="md" disabled={!written} onClick={() => setStep('confirm')}>
            {t('recoveryKey.next')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <ConfirmGroups
      groups={groups}
      onBack={() => {
        setWritten(false);
        setStep('show');
      }}
      onDone={onDone}
    />
  );
}

function ConfirmGroups({
  groups,
  onBack,
  onDone,
}: {
  groups: string[];
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const positions = useMemo(() => pickGroupsToConfirm(groups.length), [groups]);
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [wrong, setWrong] = useState<number[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const mismatched = positions.filter(
      (position) => normalizeGroup(typed[position] ?? '') !== normalizeGroup(groups[position] ?? ''),
    );
    setWrong(mismatched);
    if (mismatched.length === 0) onDone();
  }

  return (
    <Stack gap="lg" key="confirm">
      <ScreenTitle>{t('recoveryKey.confirmTitle')}</ScreenTitle>
      <Text>{t('recoveryKey.confirmIntro')}</Text>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          {positions.map((position) => (
            <TextInput
              key={position}
              label={t('recoveryKey.confirmGroup', { n: position + 1 })}
              value={typed[position] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setTyped((previous) => ({ ...previous, [position]: value }));
              }}
              error={wrong.includes(position) ? t('recoveryKey.confirmWrong') : undefined}
              autoComplete="off"
              spellCheck={false}
              maxLength={8}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 20 } }}
              w={220}
              required
            />
          ))}
          <Group>
            <Button type="submit" size="md">
              {t('recoveryKey.confirm')}
            </Button>
            <Button variant="default" onClick={onBack}>
              {t('recoveryKey.back')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
