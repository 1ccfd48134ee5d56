import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { estimateStrength } from '../../renderer/src/passphrase/strength.ts';
import { messageFor } from '../../shared/errors.ts';
import { installFakeCaseVault } from './fake-casevault.ts';
import { renderApp } from './render-app.tsx';

const STRONG = 'baobab violet trottinette lagune';

describe('passphrase strength rule (mirrors PASSPHRASE_TOO_WEAK)', () => {
  it('refuses short, refuses long-but-guessable, accepts several unrelated words', () => {
    expect(estimateStrength('Tr0ub4dor&3', 'fr').acceptable).toBe(false);
    expect(estimateStrength('motdepasse123', 'fr').acceptable).toBe(false);
    expect(estimateStrength('aaaaaaaaaaaaaaaa', 'en').acceptable).toBe(false);
    expect(estimateStrength(STRONG, 'fr').acceptable).toBe(true);
  });
});

describe('create vault screen', () => {
  it('does not send a weak passphrase to main and says why, in French', async () => {
    const fake = installFakeCaseVault({
      state: 'none',
      handlers: { 'vault:create': () => ({ recoveryKey: 'AAAA-BBBB' }) },
    });
    const user = userEvent.setup();
    renderApp('fr');
    const field = await screen.findByLabelText(/^Nouvelle phrase de passe/);
    await user.type(field, 'motdepasse123');
    await user.type(screen.getByLabelText(/^Confirmez la phrase de passe/), 'motdepasse123');
    await user.click(screen.getByRole('button', { name: 'Créer le coffre' }));

    expect(await screen.findByText(messageFor('PASSPHRASE_TOO_WEAK', 'fr'))).toBeTruthy();
    expect(fake.callsTo('vault:create')).toEqual([]);
  });

  it('sends a strong, confirmed passphrase with the moderate KDF by default, then shows the key', async () => {
    const fake = installFakeCaseVault({
      state: 'none',
      settings: { language: 'en' },
      handlers: {
        'vault:create': () => ({ recoveryKey: '7K2M-AB3D-0000-1111-2222-3333-4444-5555-Q4ZD' }),
      },
    });
    const user = userEvent.setup();
    renderApp('en');
    const field = await screen.findByLabelText(/^New passphrase/);
    await user.type(field, STRONG);
    await waitFor(() => expect(screen.getByText(/This passphrase is accepted/)).toBeTruthy());
    await user.type(screen.getByLabelText(/^Confirm the passphrase/), STRONG);
    await user.click(screen.getByRole('button', { name: 'Create the vault' }));

    expect(await screen.findByRole('heading', { name: 'Your recovery key' })).toBeTruthy();
    expect(fake.callsTo('vault:create')).toEqual([{ passphrase: STRONG, kdf: 'moderate' }]);
    expect(screen.getAllByTestId('recovery-group').map((node) => node.textContent)).toContain('Q4ZD');
  });

  it('refuses a confirmation that differs', async () => {
    const fake = installFakeCaseVault({ state: 'none' });
    const user = userEvent.setup();
    renderApp('fr');
    await user.type(await screen.findByLabelText(/^Nouvelle phrase de passe/), STRONG);
    await user.type(screen.getByLabelText(/^Confirmez la phrase de passe/), `${STRONG}x`);
    await user.click(screen.getByRole('button', { name: 'Créer le coffre' }));
    expect(screen.getByText('Les deux phrases de passe ne sont pas identiques.')).toBeTruthy();
    expect(fake.callsTo('vault:create')).toEqual([]);
  });
});
