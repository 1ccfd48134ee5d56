import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../renderer/src/i18n/index.ts';
import { RecoveryKeyScreen } from '../../renderer/src/screens/RecoveryKeyScreen.tsx';
import { normalizeGroup, splitGroups } from '../../renderer/src/screens/recovery-groups.ts';

const KEY = '7K2M-AB3D-C0DE-1111-2222-3333-4444-5555-Q4ZD';

function renderScreen(onDone: () => void) {
  render(
    <MantineProvider>
      <I18nextProvider i18n={createI18n('fr')}>
        <RecoveryKeyScreen recoveryKey={KEY} onDone={onDone} />
      </I18nextProvider>
    </MantineProvider>,
  );
}

async function reachConfirmation() {
  const user = userEvent.setup();
  const next = screen.getByRole('button', { name: 'Continuer' });
  expect((next as HTMLButtonElement).disabled).toBe(true);
  await user.click(screen.getByLabelText('J’ai écrit la clé sur papier'));
  await user.click(next);
  const fields = await screen.findAllByLabelText(/^Groupe n°/);
  return { user, fields };
}

function groupAsked(field: HTMLElement): string {
  const label = document.querySelector(`label[for="${field.id}"]`)?.textContent ?? '';
  const n = Number(/(\d+)/.exec(label)?.[1]);
  return splitGroups(KEY)[n - 1] ?? '';
}

describe('recovery key screen', () => {
  it('shows the nine groups and has no copy button', () => {
    renderScreen(() => {});
    expect(screen.getAllByTestId('recovery-group')).toHaveLength(9);
    expect(screen.queryByRole('button', { name: /copi/i })).toBeNull();
  });

  it('refuses a wrong group', async () => {
    const onDone = vi.fn();
    renderScreen(onDone);
    const { user, fields } = await reachConfirmation();
    expect(fields).toHaveLength(2);
    await user.type(fields[0]!, 'ZZZZ');
    await user.type(fields[1]!, groupAsked(fields[1]!));
    await user.click(screen.getByRole('button', { name: 'Confirmer et ouvrir le coffre' }));
    expect(screen.getByText('Ce groupe ne correspond pas. Vérifiez votre papier.')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('accepts the right groups typed loosely (lower case, O for 0)', async () => {
    const onDone = vi.fn();
    renderScreen(onDone);
    const { user, fields } = await reachConfirmation();
    for (const field of fields) await user.type(field, groupAsked(field).toLowerCase().replace(/0/g, 'o'));
    await user.click(screen.getByRole('button', { name: 'Confirmer et ouvrir le coffre' }));
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('normalises like the core reads keys', () => {
    expect(normalizeGroup(' c0de ')).toBe('C0DE');
    expect(normalizeGroup('coDe')).toBe('C0DE');
    expect(normalizeGroup('l1iI')).toBe('1111');
  });
});
