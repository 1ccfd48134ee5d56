/**
 * The screen state machine. Which screen shows is decided here only; every screen keeps its own
 * form state, so leaving a screen (lock, event from main) unmounts it and drops whatever was
 * typed. The recovery key is the one secret held here, only until the user confirms it.
 */
import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/errors.ts';
import type { LockReasonName, Settings } from '../../shared/ipc/contract.ts';
import { useActivityReporter } from './hooks/use-activity-reporter.ts';
import { usePanicShortcut } from './hooks/use-panic-shortcut.ts';
import { applyLanguage, currentLanguage } from './i18n/index.ts';
import { ContactsScreen } from './identity/ContactsScreen.tsx';
import { IdentityScreen } from './identity/IdentityScreen.tsx';
import { client, toUiError, type UiError } from './ipc/client.ts';
import { ReportsScreen } from './reports/ReportsScreen.tsx';
import type { RestoreOutcome } from './restore/api.ts';
import { RestoredNotice, RestoreScreen } from './restore/RestoreScreen.tsx';
import { CreateVaultScreen } from './screens/CreateVaultScreen.tsx';
import { HomeScreen } from './screens/HomeScreen.tsx';
import { RecoverScreen } from './screens/RecoverScreen.tsx';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { UnlockScreen } from './screens/UnlockScreen.tsx';
import { SharingScreen } from './sharing/SharingScreen.tsx';
import { ShareCasesContext } from './sharing/share-context.ts';
import { AppFrame, type UnlockedView } from './shell/AppFrame.tsx';
import { ErrorAlert } from './shell/ErrorAlert.tsx';
import { ScreenTitle } from './shell/ScreenTitle.tsx';

export type Screen =
  | { name: 'loading' }
  | { name: 'boot-error'; error: UiError }
  | { name: 'create' }
  | { name: 'recovery-key'; recoveryKey: string; restored?: RestoreOutcome }
  | { name: 'restore' }
  | { name: 'unlock'; reason?: LockReasonName }
  | { name: 'recover' }
  | { name: 'home' }
  | { name: 'settings' }
  | { name: 'identity' }
  | { name: 'contacts' }
  | { name: 'reports' }
  | { name: 'sharing'; exportCaseIds?: string[] };

const UNLOCKED_SCREENS: ReadonlySet<Screen['name']> = new Set([
  'recovery-key',
  'home',
  'settings',
  'identity',
  'contacts',
  'reports',
  'sharing',
]);
/** Screens reachable from the navigation bar. */
const NAVIGABLE: ReadonlySet<Screen['name']> = new Set([
  'home',
  'settings',
  'identity',
  'contacts',
  'reports',
  'sharing',
]);
const DEFAULT_SETTINGS: Settings = { language: 'fr', autoLockMinutes: 5 };

