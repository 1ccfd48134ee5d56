import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { qrShape } from '../../../renderer/src/identity/qr.ts';
import { installFakeCaseVault } from '../fake-casevault.ts';
import { renderApp } from '../render-app.tsx';

const ID = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const fp = (seed: number) => {
  const digits = Array.from({ length: 12 }, (_, i) =>
    String((seed * 7919 + i * 104729) % 100000).padStart(5, '0'),
  );
  return { digits, id: String(seed).padStart(64, '0'), qrText: `casevault-fingerprint:1:${digits.join('')}` };
};
const key = (status: string, seed: number) => ({
  status,
  fingerprint: fp(seed),
  boxPublicKey: 'A'.repeat(43),
  signPublicKey: 'B'.repeat(43),
  name: 'Maître Fatou Sow',
  organisation: 'Clinique juridique',
  cardRole: 'Avocate',
  cardIssuedAt: '2026-11-20T10:00:00.000Z',
  seenAt: '2026-11-20T10:00:00.000Z',
  decidedAt: null,
});
const summary = {
  id: ID,
  name: 'Maître Fatou Sow',
  organisation: 'Clinique juridique',
  cardRole: 'Avocate',
  role: 'legal',
  verification: 'unverified',
  verifiedAt: null,
  keyChanged: true,
  fingerprint: fp(1),
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
};

describe('contacts screen', () => {
  it('flags a changed key in the list and on the contact, and accepts only after a warning', async () => {
    let accepted = false;
    const fake = installFakeCaseVault({
      state: 'unlocked',
      handlers: {
        'records:list-cases': () => ({ total: 0, offset: 0, rows: [] }),
        'records:overdue': () => [],
        'contacts:list': () => [{ ...summary, keyChanged: !accepted }],
        'contacts:get': () =>
          accepted
            ? {
                ...summary,
                keyChanged: false,
                fingerprint: fp(2),
                current: key('current', 2),
                pending: null,
                history: [key('current', 2), key('previous', 1)],
                cardText: 'casevault-card:1:x',
              }
            : {
                ...summary,
                current: key('current', 1),
                pending: key('pending', 2),
                history: [key('pending', 2), key('current', 1)],
                cardText: 'casevault-card:1:x',
              },
        'contacts:accept-key': () => {
          accepted = true;
          return { ...summary, keyChanged: false, fingerprint: fp(2) };
        },
      },
    });
    const user = userEvent.setup();
    renderApp('fr');
    await user.click(await screen.findByRole('button', { name: 'Contacts' }));
    await screen.findByRole('heading', { level: 1, name: 'Contacts' });
    const row = await screen.findByTestId('contact-row');
    expect(within(row).getByTestId('key-changed-badge').textContent).toBe('Clés changées');

    await user.click(within(row).getByRole('button', { name: 'Ouvrir Maître Fatou Sow' }));
    const warning = await screen.findByTestId('key-changed-warning');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toContain('Les clés de ce contact ont changé');
    expect(
      within(warning)
        .getAllByTestId('fingerprint-group')
        .map((g) => g.textContent),
    ).toEqual(fp(2).digits);
    // Verifying is impossible while the decision is pending.
    expect((screen.getByRole('button', { name: 'Vérifié en personne' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    await user.click(within(warning).getByRole('button', { name: 'Accepter les nouvelles clés…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('N’acceptez que si la personne a confirmé');
    expect(fake.callsTo('contacts:accept-key')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Accepter les nouvelles clés' }));
    expect(fake.callsTo('contacts:accept-key')).toEqual([{ id: ID }]);
    expect(await screen.findByText(/Nouvelles clés acceptées/)).toBeTruthy();
    expect(screen.queryByTestId('key-changed-warning')).toBeNull();
  });

  it('compares typed digits with the fingerprint', async () => {
    installFakeCaseVault({
      state: 'unlocked',
      settings: { language: 'en' },
      handlers: {
        'records:list-cases': () => ({ total: 0, offset: 0, rows: [] }),
        'records:overdue': () => [],
        'contacts:list': () => [{ ...summary, keyChanged: false }],
        'contacts:get': () => ({
          ...summary,
          keyChanged: false,
          current: key('current', 1),
          pending: null,
          history: [key('current', 1)],
          cardText: 'casevault-card:1:x',
        }),
      },
    });
    const user = userEvent.setup();
    renderApp('en');
    await user.click(await screen.findByRole('button', { name: 'Contacts' }));
    await user.click(await screen.findByRole('button', { name: 'Open Maître Fatou Sow' }));
    const field = await screen.findByLabelText(/^Digits they read to you/);
    const status = screen.getByTestId('digits-comparison');
    await user.type(field, `${fp(1).digits.slice(0, 2).join(' ')} `);
    expect(status.dataset.result).toBe('partial');
    await user.type(field, fp(1).digits.slice(2).join(' '));
    expect(status.dataset.result).toBe('match');
    await user.type(field, '1');
    expect(status.dataset.result).toBe('mismatch');
  });

  it('draws the QR code as SVG squares, one per dark module', () => {
    const shape = qrShape('casevault-fingerprint:1:123');
    expect(shape.viewBox).toBe(shape.size + 8);
    expect(shape.path.match(/M/g)?.length).toBeGreaterThan(shape.size * 2);
  });
});
