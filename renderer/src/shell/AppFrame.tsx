import { AppShell, Badge, Button, Container, Group, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export type UnlockedView = 'home' | 'settings' | 'identity' | 'contacts' | 'reports' | 'sharing';

/** The navigation row, in order; each area is one entry (an area's own pages are tabs inside it). */
const NAV_ITEMS: ReadonlyArray<{ view: UnlockedView; label: string }> = [
  { view: 'home', label: 'shell.home' },
  { view: 'sharing', label: 'shell.sharing' },
  { view: 'contacts', label: 'shell.contacts' },
  { view: 'identity', label: 'shell.identity' },
  { view: 'reports', label: 'reports.nav' },
  { view: 'settings', label: 'shell.settings' },
];

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
            {NAV_ITEMS.map((item) => (
              <Button
                key={item.view}
                variant={unlocked.view === item.view ? 'light' : 'subtle'}
                aria-current={unlocked.view === item.view ? 'page' : undefined}
                onClick={() => unlocked.onNavigate(item.view)}
              >
                {t(item.label)}
              </Button>
            ))}
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