export function App() {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const language = currentLanguage(i18n);
  const unlocked = UNLOCKED_SCREENS.has(screen.name);
  // react-i18next hands out a new `i18n` object on every language change: the boot must not
  // depend on it, or switching language would restart the app and drop the current screen.
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;

  const changeLanguage = useCallback(
    (next: Language) => {
      void applyLanguage(i18n, next);
      setSettings((previous) => ({ ...previous, language: next }));
      client.setSettings({ language: next }).catch(() => {
        // The switch still works for this session; only remembering it failed.
      });
    },
    [i18n],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [info, saved, status] = await Promise.all([
          client.appInfo(),
          client.getSettings().catch(() => null),
          client.status(),
        ]);
        if (cancelled) return;
        const chosen = saved ?? { ...DEFAULT_SETTINGS, language: info.systemLanguage };
        setSettings(chosen);
        await applyLanguage(i18nRef.current, chosen.language);
        if (status.state === 'none') setScreen({ name: 'create' });
        else if (status.state === 'locked') setScreen({ name: 'unlock' });
        else setScreen({ name: 'home' });
      } catch (caught) {
        if (!cancelled) setScreen({ name: 'boot-error', error: toUiError(caught) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // Main locks on its own (idle, sleep, screen lock, panic): drop every unlocked screen at once.
  useEffect(() => {
    try {
      return client.on('vault:locked', ({ reason }) => {
        setScreen((previous) =>
          UNLOCKED_SCREENS.has(previous.name) ? { name: 'unlock', reason } : previous,
        );
      });
    } catch {
      return undefined;
    }
  }, []);

  const panic = useCallback(() => {
    setScreen((previous) =>
      UNLOCKED_SCREENS.has(previous.name) ? { name: 'unlock', reason: 'panic' } : previous,
    );
    client.panic().catch(() => {
      // Main also has the shortcut; the screen is already cleared.
    });
  }, []);
  usePanicShortcut(panic);
  useActivityReporter(unlocked);

  const lock = useCallback(() => {
    setScreen({ name: 'unlock', reason: 'user' });
    client.lock().catch(() => {
      // If main failed to lock it sends no event; the next call will say VAULT_* and we re-sync.
    });
  }, []);

  // A case view's "Share / Export" opens the sharing area's export wizard with that case chosen.
  const shareCases = useCallback(
    (caseIds: string[]) => setScreen({ name: 'sharing', exportCaseIds: caseIds }),
    [],
  );

  let body: React.ReactNode;
  switch (screen.name) {
    case 'loading':
      body = (
        <Center py="xl">
          <Stack align="center">
            <Loader aria-hidden="true" />
            <Text role="status">{t('app.loading')}</Text>
          </Stack>
        </Center>
      );
      break;
    case 'boot-error':
      body = (
        <Stack>
          <ScreenTitle>{t('app.name')}</ScreenTitle>
          <Alert color="red" variant="light">
            {t('app.bootFailed')}
          </Alert>
          <ErrorAlert error={screen.error} />
        </Stack>
      );
      break;
    case 'create':
      body = (
        <CreateVaultScreen
          onCreated={(recoveryKey) => setScreen({ name: 'recovery-key', recoveryKey })}
          onRestore={() => setScreen({ name: 'restore' })}
        />
      );
      break;
    case 'restore':
      body = (
        <RestoreScreen
          onRestored={(outcome) =>
            setScreen({ name: 'recovery-key', recoveryKey: outcome.recoveryKey, restored: outcome })
          }
          onBack={() => setScreen({ name: 'create' })}
        />
      );
      break;
    case 'recovery-key':
      body = (
        <RecoveryKeyScreen
          recoveryKey={screen.recoveryKey}
          onDone={() => setScreen({ name: 'home' })}
          notice={screen.restored ? <RestoredNotice outcome={screen.restored} /> : undefined}
        />
      );
      break;
    case 'unlock':
      body = (
        <UnlockScreen
          reason={screen.reason}
          onUnlocked={() => setScreen({ name: 'home' })}
          onForgot={() => setScreen({ name: 'recover' })}
        />
      );
      break;
    case 'recover':
      body = (
        <RecoverScreen
          onRecovered={() => setScreen({ name: 'home' })}
          onBack={() => setScreen({ name: 'unlock' })}
        />
      );
      break;
    case 'home':
      body = <HomeScreen />;
      break;
    case 'identity':
      body = <IdentityScreen />;
      break;
    case 'contacts':
      body = <ContactsScreen />;
      break;
    case 'reports':
      body = <ReportsScreen />;
      break;
    case 'sharing':
      body = <SharingScreen exportCaseIds={screen.exportCaseIds} />;
      break;
    case 'settings':
      body = (
        <SettingsScreen
          settings={settings}
          onSettings={setSettings}
          language={language}
          onLanguage={changeLanguage}
        />
      );
      break;
  }

  const view: UnlockedView = NAVIGABLE.has(screen.name) ? (screen.name as UnlockedView) : 'home';
  return (
    <AppFrame
      language={language}
      onLanguage={changeLanguage}
      wide={screen.name === 'reports'}
      unlocked={
        NAVIGABLE.has(screen.name)
          ? {
              view,
              onNavigate: (next) => setScreen({ name: next } as Screen),
              onLock: lock,
              onPanic: panic,
            }
          : undefined
      }
    >
      <ShareCasesContext.Provider value={shareCases}>
        <div key={screen.name} data-screen={screen.name}>
          {body}
        </div>
      </ShareCasesContext.Provider>
    </AppFrame>
  );
}
