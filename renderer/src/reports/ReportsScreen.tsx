import {
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportModel } from '../../../shared/reports/model.ts';
import { currentLanguage } from '../i18n/index.ts';
import { toUiError, type UiError } from '../ipc/client.ts';
import { ErrorAlert } from '../shell/ErrorAlert.tsx';
import { ScreenTitle } from '../shell/ScreenTitle.tsx';
import { reportsApi } from './api.ts';
import { ReportBody } from './ReportBody.tsx';
import { ReportSeal } from './ReportSeal.tsx';
import './print.css';

type Summary = Awaited<ReturnType<typeof reportsApi.list>>[number];

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
function defaultMonths(): { from: string; to: string } {
  const now = new Date();
  const to = now.toISOString().slice(0, 7);
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: start.toISOString().slice(0, 7), to };
}

/**
 * Anonymised reports: pick a ready-made report, a period (whole months) and a threshold; read the
 * protected tables and charts; save them as CSV (main asks where) or print them / save as PDF, or
 * send them sealed to contacts (ReportSeal).
 */
export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [summaries, setSummaries] = useState<Summary[]>([]);
  const [reportId, setReportId] = useState('mrm');
  const [{ from, to }, setMonths] = useState(defaultMonths);
  const [granularity, setGranularity] = useState<'month' | 'quarter'>('month');
  const [threshold, setThreshold] = useState(5);
  const [report, setReport] = useState<ReportModel | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  // What the last export did, translated at render time so a language switch re-renders it.
  const [saved, setSaved] = useState<{ ok: boolean; file: string } | null>(null);
  const [sealing, setSealing] = useState(false);

  useEffect(() => {
    reportsApi.list().then(setSummaries, (e) => setError(toUiError(e)));
  }, []);

  const query = useMemo(
    () =>
      /^\d{4}-\d{2}$/.test(from) && /^\d{4}-\d{2}$/.test(to)
        ? { reportId, from: `${from}-01`, to: lastDay(to), granularity, threshold }
        : null,
    [reportId, from, to, granularity, threshold],
  );

  useEffect(() => {
    if (!query) return;
    let current = true;
    setBusy(true);
    setSaved(null);
    reportsApi.build(query).then(
      (built) => {
        if (!current) return;
        setReport(built);
        setError(null);
        setBusy(false);
      },
      (e) => {
        if (!current) return;
        setReport(null);
        setError(toUiError(e));
        setBusy(false);
      },
    );
    return () => {
      current = false;
    };
  }, [query]);

  const exportCsv = async () => {
    if (!query) return;
    try {
      const result = await reportsApi.exportCsv(query, language);
      setSaved({ ok: result.saved, file: result.fileName ?? '' });
    } catch (e) {
      setError(toUiError(e));
    }
  };

  const summary = summaries.find((s) => s.id === reportId);
  return (
    <Stack gap="md" className="report-sheet">
      <ScreenTitle>{report ? report.label[language] : t('reports.title')}</ScreenTitle>
      <Paper withBorder p="md" className="report-controls">
        <Stack gap="sm">
          <Select
            label={t('reports.pick')}
            data={summaries.map((s) => ({ value: s.id, label: s.label[language] }))}
            value={reportId}
            onChange={(v) => v && setReportId(v)}
            allowDeselect={false}
            data-testid="report-pick"
          />
          {summary ? (
            <Text size="sm" c="dimmed">
              {summary.description[language]}
            </Text>
          ) : null}
          <Group grow align="end">
            <TextInput
              type="month"
              label={t('reports.from')}
              value={from}
              onChange={(e) => setMonths((m) => ({ ...m, from: e.currentTarget.value }))}
              data-testid="report-from"
            />
            <TextInput
              type="month"
              label={t('reports.to')}
              value={to}
              onChange={(e) => setMonths((m) => ({ ...m, to: e.currentTarget.value }))}
              data-testid="report-to"
            />
            <NumberInput
              label={t('reports.threshold')}
              description={t('reports.thresholdHint')}
              min={3}
              max={100}
              clampBehavior="blur"
              value={threshold}
              onChange={(v) => typeof v === 'number' && Number.isInteger(v) && setThreshold(v)}
              data-testid="report-threshold"
            />
          </Group>
          <SegmentedControl
            aria-label={t('reports.granularity')}
            value={granularity}
            onChange={(v) => setGranularity(v as 'month' | 'quarter')}
            data={[
              { value: 'month', label: t('reports.byMonth') },
              { value: 'quarter', label: t('reports.byQuarter') },
            ]}
          />
        </Stack>
      </Paper>
      <Group className="report-actions" gap="sm">
        <Button onClick={exportCsv} disabled={!report} data-testid="report-export-csv">
          {t('reports.exportCsv')}
        </Button>
        <Button
          variant="default"
          onClick={() => window.print()}
          disabled={!report}
          data-testid="report-print"
        >
          {t('reports.print')}
        </Button>
        <Button
          variant="default"
          onClick={() => setSealing(true)}
          disabled={!report || sealing}
          data-testid="report-seal-open"
        >
          {t('reports.seal.open')}
        </Button>
        {busy ? <Loader size="sm" aria-label={t('reports.loading')} /> : null}
        {saved ? (
          <Text size="sm" role="status" data-testid="report-saved">
            {saved.ok ? t('reports.saved', { file: saved.file }) : t('reports.notSaved')}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={error} />
      {report && query ? (
        <ReportSeal
          query={query}
          report={report}
          language={language}
          open={sealing}
          onClose={() => setSealing(false)}
        />
      ) : null}
      {report ? <ReportBody report={report} language={language} /> : null}
    </Stack>
  );
}
