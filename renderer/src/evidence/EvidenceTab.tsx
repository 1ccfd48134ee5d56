/**
 * The case's Evidence tab: the drop zone, the gallery, and an item's view in place of the gallery
 * (Back returns to it). For an OCSEA case, the reports already recorded are listed first: the
 * report is what the case should hold, not the material.
 */
import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { useCase } from '../records/case-context.ts';
import { formatDate } from '../records/format.ts';
import { pickLabel } from '../records/labels.ts';
import { RecordError } from '../records/RecordError.tsx';
import { AddEvidence } from './AddEvidence.tsx';
import { type EvidenceItem, evidenceApi } from './api.ts';
import { Gallery } from './Gallery.tsx';
import { ItemView } from './ItemView.tsx';
import { OCSEA_CASE_KIND } from './OcseaWarning.tsx';

const PAGE = 500;
/** The gallery loads at most this many items (pages of PAGE); the rest is said to exist. */
const MAX_LOADED = 5000;

export function useCaseEvidence(caseId: string, incidentId?: string) {
  const [items, setItems] = useState<EvidenceItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<UiError | null>(null);
  const reload = useCallback(async () => {
    try {
      const loaded: EvidenceItem[] = [];
      let count = 0;
      do {
        const page = await evidenceApi.list(caseId, loaded.length, PAGE, incidentId);
        count = page.total;
        loaded.push(...page.items);
        if (page.items.length < PAGE) break;
      } while (loaded.length < Math.min(count, MAX_LOADED));
      setItems(loaded);
      setTotal(count);
      setError(null);
    } catch (caught) {
      setError(toUiError(caught));
    }
  }, [caseId, incidentId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, total, error, reload };
}

export function EvidenceTab() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const { caseId, detail, reload: reloadCase } = useCase();
  const caseKind = String((detail.case as Record<string, unknown>).kind ?? '');
  const { items, total, error, reload } = useCaseEvidence(caseId);
  const [open, setOpen] = useState<string | null>(null);

  if (open) {
    return (
      <ItemView id={open} onBack={() => setOpen(null)} onOpen={setOpen} onChanged={() => void reload()} />
    );
  }
  const reports = caseKind === OCSEA_CASE_KIND ? detail.ocseaReports : [];
  return (
    <Stack gap="md" data-testid="evidence-tab">
      <AddEvidence
        caseId={caseId}
        caseKind={caseKind}
        onAdded={() => void reload()}
        onReportRecorded={() => void reloadCase()}
      />
      {reports.length > 0 ? (
        <Stack gap={4} data-testid="ocsea-reports">
          <Title order={3} size="h5">
            {t('evidence.ocsea.recorded')}
          </Title>
          {reports.map((raw) => {
            const r = raw as Record<string, string>;
            return (
              <Text size="sm" key={r.id}>
                {formatDate(r.reportedOn, lang)} — {r.platform} — {pickLabel('ocseaHotline', r.hotline, lang)}
                {r.reportReference ? ` — ${r.reportReference}` : ''}
              </Text>
            );
          })}
        </Stack>
      ) : null}
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('evidence.gallery.title', { count: total })}
        </Title>
      </Group>
      <RecordError error={error} />
      {items === null && !error ? <Loader size="sm" aria-label={t('records.loading')} /> : null}
      {items ? <Gallery items={items} onOpen={setOpen} /> : null}
      {items && total > items.length ? (
        <Text size="xs">{t('evidence.gallery.more', { shown: items.length, total })}</Text>
      ) : null}
    </Stack>
  );
}

/** On an incident card: how much evidence it has, and a small drop zone that adds to it. */
export function IncidentEvidence({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const { caseId, detail } = useCase();
  const caseKind = String((detail.case as Record<string, unknown>).kind ?? '');
  const { items, reload } = useCaseEvidence(caseId, incidentId);
  return (
    <Stack gap={4}>
      <Text size="xs" data-testid="incident-evidence-count">
        {t('evidence.incident.count', { count: items?.length ?? 0 })}
      </Text>
      <AddEvidence
        caseId={caseId}
        caseKind={caseKind}
        incidentId={incidentId}
        compact
        onAdded={() => void reload()}
      />
    </Stack>
  );
}
