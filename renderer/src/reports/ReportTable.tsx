import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import { cellText, type ReportCell, type ReportTableModel } from '../../../shared/reports/model.ts';

/**
 * One table of a report. A hidden cell shows "<threshold" (a small count) or "x" (hidden to protect
 * a small count), marked by colour AND by text, with a title and an accessible name saying why.
 */
export function HiddenAwareCell({ cell, threshold }: { cell: ReportCell; threshold: number }) {
  const { t } = useTranslation();
  if (cell.status === 'shown') return <>{cell.value}</>;
  const why =
    cell.status === 'small'
      ? t('reports.cellSmall', { threshold })
      : t('reports.cellProtected', { threshold });
  return (
    <abbr
      title={why}
      aria-label={why}
      data-status={cell.status}
      className={`report-hidden report-hidden-${cell.status}`}
    >
      {cellText(cell, threshold)}
    </abbr>
  );
}

export function ReportTable({
  table,
  threshold,
  language,
}: {
  table: ReportTableModel;
  threshold: number;
  language: Language;
}) {
  const { t } = useTranslation();
  const td = (cell: ReportCell, key: string, strong = false) => (
    <Table.Td key={key} ta="right" fw={strong ? 700 : undefined} data-status={cell.status}>
      <HiddenAwareCell cell={cell} threshold={threshold} />
    </Table.Td>
  );
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10} %`);
  const stat = (v: number | null) => (v === null ? '—' : String(v));
  const stats = table.statistics;
  const isMean = table.measure.kind === 'mean';
  const rowNames = [...table.rows.map((r) => r.label[language]), t('reports.total')];
  return (
    // A region that scrolls sideways must be reachable by keyboard (arrow keys scroll it once focused).
    <section
      className="report-scroll"
      style={{ overflowX: 'auto' }}
      aria-label={table.label[language]}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard.
      tabIndex={0}
    >
      <Table striped withTableBorder withColumnBorders fz="sm" data-testid={`report-table-${table.id}`}>
        <Table.Caption>
          {table.unitLabel[language]}
          {table.measure.kind !== 'count' ? ` — ${table.measure.label[language]}` : ''}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{table.rowDimension.label[language]}</Table.Th>
            {table.columnDimension ? (
              <>
                {table.columns.map((c) => (
                  <Table.Th key={c.code} scope="col" ta="right">
                    {c.label[language]}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="right">
                  {t('reports.total')}
                </Table.Th>
              </>
            ) : (
              <Table.Th scope="col" ta="right">
                {t('reports.count')}
              </Table.Th>
            )}
            {table.rates ? (
              <Table.Th scope="col" ta="right">
                {t('reports.share', { value: table.rates.of.label[language] })}
              </Table.Th>
            ) : null}
            {stats ? (
              isMean ? (
                <Table.Th scope="col" ta="right">
                  {t('reports.mean')}
                </Table.Th>
              ) : (
                <>
                  <Table.Th scope="col" ta="right">
                    {t('reports.median')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reports.quartiles')}
                  </Table.Th>
                </>
              )
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...table.rows, null].map((row, i) => {
            const isTotal = row === null;
            const rowTotal = isTotal ? table.total : table.rowTotals[i]!;
            const s = stats?.[i];
            return (
              <Table.Tr key={row?.code ?? '__total'} fw={isTotal ? 700 : undefined}>
                <Table.Th scope="row" fw={isTotal ? 700 : 500}>
                  {rowNames[i]}
                </Table.Th>
                {table.columnDimension
                  ? (isTotal ? table.columnTotals : table.cells[i]!).map((c, j) =>
                      td(c, table.columns[j]!.code, isTotal),
                    )
                  : null}
                {td(rowTotal, '__rowTotal', true)}
                {table.rates ? (
                  <Table.Td ta="right">{pct(isTotal ? table.rates.total : table.rates.rows[i]!)}</Table.Td>
                ) : null}
                {s ? (
                  isMean ? (
                    <Table.Td ta="right">{stat(s.mean)}</Table.Td>
                  ) : (
                    <>
                      <Table.Td ta="right">{stat(s.median)}</Table.Td>
                      <Table.Td ta="right">{s.q1 === null ? '—' : `${s.q1} – ${s.q3}`}</Table.Td>
                    </>
                  )
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {stats ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('reports.statisticsNote', { threshold })}
        </Text>
      ) : null}
    </section>
  );
}
