import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The 60 digits as 12 numbered groups of 5, in 4 rows of 3, large and monospaced so two people can
 * read them to each other group by group. Screen readers get each group with its number.
 */
export function FingerprintDigits({ digits, testId }: { digits: string[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid
      cols={3}
      spacing="xs"
      verticalSpacing={4}
      component="ol"
      aria-label={t('identity.fingerprintLabel')}
      data-testid={testId ?? 'fingerprint-digits'}
      style={{ listStyle: 'none', padding: 0, margin: 0, maxWidth: 320 }}
    >
      {digits.map((group, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: a group's position is its identity.
          key={i}
          component="li"
          ff="monospace"
          fz="lg"
          fw={600}
          aria-label={t('identity.groupLabel', { n: i + 1, digits: group.split('').join(' ') })}
          data-testid="fingerprint-group"
        >
          {group}
        </Text>
      ))}
    </SimpleGrid>
  );
}
