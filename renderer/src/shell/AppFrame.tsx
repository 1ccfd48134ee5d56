import { AppShell, Badge, Button, Container, Group, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export type UnlockedView = 'home' | 'settings' | 'identity' | 'contacts' | 'reports';

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
    <AppShell header={{ height: unlocked ? 104 : 60 }} padding="md">
      <AppShell.Header>
        <Group h={60} px="md" justify="space-between" wrap="nowrap">
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
        {unlocked ? (
          <Group
            component="nav"
            aria-label={t('shell.mainNav')}
            gap="xs"
            wrap="nowrap"
            h={44}
            px="md"
            // A row of its own: areas keep being added; if they outgrow the width, the row scrolls.
            style={{ overflowX: 'auto', borderTop: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Button
              variant={unlocked.view === 'home' ? 'light' : 'subtle'}
              aria-current={unlocked.view === 'home' ? 'page' : undefined}
              onClick={() => unlocked.onNavigate('home')}
            >
              {t('shell.home')}
            </Button>
            <Button
              variant={unlocked.view === 'contacts' ? 'light' : 'subtle'}
              aria-current={unlocked.view === 'contacts' ? 'page' : undefined}
              onClick={() => unlocked.onNavigate('contacts')}
            >
              {t('shell.contacts')}
            </Button>
            <Button
              variant={unlocked.view === 'identity' ? 'light' : 'subtle'}
              aria-current={unlocked.view === 'identity' ? 'page' : undefined}
              onClick={() => unlocked.onNavigate('identity')}
            >
              {t('shell.identity')}
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
      </AppShell.Header>
      <AppShell.Main>
        <Container size={wide ? 'xl' : 'sm'} py="lg">
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
