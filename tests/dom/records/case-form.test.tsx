import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeCaseVault } from '../fake-casevault.ts';
import { renderApp } from '../render-app.tsx';

const emptyPage = () => ({ total: 0, offset: 0, rows: [] });

describe('case form', () => {
  it('refuses a code with a name in French, per field, and sends nothing to main', async () => {
    const fake = installFakeCaseVault({
      state: 'unlocked',
      handlers: { 'records:list-cases': emptyPage, 'records:overdue': () => [] },
    });
    const user = userEvent.setup();
    renderApp('fr');
    await user.click(await screen.findByRole('button', { name: 'Créer votre premier dossier' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Nouveau dossier' })).toBeTruthy();

    const form = screen.getByTestId('case-form');
    await user.type(within(form).getByLabelText(/^Code du dossier/), 'Aminata Diallo');
    await user.type(within(form).getByLabelText(/^Intitulé/), 'Menaces après une émission de radio');
    await user.click(within(form).getByRole('button', { name: 'Créer le dossier' }));

    const code = within(form).getByLabelText(/^Code du dossier/);
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(code);
    expect(form.textContent).toContain(
      'Utilisez uniquement des majuscules (A–Z), des chiffres et des tirets',
    );
    // The kind is missing too, and said in French; no zod English leaks.
    expect(form.textContent).toContain('Choisissez une valeur dans la liste.');
    expect(form.textContent).not.toMatch(/use capital letters|Invalid|expected/);
    expect(fake.callsTo('records:create')).toEqual([]);
  });

  it('creates a case once the code is valid', async () => {
    const fake = installFakeCaseVault({
      state: 'unlocked',
      settings: { language: 'en' },
      handlers: {
        'records:list-cases': emptyPage,
        'records:overdue': () => [],
        'records:create': (input) => ({
          id: '7d3c5a48-1f7a-4f0c-9b7e-2b8e0b0b7c11',
          createdAt: '2025-01-01T00:00:00Z',
          updatedAt: '2025-01-01T00:00:00Z',
          ...(input as { data: object }).data,
        }),
        'records:case-detail': () => {
          throw new Error('not needed');
        },
        'records:list-kinds': () => [],
      },
    });
    const user = userEvent.setup();
    renderApp('en');
    await user.click(await screen.findByRole('button', { name: 'Create your first case' }));
    const form = await screen.findByTestId('case-form');
    await user.type(within(form).getByLabelText(/^Case code/), 'DEF-2025-001');
    await user.type(within(form).getByLabelText(/^Title/), 'Threats after a radio show');
    await user.click(within(form).getByLabelText(/^Kind of case/));
    await user.click(await screen.findByRole('option', { name: 'Defender protection', hidden: true }));
    await user.click(within(form).getByRole('button', { name: 'Create the case' }));
    expect(fake.callsTo('records:create')).toHaveLength(1);
    const sent = fake.callsTo('records:create')[0] as { entity: string; data: Record<string, unknown> };
    expect(sent.entity).toBe('case');
    expect(sent.data).toMatchObject({ code: 'DEF-2025-001', kind: 'defender-protection', status: 'open' });
  });
});
