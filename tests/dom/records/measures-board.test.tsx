import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { orderMeasures } from '../../../renderer/src/records/measures.ts';
import { type Measure, MeasuresBoard } from '../../../renderer/src/records/tabs/MeasuresBoard.tsx';
import { installFakeCaseVault } from '../fake-casevault.ts';

const TODAY = '2025-06-15';
let n = 0;
const measure = (title: string, status: string, dueOn?: string, phase = 'prevention'): Measure => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  planId: '00000000-0000-4000-8000-999999999999',
  phase,
  title,
  status,
  dueOn,
});

const measures = [
  measure('Done long ago', 'done', '2025-01-01'),
  measure('Later', 'planned', '2025-09-01'),
  measure('No date', 'planned'),
  measure('Overdue recent', 'in-progress', '2025-06-10'),
  measure('Overdue oldest', 'planned', '2025-05-01'),
  measure('Cancelled', 'cancelled', '2025-02-01'),
  measure('Call the lawyer', 'planned', '2025-06-01', 'response'),
];

describe('measures board', () => {
  it('orders overdue first (oldest first), then open by due date, then done, then cancelled', () => {
    expect(
      orderMeasures(
        measures.filter((m) => m.phase === 'prevention'),
        TODAY,
      ).map((m) => m.title),
    ).toEqual(['Overdue oldest', 'Overdue recent', 'Later', 'No date', 'Done long ago', 'Cancelled']);
  });

  it('shows each phase in its column with overdue measures first and marked, in French', () => {
    installFakeCaseVault({ state: 'unlocked' });
    const i18n = createI18n('fr');
    render(
      <MantineProvider>
        <I18nextProvider i18n={i18n}>
          <MeasuresBoard measures={measures} today={TODAY} onChanged={() => {}} />
        </I18nextProvider>
      </MantineProvider>,
    );
    const board = screen.getByTestId('measures-board');
    const prevention = board.querySelector('[data-phase="prevention"]') as HTMLElement;
    const items = within(prevention).getAllByTestId('measure');
    expect(items.map((li) => li.querySelector('h3')?.textContent)).toEqual([
      'Overdue oldest',
      'Overdue recent',
      'Later',
      'No date',
      'Done long ago',
      'Cancelled',
    ]);
    expect(items.map((li) => li.dataset.highlight ?? '')).toEqual(['overdue', 'overdue', '', '', '', '']);
    expect(within(items[0]!).getByText('En retard')).toBeTruthy();
    const response = board.querySelector('[data-phase="response"]') as HTMLElement;
    expect(within(response).getByText('Réponse (protocole d’urgence)')).toBeTruthy();
    expect(within(response).getAllByTestId('measure')).toHaveLength(1);
    expect(
      within(board.querySelector('[data-phase="follow-up"]') as HTMLElement).getByText('Aucune mesure.'),
    ).toBeTruthy();
  });
});
