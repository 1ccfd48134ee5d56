import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { messageFor } from '../../shared/errors.ts';
import { FakeError, installFakeCaseVault } from './fake-casevault.ts';
import { renderApp } from './render-app.tsx';

describe('unlock screen', () => {
  it('shows WRONG_PASSPHRASE in French with its code, empties the field, and follows a switch to English', async () => {
    const fake = installFakeCaseVault({
      state: 'locked',
      handlers: {
        'vault:unlock': () => {
          throw new FakeError('WRONG_PASSPHRASE');
        },
      },
    });
    const user = userEvent.setup();
    renderApp('fr');
    const field = await screen.findByLabelText(/^Phrase de passe/);
    expect(document.activeElement).toBe(field);
    await user.type(field, 'pas la bonne phrase{Enter}');

    const alert = await screen.findByTestId('error-alert');
    expect(alert.textContent).toContain(messageFor('WRONG_PASSPHRASE', 'fr'));
    expect(alert.textContent).toContain('WRONG_PASSPHRASE');
    expect((field as HTMLInputElement).value).toBe('');
    expect(fake.callsTo('vault:unlock')).toEqual([{ passphrase: 'pas la bonne phrase' }]);

    await user.click(screen.getByText('EN'));
    expect(await screen.findByText(messageFor('WRONG_PASSPHRASE', 'en'))).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(fake.callsTo('settings:set')).toEqual([{ language: 'en' }]);
    // Switching language re-renders; it must not restart the app (which would drop the screen).
    expect(fake.callsTo('vault:status')).toHaveLength(1);
  });

  it('goes home on success, and back to unlock with the reason when main says it locked', async () => {
    const fake = installFakeCaseVault({
      state: 'locked',
      settings: { language: 'en' },
      handlers: { 'vault:unlock': () => ({ ok: true }) },
    });
    const user = userEvent.setup();
    renderApp('en');
    await user.type(await screen.findByLabelText(/^Passphrase/), 'the right one{Enter}');
    expect(await screen.findByRole('heading', { name: 'Your vault' })).toBeTruthy();

    act(() => fake.emit('vault:locked', { reason: 'idle' }));
    expect(await screen.findByText('The vault locked itself after a period of inactivity.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Your vault' })).toBeNull();
  });

  it('panic shortcut calls app:panic and leaves the unlocked screens', async () => {
    const fake = installFakeCaseVault({ state: 'unlocked' });
    const user = userEvent.setup();
    renderApp('fr');
    expect(await screen.findByRole('heading', { name: 'Votre coffre' })).toBeTruthy();
    await user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    expect(fake.callsTo('app:panic')).toHaveLength(1);
    expect(await screen.findByRole('heading', { name: 'Déverrouiller le coffre' })).toBeTruthy();
  });
});
