/**
 * A built report as the screens show it: the disclosure notes (period, threshold, what is hidden and
 * why, cases left out for consent, coarsening), then each table with its chart. Used by the Reports
 * screen for the vault's own report and by the Received area, read-only, for a report received
 * sealed from a contact (sharing/ReceivedReport.tsx): same components, same notes.
 */
import { Alert, List, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import { cellText, type ReportModel } from '../../../shared/reports/model.ts';
import { ReportChart } from './ReportChart.tsx';
import { ReportTable } from './ReportTable.tsx';

export function ReportBody({
  report,
  language,
  headingLevel = 2,
}: {
  report: ReportModel;
  language: Language;
  /** The tables' heading level (2 on the Reports screen, 4 inside the Received view). */
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Alert variant="light" color="blue" title={t('reports.notesTitle')} data-testid="report-notes">
        <List size="sm" spacing={4}>
          <List.Item>{t('reports.period', { from: report.period.from, to: report.period.to })}</List.Item>
          <List.Item>
            {t('reports.noteThreshold', {
              threshold: report.threshold,
              threshold_minus: report.threshold - 1,
            })}
          </List.Item>
          <List.Item>{t('reports.noteProtected')}</List.Item>
          <List.Item data-testid="report-excluded">
            {t('reports.noteExcluded', {
              count: cellText(report.notes.excludedForConsent, report.threshold),
            })}
          </List.Item>
          <List.Item>
            {t(
              report.period.granularity === 'month' ? 'reports.noteCoarseMonth' : 'reports.noteCoarseQuarter',
            )}
          </List.Item>
          <List.Item>{t('reports.noteHidden', { count: report.notes.suppressedCells })}</List.Item>
        </List>
      </Alert>
      {report.tables.map((table) => (
        <section key={table.id} className="report-table-block" aria-labelledby={`title-${table.id}`}>
          <Title order={headingLevel} size="h4" id={`title-${table.id}`} mb="xs">
            {table.label[language]}
          </Title>
          <ReportChart table={table} language={language} />
          <ReportTable table={table} threshold={report.threshold} language={language} />
        </section>
      ))}
    </>
  );
}
