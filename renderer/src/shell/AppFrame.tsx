import { AppShell, Badge, Button, Container, Group, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export type UnlockedView = 'home' | 'settings' | 'reports';

interface FrameProps {
  language: Language;
  onLanguage: (language: Language) => void;
  children: ReactNode;
  /** Wide screens (reports: tables with a column per month) get an extra-large container. */
  wide?: boolean;
  /** Present only while the vault is unlocked. */
  unlocked?: {
    view: UnlockedView;
    onNavigate: (view: UnlockedView) => void;
    onLock: () => void;
    onPanic: () => void;
  };
}

/** The window's frame: a header (name, status, language, and when unlocked navigation + lock). */
export function AppFrame({ language, onLanguage, children, wide, unlocked }: FrameProps) {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Text fw={700} size="lg" component="span">
              {t('app.name')}
            </Text>
            {unlocked ? (
              <Badge color="teal.9" variant="filled" data-testid="vault-status">
                {t('shell.status')}
              </Badge>
            ) : null}
          </Group>
          {unlocked ? (
            <Group component="nav" aria-label={t('shell.mainNav')} gap="xs" wrap="nowrap">
              <Button
                variant={unlocked.view === 'home' ? 'light' : 'subtle'}
                aria-current={unlocked.view === 'home' ? 'page' : undefined}
                onClick={() => unlocked.onNavigate('home')}
              >
                {t('shell.home')}
              </Button>
              <Button
                variant={unlocked.view === 'reports' ? 'light' : 'subtle'}
                aria-current={unlocked.view === 'reports' ? 'page' : undefined}
                onClick={() => unlocked.onNavigate('reports')}
              >
                {t('reports.nav')}
              </Button>
              <Button
                variant={unlocked.view === 'settings' ? 'light' : 'subtle'}
                aria-current={unlocked.view === 'settings' ? 'page' : undefined}
                onClick={() => unlocked.onNavigate('settings')}
              >
                {t('shell.settings')}
              </Button>
            </Group>
          ) : null}
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch value={language} onChange={onLanguage} />
            {unlocked ? (
              <>
                <Button variant="default" onClick={unlocked.onLock}>
                  {t('shell.lock')}
                </Button>
                <Tooltip label={t('shell.panicHint')} multiline w={260}>
                  <Button color="red.9" onClick={unlocked.onPanic} aria-description={t('shell.panicHint')}>
                    {t('shell.panic')}
                  </Button>
                </Tooltip>
              </>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size={wide ? 'xl' : 'sm'} py="lg">
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
