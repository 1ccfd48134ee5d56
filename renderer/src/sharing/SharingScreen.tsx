/**
 * The sharing area: one navigation entry, its pages as tabs (export, open a received file, the
 * Received area, the exports log, backup), so the header row stays short as areas grow. The
 * backup reminder sits above the tabs: it concerns the whole vault, whatever page is open.
 */
import { Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';
import { BackupPanel, BackupReminder } from './BackupPanel.tsx';
import { ExportsLog } from './ExportsLog.tsx';
import { ExportWizard } from './ExportWizard.tsx';
import { OpenReceived } from './OpenReceived.tsx';
import { ReceivedArea } from './ReceivedArea.tsx';

export const SHARING_TABS = ['export', 'open', 'received', 'sent', 'backup'] as const;
export type SharingTab = (typeof SHARING_TABS)[number];

export function SharingScreen({ exportCaseIds }: { exportCaseIds?: string[] }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<SharingTab>(exportCaseIds ? 'export' : 'open');
  // Bumped after a backup so the reminder asks again (and disappears).
  const [backups, setBackups] = useState(0);
  return (
    <Stack gap="md">
      <ScreenTitle>{t('sharing.title')}</ScreenTitle>
      <BackupReminder key={backups} onBackup={() => setTab('backup')} />
      <Tabs value={tab} onChange={(next) => next && setTab(next as SharingTab)} keepMounted={false}>
        <Tabs.List aria-label={t('sharing.tabsLabel')}>
          {SHARING_TABS.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`sharing-tab-${name}`}>
              {t(`sharing.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="export" pt="md">
          <ExportWizard initialCaseIds={exportCaseIds ?? []} />
        </Tabs.Panel>
        <Tabs.Panel value="open" pt="md">
          <OpenReceived onImported={() => setTab('received')} />
        </Tabs.Panel>
        <Tabs.Panel value="received" pt="md">
          <ReceivedArea />
        </Tabs.Panel>
        <Tabs.Panel value="sent" pt="md">
          <ExportsLog />
        </Tabs.Panel>
        <Tabs.Panel value="backup" pt="md">
          <BackupPanel onBackedUp={() => setBackups((n) => n + 1)} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
