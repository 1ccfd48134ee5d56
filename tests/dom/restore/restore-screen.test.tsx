/**
 * Restore from a backup, from the first-run screen, against a fake main: the file is picked by
 * main (the renderer only ever holds a pickId and a name), the backup is verified and its signer,
 * date, contents and history shown before the restore can start, errors show with their code in
 * French and English, and a restore ends on the recovery key with what came back.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { messageFor } from '../../../shared/errors.ts';
import { FakeError, installFakeCaseVault } from '../fake-casevault.ts';
import { renderApp } from '../render-app.tsx';

const PICK = '22222222-2222-4222-8222-222222222222';
const DIGITS = Array.from({ length: 12 }, (_, i) => String(10000 + i));
const inspection = (history: boolean) => ({
  backupId: '33333333-3333-4333-8333-333333333333',
  createdAt: '2026-11-20T10:00:00.000Z',
  fileSha256: 'a'.repeat(64),
  fileLength: 4096,
  signer: { fingerprintId: 'b'.repeat(64), fingerprintDigits: DIGITS, name: 'Awa' },
  records: { cases: 2, incidents: 3 },
  files: 4,
  bytes: 1000,
  history,
});
const NEW_PASS = 'rivière lente sous les manguiers 2026';

async function reachVerify(history = true) {
  const fake = installFakeCaseVault({
    state: 'none',
    handlers: {
      'vault:restore-pick': () => ({
        cancelled: false,
        pickId: PICK,
        fileName: 'casevault-backup-2026-11-20.cvx',
      }),
      'vault:restore-verify': () => inspection(history),
      'vault:restore': () => ({
        recoveryKey: '7K2M-AB3D-C0DE-1111-2222-3333-4444-5555-Q4ZD',
        backupId: '33333333-3333-4333-8333-333333333333',
        records: { cases: 2, incidents: 3 },
        files: 4,
        history: history ? { segments: 1, entries: 17 } : null,
      }),
    },
  });
  const user = userEvent.setup();
  renderApp('fr');
  await user.click(await screen.findByRole('button', { name: 'Restaurer une sauvegarde…' }));
  await user.click(await screen.findByRole('button', { name: 'Choisir le fichier de sauvegarde…' }));
  expect((await screen.findByTestId('restore-file-name')).textContent).toBe(
    'casevault-backup-2026-11-20.cvx',
  );
  return { fake, user };
}

describe('restore screen', () => {
  it('verifies before anything is written, then restores and shows the recovery key with the history kept', async () => {
    const { fake, user } = await reachVerify();
    // No restore step before the backup is verified.
    expect(screen.queryByTestId('restore-start')).toBeNull();
    await user.type(screen.getByLabelText(/^Phrase de passe de la sauvegarde/), 'phrase de la sauvegarde');
    await user.click(screen.getByRole('button', { name: 'Vérifier la sauvegarde' }));
    const shown = await screen.findByTestId('restore-inspection');
    expect(shown.textContent).toContain('Rien n’a encore été écrit.');
    expect(screen.getByTestId('restore-signer').textContent).toContain('Awa');
    expect(screen.getByTestId('restore-contents').textContent).toContain('Dossiers\u00a0: 2');
    expect(screen.getByTestId('restore-contents').textContent).toContain(
      'Éléments de preuve et fichiers reçus\u00a0: 4',
    );
    expect(screen.getAllByTestId('fingerprint-group').map((g) => g.textContent)).toEqual(DIGITS);
    expect(screen.getByTestId('restore-history').textContent).toContain('L’historique d’audit est inclus');
    expect(fake.callsTo('vault:restore-verify')).toEqual([
      { pickId: PICK, backupPassphrase: 'phrase de la sauvegarde', taskId: expect.any(String) },
    ]);
    expect(fake.callsTo('vault:restore')).toEqual([]);

    await user.type(screen.getByLabelText(/^Nouvelle phrase de passe/), NEW_PASS);
    await user.type(screen.getByLabelText(/^Confirmez la phrase de passe/), NEW_PASS);
    await user.click(screen.getByRole('button', { name: 'Restaurer le coffre' }));
    const notice = await screen.findByTestId('restored-notice');
    expect(notice.textContent).toContain('Historique d’audit restauré et vérifié\u00a0: 17 entrées');
    expect(screen.getAllByTestId('recovery-group')).toHaveLength(9);
    const [request] = fake.callsTo('vault:restore') as Array<Record<string, unknown>>;
    expect(request).toEqual({
      pickId: PICK,
      backupPassphrase: 'phrase de la sauvegarde',
      newPassphrase: NEW_PASS,
      kdf: 'moderate',
      taskId: expect.any(String),
    });
    // Nothing the renderer sent names a path or a folder.
    expect(JSON.stringify(fake.calls)).not.toMatch(/\/|\\\\/);
  });

  it('says plainly when an older backup carries no history', async () => {
    const { user } = await reachVerify(false);
    await user.type(screen.getByLabelText(/^Phrase de passe de la sauvegarde/), 'phrase de la sauvegarde');
    await user.click(screen.getByRole('button', { name: 'Vérifier la sauvegarde' }));
    expect((await screen.findByTestId('restore-history')).textContent).toContain(
      'ne contient pas l’historique d’audit',
    );
  });

  it('shows a failed check with its code, in French then in English, and offers no restore', async () => {
    const { fake, user } = await reachVerify();
    fake.handlers['vault:restore-verify'] = () => {
      throw new FakeError('BACKUP_HISTORY_INVALID');
    };
    await user.type(screen.getByLabelText(/^Phrase de passe de la sauvegarde/), 'phrase de la sauvegarde');
    await user.click(screen.getByRole('button', { name: 'Vérifier la sauvegarde' }));
    const alert = await screen.findByTestId('error-alert');
    expect(alert.getAttribute('data-code')).toBe('BACKUP_HISTORY_INVALID');
    expect(alert.textContent).toContain(messageFor('BACKUP_HISTORY_INVALID', 'fr'));
    expect(screen.queryByTestId('restore-start')).toBeNull();
    await user.click(screen.getByText('EN'));
    await waitFor(() =>
      expect(screen.getByTestId('error-alert').textContent).toContain(
        messageFor('BACKUP_HISTORY_INVALID', 'en'),
      ),
    );
  });

  it('goes back to the create screen', async () => {
    const { user } = await reachVerify();
    await user.click(screen.getByTestId('restore-back'));
    expect(await screen.findByRole('button', { name: 'Créer le coffre' })).toBeTruthy();
  });
});
