import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReportCell, ReportModel } from '../../../shared/reports/model.ts';
import { installFakeCaseVault } from '../fake-casevault.ts';
import { renderApp } from '../render-app.tsx';

const shown = (value: number): ReportCell => ({ status: 'shown', value });
const small: ReportCell = { status: 'small', value: null };
const guarded: ReportCell = { status: 'protected', value: null };
const L = (en: string, fr = en) => ({ en, fr });

const MODEL: ReportModel = {
  format: 'casevault.report/1',
  reportId: 'mrm',
  label: L('Grave violations against children (MRM)', 'Violations graves contre les enfants (MRM)'),
  description: L('d', 'd'),
  period: { from: '2025-01-01', to: '2025-02-28', granularity: 'month' },
  threshold: 5,
  notes: { excludedForConsent: small, suppressedCells: 4 },
  tables: [
    {
      id: 'mrm-verified-by-period',
      label: L('Verified violations by month', 'Violations vérifiées par mois'),
      unit: 'incident',
      unitLabel: L('incidents'),
      measure: { kind: 'count' },
      chart: 'stacked-bar',
      rowDimension: { id: 'incidentKind', label: L('Kind of incident', 'Type d’incident') },
      columnDimension: { id: 'period', label: L('Period', 'Période') },
      rows: [
        { code: 'mrm.abduction', label: L('Abduction of children', 'Enlèvement d’enfants') },
        { code: 'mrm.killing-maiming', label: L('Killing and maiming', 'Meurtre et mutilation d’enfants') },
      ],
      columns: [
        { code: '2025-01', label: L('2025-01') },
        { code: '2025-02', label: L('2025-02') },
      ],
      cells: [
        [small, guarded],
        [guarded, small],
      ],
      rowTotals: [shown(12), shown(15)],
      columnTotals: [shown(9), shown(18)],
      total: shown(27),
      statistics: null,
      rates: null,
    },
  ],
};

describe('reports screen', () => {
  it('marks hidden cells by text and accessible name, never with their value, in French', async () => {
    const fake = installFakeCaseVault({
      state: 'unlocked',
      handlers: {
        'records:list-cases': () => ({ total: 0, offset: 0, rows: [] }),
        'records:overdue': () => [],
        'reports:list': () => [{ id: 'mrm', label: MODEL.label, description: MODEL.description, tables: [] }],
        'reports:build': () => MODEL,
        'reports:export-csv': () => ({ saved: true, fileName: 'rapport.csv' }),
      },
    });
    const user = userEvent.setup();
    renderApp('fr');
    await user.click(await screen.findByRole('button', { name: 'Rapports' }));
    const table = await screen.findByTestId('report-table-mrm-verified-by-period');
    const smallCells = within(table).getAllByLabelText('Masqué : moins de 5');
    expect(smallCells.map((c) => c.textContent)).toEqual(['<5', '<5']);
    const guardedCells = within(table).getAllByLabelText('Masqué pour protéger un effectif inférieur à 5');
    expect(guardedCells.map((c) => c.textContent)).toEqual(['x', 'x']);
    expect(table.querySelectorAll('td[data-status="small"]').length).toBe(2);
    expect(within(table).getByRole('rowheader', { name: 'Enlèvement d’enfants' })).toBeTruthy();
    expect(table.textContent).toContain('27');
    const notes = screen.getByTestId('report-notes');
    expect(within(notes).getByTestId('report-excluded').textContent).toContain('<5');
    expect(notes.textContent).toContain('entre 1 et 4');
    // The query names a report and a period, never a path.
    const build = fake.callsTo('reports:build')[0] as Record<string, unknown>;
    expect(build).toMatchObject({ reportId: 'mrm', threshold: 5, granularity: 'month' });
    await user.click(screen.getByTestId('report-export-csv'));
    expect((await screen.findByTestId('report-saved')).textContent).toContain('rapport.csv');
    expect(Object.keys(fake.callsTo('reports:export-csv')[0] as object).sort()).toEqual(
      ['from', 'granularity', 'lang', 'reportId', 'threshold', 'to'].sort(),
    );
  });
});
