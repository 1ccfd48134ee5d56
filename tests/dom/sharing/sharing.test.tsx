import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeError, installFakeCaseVault } from '../fake-casevault.ts';
import { renderApp } from '../render-app.tsx';

const CASE = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const CONTACT = '1a9f8e7d-6c5b-4a43-9281-7a6f5e4d3c2b';
const OPEN_ID = '2b0a9f8e-7d6c-4b54-8392-8b7a6f5e4d3c';
const RECEIVED = '3c1b0a9f-8e7d-4c65-9403-9c8b7a6f5e4d';
const SHA = 'ab'.repeat(32);
const DIGITS = Array.from({ length: 12 }, (_, i) => String(10000 + i * 7919).slice(0, 5));

const base = {
  'records:list-cases': () => ({
    total: 1,
    offset: 0,
    rows: [
      {
        id: CASE,
        code: 'DEF-2026-001',
        kind: 'defender',
        title: 'Menaces',
        status: 'open',
        sensitivity: 'high',
        openedOn: '2026-11-01',
        updatedAt: '2026-11-01T10:00:00.000Z',
      },
    ],
  }),
  'records:overdue': () => [],
  'sharing:backup-status': () => ({ lastBackupAt: null, reminderDays: 30, reminderDue: true }),
  'contacts:list': () => [
    {
      id: CONTACT,
      name: 'Maître Fatou Sow',
      organisation: 'Clinique juridique',
      cardRole: 'Avocate',
      role: 'legal',
      verification: 'in-person',
      verifiedAt: '2026-11-20T10:00:00.000Z',
      keyChanged: false,
      fingerprint: { digits: DIGITS, id: SHA, qrText: 'x' },
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    },
  ],
};

function plan(mode: 'full' | 'redacted') {
  const refused = mode === 'full';
  return {
    mode,
    cases: [{ id: CASE, code: 'DEF-2026-001', kind: 'defender' }],
    recipients: [
      {
        contactId: CONTACT,
        name: 'Maître Fatou Sow',
        organisation: 'Clinique juridique',
        role: 'legal',
        verification: 'in-person',
        fingerprintId: SHA,
        issues: [],
        refusals: refused ? [{ caseId: CASE, caseCode: 'DEF-2026-001', reason: 'role-not-consented' }] : [],
        allowed: !refused,
        redactedAllowed: true,
      },
    ],
    leaves: {
      identifying: mode === 'full',
      records: { cases: 1, people: 2 },
      recordsLeftOut: mode === 'full' ? [] : ['notes'],
      freeTextKept: [],
      evidence: [
        {
          id: CONTACT,
          caseCode: 'DEF-2026-001',
          name: 'photo.jpg',
          size: 10,
          sha256: SHA,
          mime: 'image/jpeg',
          copy: mode === 'full' ? 'original' : 'redacted-copy',
        },
      ],
      totalBytes: 10,
    },
    evidenceLeftOut: [],
    canExport: !refused,
    blockers: refused ? ['consent-refused'] : [],
  };
}

