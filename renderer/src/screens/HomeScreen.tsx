import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';

/** The unlocked vault's first page: empty for now, saying what will grow here. */
export function HomeScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <ScreenTitle>{t('home.title')}</ScreenTitle>
      <Paper withBorder p="lg" radius="md" data-testid="home-empty">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('home.emptyTitle')}
          </Title>
          <Text>{t('home.emptyIntro')}</Text>
          <List spacing="xs">
            <List.Item>{t('home.cases')}</List.Item>
            <List.Item>{t('home.evidence')}</List.Item>
            <List.Item>{t('home.sharing')}</List.Item>
          </List>
        </Stack>
      </Paper>
      <Text size="sm">{t('home.lockTip')}</Text>
    </Stack>
  );
}
