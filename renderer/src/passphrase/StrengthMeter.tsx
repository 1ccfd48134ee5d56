import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, type Strength } from './strength.ts';

const COLORS = ['red.9', 'red.9', 'orange.9', 'teal.9', 'green.9'] as const;

/** A score bar plus one plain-language hint; the hint is a polite live region. */
export function StrengthMeter({ strength, id }: { strength: Strength; id: string }) {
  const { t } = useTranslation();
  const empty = strength.length === 0;
  const level = t(`passphrase.strength${strength.score}`);
  let hint: string;
  if (strength.length < MIN_PASSPHRASE_LENGTH) {
    hint = t('passphrase.tooShort', { count: strength.length });
  } else if (!strength.acceptable) {
    hint = t('passphrase.tooWeak');
  } else {
    hint = t('passphrase.acceptable');
  }
  return (
    <Stack gap={4} id={id} data-testid="strength-meter">
      <Progress
        value={empty ? 0 : (strength.score + 1) * 20}
        color={COLORS[strength.score]}
        aria-label={t('passphrase.meterLabel')}
        size="md"
      />
      <Text size="sm" aria-live="polite">
        {empty
          ? t('passphrase.tooShort', { count: 0 })
          : `${t('passphrase.strengthText', { level, score: strength.score })} — ${hint}`}
      </Text>
      {!empty && strength.warning && !strength.acceptable ? <Text size="sm">{strength.warning}</Text> : null}
    </Stack>
  );
}
