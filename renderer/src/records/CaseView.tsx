/**
 * One case: header (code, title, kind, status, sensitivity, dates) and its tabs. Tabs are not kept
 * mounted, so leaving the People tab drops a revealed real name and any half-typed form.
 */
import { Badge, Button, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidenceTab } from '../evidence/EvidenceTab.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { useShareCases } from '../sharing/share-context.ts';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';
import { type CaseDetail, type CustomKind, recordsApi } from './api.ts';
import { DeleteButton } from './ConfirmDelete.tsx';
import { CaseContext } from './case-context.ts';
import { formatDate } from './format.ts';
import { pickLabel, SENSITIVITY_COLOURS, STATUS_COLOURS } from './labels.ts';
import { RecordError } from './RecordError.tsx';
import { AuditTab } from './tabs/AuditTab.tsx';
import { ConsentTab } from './tabs/ConsentTab.tsx';
import { HistoryTab } from './tabs/HistoryTab.tsx';
import { IncidentsTab } from './tabs/IncidentsTab.tsx';
import { NotesTab } from './tabs/NotesTab.tsx';
import { PeopleTab } from './tabs/PeopleTab.tsx';
import { PlanTab } from './tabs/PlanTab.tsx';
import { ReferralsTab } from './tabs/ReferralsTab.tsx';
import { RiskTab } from './tabs/RiskTab.tsx';
import { CASE_TABS, type CaseTab } from './tabs/tab-names.ts';

const TAB_BODIES: Record<CaseTab, () => React.ReactNode> = {
  people: () => <PeopleTab />,
  incidents: () => <IncidentsTab />,
  evidence: () => <EvidenceTab />,
  risk: () => <RiskTab />,
  plan: () => <PlanTab />,
  consent: () => <ConsentTab />,
  referrals: () => <ReferralsTab />,
  notes: () => <NotesTab />,
  history: () => <HistoryTab />,
  audit: () => <AuditTab />,
};

interface Props {
  caseId: string;
  initialTab?: CaseTab;
  onBack: () => void;
  onEdit: () => void;
  onDeleted: () => void;
}

export function CaseView({ caseId, initialTab, onBack, onEdit, onDeleted }: Props) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [customKinds, setCustomKinds] = useState<CustomKind[]>([]);
  const [error, setError] = useState<UiError | null>(null);
  const [tab, setTab] = useState<CaseTab>(initialTab ?? 'people');
  const shareCases = useShareCases();

  const reload = useCallback(async () => {
    try {
      setDetail(await recordsApi.caseDetail(caseId));
      setError(null);
    } catch (caught) {
      setError(toUiError(caught));
    }
  }, [caseId]);
  const reloadKinds = useCallback(async () => {
    setCustomKinds(await recordsApi.listKinds().catch(() => []));
  }, []);

  useEffect(() => {
    void reload();
    void reloadKinds();
  }, [reload, reloadKinds]);

  if (!detail) {
    return (
      <Stack>
        <ScreenTitle>{t('records.case.viewTitle')}</ScreenTitle>
        <RecordError error={error} />
        {!error ? (
          <Group>
            <Loader size="sm" aria-hidden="true" />
            <Text role="status">{t('records.loading')}</Text>
          </Group>
        ) : null}
        <Group>
          <Button variant="subtle" onClick={onBack}>
            {t('records.case.backToList')}
          </Button>
        </Group>
      </Stack>
    );
  }
  const c = detail.case as CaseDetail['case'] & Record<string, string | undefined>;
  return (
    <CaseContext.Provider value={{ detail, caseId, customKinds, reload, reloadKinds }}>
      <Stack gap="md">
        <Group gap="xs">
          <Button variant="subtle" onClick={onBack}>
            {t('records.case.backToList')}
          </Button>
        </Group>
        <ScreenTitle>
          <span style={{ fontFamily: 'monospace' }}>{c.code}</span> — {c.title}
        </ScreenTitle>
        <Group gap="xs">
          <Badge color={STATUS_COLOURS[c.status ?? ''] ?? 'gray.8'} variant="filled">
            {pickLabel('caseStatus', c.status, lang)}
          </Badge>
          <Badge color={SENSITIVITY_COLOURS[c.sensitivity ?? ''] ?? 'gray.8'} variant="outline">
            {t('records.list.sensitivity', { level: pickLabel('sensitivity', c.sensitivity, lang) })}
          </Badge>
          <Text size="sm">{pickLabel('caseKind', c.kind, lang)}</Text>
          <Text size="sm">
            {t('records.list.openedOn', { date: formatDate(c.openedOn, lang) })}
            {c.closedOn ? ` · ${t('records.case.closedOn', { date: formatDate(c.closedOn, lang) })}` : ''}
          </Text>
        </Group>
        {c.summary ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.summary}
          </Text>
        ) : null}
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={onEdit}>
            {t('records.case.edit')}
          </Button>
          {shareCases ? (
            <Button variant="default" size="xs" onClick={() => shareCases([caseId])}>
              {t('sharing.export.fromCase')}
            </Button>
          ) : null}
          <DeleteButton
            entity="case"
            id={caseId}
            what={t('records.case.what', { code: c.code })}
            onDeleted={onDeleted}
          />
        </Group>
        <RecordError error={error} />
        <Tabs value={tab} onChange={(next) => next && setTab(next as CaseTab)} keepMounted={false}>
          <Tabs.List aria-label={t('records.tabs.label')}>
            {CASE_TABS.map((name) => (
              <Tabs.Tab key={name} value={name} data-testid={`tab-${name}`}>
                {t(`records.tabs.${name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {CASE_TABS.map((name) => (
            <Tabs.Panel key={name} value={name} pt="md">
              {TAB_BODIES[name]()}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </CaseContext.Provider>
  );
}