describe('sharing screens', () => {
  it('shows the consent refusal with its reason, offers the redacted mode, and only then lets the export go on', async () => {
    const fake = installFakeCaseVault({
      state: 'unlocked',
      handlers: {
        ...base,
        'sharing:plan': (input) => plan((input as { redacted: boolean }).redacted ? 'redacted' : 'full'),
      },
    });
    const user = userEvent.setup();
    renderApp('fr');
    await user.click(await screen.findByRole('button', { name: 'Partage' }));
    await screen.findByRole('heading', { level: 1, name: 'Partage' });
    expect((await screen.findByTestId('backup-reminder')).textContent).toContain('jamais été sauvegardé');
    await user.click(screen.getByRole('tab', { name: 'Exporter' }));
    await user.click(await screen.findByLabelText('DEF-2026-001 — Menaces'));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    await user.click(await screen.findByLabelText('Maître Fatou Sow — Clinique juridique'));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));

    const refused = await screen.findByTestId('consent-refused');
    expect(refused.getAttribute('role')).toBe('alert');
    expect(within(refused).getByTestId('refusal-reason').textContent).toBe(
      'Dossier DEF-2026-001\u00a0: le consentement ne couvre pas le rôle de ce destinataire',
    );
    expect(fake.callsTo('sharing:plan')).toEqual([
      { caseIds: [CASE], recipientIds: [CONTACT], redacted: false },
    ]);
    expect((screen.getByRole('button', { name: 'Suivant' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('identifying').getAttribute('data-value')).toBe('true');

    await user.click(within(screen.getByTestId('redacted-offer')).getByRole('button'));
    await screen.findByTestId('consent-ok');
    expect(fake.callsTo('sharing:plan').at(-1)).toEqual({
      caseIds: [CASE],
      recipientIds: [CONTACT],
      redacted: true,
    });
    expect(screen.getByTestId('identifying').getAttribute('data-value')).toBe('false');
    expect(screen.getByTestId('leaving-item').textContent).toBe(
      'photo.jpg (DEF-2026-001)\u00a0: copie caviardée',
    );
    expect((screen.getByRole('button', { name: 'Suivant' }) as HTMLButtonElement).disabled).toBe(false);
    expect(fake.callsTo('sharing:export')).toEqual([]);
  });

  it('shows the verification results before any import, and imports only on request', async () => {
    const fake = installFakeCaseVault({
      state: 'unlocked',
      handlers: {
        ...base,
        'sharing:open': () => ({
          cancelled: false,
          fileName: 'de-aissatou.cvx',
          openId: OPEN_ID,
          failure: null,
          report: {
            kind: 'export',
            exportId: CASE,
            createdAt: '2026-11-23T10:00:00.000Z',
            purpose: 'Suivi juridique',
            sender: { fingerprintId: SHA, fingerprintDigits: DIGITS, known: false, name: 'Aïssatou' },
            fileSha256: SHA,
            fileLength: 2000,
            records: { counts: { cases: 1, people: 1 }, size: 100 },
            files: [{ id: 'f1', name: 'photo.jpg', size: 10, sha256: SHA }],
            recipients: 1,
            checks: ['signature', 'file-hashes'],
          },
        }),
        'sharing:import': () => ({ receivedId: RECEIVED }),
        'sharing:received-list': () => [],
      },
    });
    const user = userEvent.setup();
    renderApp('fr');
    await user.click(await screen.findByRole('button', { name: 'Partage' }));
    await user.click(await screen.findByRole('button', { name: 'Choisir un fichier…' }));
    const report = await screen.findByTestId('verification-report');
    // Unknown sender: the warning and the digits, before anything else.
    expect(within(report).getByTestId('unknown-sender').getAttribute('role')).toBe('alert');
    expect(
      within(report)
        .getAllByTestId('fingerprint-group')
        .map((g) => g.textContent),
    ).toEqual(DIGITS);
    expect(
      within(report)
        .getAllByTestId('check')
        .map((c) => c.textContent),
    ).toEqual(['RéussieSignature valide', 'RéussieChaque fichier correspond à son SHA-256']);
    expect(within(report).getByTestId('manifest-summary').textContent).toContain('Suivi juridique');
    expect(fake.callsTo('sharing:import')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Importer dans Reçus' }));
    expect(fake.callsTo('sharing:import')).toEqual([{ openId: OPEN_ID, taskId: expect.any(String) }]);
    expect(await screen.findByText('Rien reçu pour l’instant.')).toBeTruthy();
  });

  it('a file that fails verification shows the precise reason and no import button', async () => {
    installFakeCaseVault({
      state: 'unlocked',
      settings: { language: 'en' },
      handlers: {
        ...base,
        'sharing:open': () => ({
          cancelled: false,
          fileName: 'forged.cvx',
          openId: null,
          report: null,
          failure: { code: 'EXPORT_BAD_SIGNATURE' },
        }),
        'sharing:exports-log': () => {
          throw new FakeError('VAULT_LOCKED');
        },
      },
    });
    const user = userEvent.setup();
    renderApp('en');
    await user.click(await screen.findByRole('button', { name: 'Sharing' }));
    await user.click(await screen.findByRole('button', { name: 'Choose a file…' }));
    const failed = await screen.findByTestId('verification-failed');
    expect(failed.getAttribute('data-code')).toBe('EXPORT_BAD_SIGNATURE');
    expect(failed.textContent).toContain('Nothing was imported.');
    expect(screen.queryByRole('button', { name: 'Import into Received' })).toBeNull();
  });

  it('warns about an unverified recipient and blocks one whose key changed', async () => {
    const contact = (base['contacts:list']() as Array<Record<string, unknown>>)[0]!;
    installFakeCaseVault({
      state: 'unlocked',
      handlers: {
        ...base,
        'contacts:list': () => [
          { ...contact, verification: 'unverified', verifiedAt: null },
          { ...contact, id: RECEIVED, name: 'Dr Kouassi', organisation: 'Centre de santé', keyChanged: true },
        ],
      },
    });
    const user = userEvent.setup();
    renderApp('fr');
    await user.click(await screen.findByRole('button', { name: 'Partage' }));
    await user.click(await screen.findByRole('tab', { name: 'Exporter' }));
    await user.click(await screen.findByLabelText('DEF-2026-001 — Menaces'));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    const blocked = (await screen.findByLabelText('Dr Kouassi — Centre de santé')) as HTMLInputElement;
    expect(blocked.disabled).toBe(true);
    expect(screen.getByText(/ne peut pas être choisi tant que/)).toBeTruthy();
    expect(screen.queryByTestId('unverified-warning')).toBeNull();
    await user.click(screen.getByLabelText('Maître Fatou Sow — Clinique juridique'));
    expect((await screen.findByTestId('unverified-warning')).getAttribute('role')).toBe('alert');
  });
});
