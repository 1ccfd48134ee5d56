/**
 * Sealed reports in the UI: on the Reports screen, "Send sealed to contacts" says what leaves,
 * picks recipients as the export wizard does (a changed key cannot be picked, unverified warns),
 * asks the purpose and passphrase and sends the screen's own query; in the Received area, a
 * received report opens read-only with the report tables and notes — and a model that does not
 * pass the schema is not drawn.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReportCell, ReportModel } from '../../../shared/reports/model.ts';
import { installFakeCaseVault } from '../fake-casevault.ts';
import { renderApp } from '../render-app.tsx';

const SHA = 'ab'.repeat(32);
const DIGITS = Array.from({ length: 12 }, (_, i) => String(10000 + i * 7919).slice(0, 5));
const RECEIVED = '3c1b0a9f-8e7d-4c65-9403-9c8b7a6f5e4d';
const EXPORT = '4d2c1b0a-9f8e-4d76-8514-0d9c8b7a6f5e';
const shown = (value: number): ReportCell => ({ status: 'shown', value });
const small: ReportCell = { status: 'small', value: null };
const L = (en: string, fr = en) => ({ en, fr });

const MODEL: ReportModel = {
  format: 'casevault.report/1',
  reportId: 'intake',
  label: L('Intake', 'Accueil'),
  description: L('Cases opened', 'Dossiers ouverts'),
  period: { from: '2025-01-01', to: '2025-03-31', granularity: 'quarter' },
  threshold: 5,
  notes: { excludedForConsent: small, suppressedCells: 3 },
  tables: [
    {
      id: 'intake-by-kind',
      label: L('Cases by kind', 'Dossiers par type'),
      unit: 'case',
      unitLabel: L('cases', 'dossiers'),
      measure: { kind: 'count' },
      chart: 'bar',
      rowDimension: { id: 'caseKind', label: L('Kind of case', 'Type de dossier') },
      columnDimension: null,
      rows: [
        { code: 'child-helpline', label: L('Child helpline', 'Ligne d’écoute enfants') },
        { code: 'psea', label: L('PSEA complaint', 'Plainte EAS') },
      ],
      columns: [],
      cells: [[], []],
      rowTotals: [shown(12), small],
      columnTotals: [],
      total: { status: 'protected', value: null },
      statistics: null,
      rates: null,
    },
  ],
};

const contact = (id: string, name: string, extra: Record<string, unknown>) => ({
  id,
  name,
  organisation: 'Coordination',
  cardRole: 'Coordinatrice',
  role: 'coordination',
  verification: 'in-person',
  verifiedAt: '2026-11-20T10:00:00.000Z',
  keyChanged: false,
  fingerprint: { digits: DIGITS, id: SHA, qrText: 'x' },
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  ...extra,
});
const VERIFIED = '1a9f8e7d-6c5b-4a43-9281-7a6f5e4d3c2b';
const UNVERIFIED = '2b0a9f8e-7d6c-4b54-8392-8b7a6f5e4d3c';
const CHANGED = '5e3d2c1b-0a9f-4e87-9625-1e0d9c8b7a6f';

const base = {
  'records:list-cases': () => ({ total: 0, offset: 0, rows: [] }),
  'records:overdue': () => [],
  'reports:list': () => [{ id: 'intake', label: MODEL.label, description: MODEL.description, tables: [] }],
  'reports:build': () => MODEL,
  'sharing:backup-status': () => ({ lastBackupAt: null, reminderDays: 30, reminderDue: false }),
  'contacts:list': () => [
    contact(VERIFIED, 'Awa Ndiaye', {}),
    contact(UNVERIFIED, 'Jean Kaboré', { verification: 'unverified', verifiedAt: null }),
    contact(CHANGED, 'Mariam Traoré', { keyChanged: true }),
  ],
};

describe('sealed reports in the UI', () => {
  it('sends the report on screen sealed to the chosen contacts, with the exporter’s recipient rules', async () => {
    const fake = installFakeCaseVault({
      state: 'unlocked',
      handlers: {
        ...base,
        'sharing:report-export': () => ({
          saved: true,
          exportId: EXPORT,
          fileName: 'rapport.cvx',
          sha256: SHA,
          bytes: 4000,
        }),
      },
    });
    const user = userEvent.setup();
    renderApp('fr');
    await user.click(await screen.findByRole('button', { name: 'Rapports' }));
    await screen.findByTestId('report-table-intake-by-kind');
    await user.click(screen.getByRole('button', { name: 'Envoyer scellé aux contacts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Envoyer ce rapport scellé à des contacts' });
    const leaves = within(dialog).getByTestId('report-seal-leaves');
    expect(leaves.textContent).toContain('Seulement des chiffres protégés');
    expect(leaves.textContent).toContain('3 autres cellules masquées');

    // A contact whose key changed cannot be picked; an unverified one warns.
    expect(within(dialog).getByLabelText('Mariam Traoré — Coordination')).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByLabelText('Jean Kaboré — Coordination'));
    expect(within(dialog).getByTestId('unverified-warning').getAttribute('role')).toBe('alert');
    await user.click(within(dialog).getByLabelText('Awa Ndiaye — Coordination'));
    await user.click(within(dialog).getByRole('button', { name: 'Suivant' }));

    await user.type(
      within(dialog).getByLabelText(/^Objet de l’export/, { selector: 'textarea' }),
      'Coordination trimestrielle',
    );
    await user.type(
      within(dialog).getByLabelText(/^Phrase de passe du coffre/, { selector: 'input' }),
      'la phrase du coffre',
    );
    await user.click(within(dialog).getByRole('button', { name: /Créer l’export/ }));
    expect((await within(dialog).findByTestId('export-sha256')).textContent).toBe(SHA);
    const [request] = fake.callsTo('sharing:report-export') as Array<Record<string, unknown>>;
    // The very query the screen built the report from: the same protected model is sealed.
    expect(request!.query).toEqual(fake.callsTo('reports:build').at(-1));
    expect(request).toMatchObject({
      lang: 'fr',
      recipientIds: [UNVERIFIED, VERIFIED],
      purpose: 'Coordination trimestrielle',
      passphrase: 'la phrase du coffre',
    });
  });

  it('opens a received report read-only with its tables and notes; refuses to draw a malformed one', async () => {
    const summary = {
      id: RECEIVED,
      exportId: EXPORT,
      receivedAt: '2026-11-23T10:00:00.000Z',
      createdAt: '2026-11-23T09:00:00.000Z',
      purpose: 'Coordination trimestrielle',
      sender: { fingerprintId: SHA, fingerprintDigits: DIGITS, known: true, name: 'Awa Ndiaye' },
      fileSha256: SHA,
      records: {},
      files: 2,
      receiptCreatedAt: null,
      kind: 'report',
      report: {
        format: 'casevault.report/1',
        reportId: 'intake',
        from: '2025-01-01',
        to: '2025-03-31',
        granularity: 'quarter',
        threshold: 5,
        language: 'fr',
      },
    };
    let model: unknown = MODEL;
    installFakeCaseVault({
      state: 'unlocked',
      handlers: {
        ...base,
        'sharing:received-list': () => [summary],
        'sharing:received-get': () => ({ ...summary, recordsJson: null, fileList: [] }),
        'sharing:received-report': () => model,
      },
    });
    const user = userEvent.setup();
    renderApp('fr');
    await user.click(await screen.findByRole('button', { name: 'Partage' }));
    await user.click(await screen.findByRole('tab', { name: 'Reçus' }));
    const row = await screen.findByTestId('received-row');
    expect(within(row).getByTestId('received-report-badge').textContent).toBe('Rapport');
    await user.click(within(row).getByRole('button', { name: /Ouvrir/ }));
    const view = await screen.findByTestId('received-report');
    expect((await within(view).findByTestId('received-report-title')).textContent).toBe(
      'Rapport reçu\u00a0: Accueil',
    );
    const table = within(view).getByTestId('report-table-intake-by-kind');
    expect(
      within(table)
        .getAllByLabelText('Masqué : moins de 5')
        .map((c) => c.textContent),
    ).toEqual(['<5']);
    expect(within(view).getByTestId('report-notes').textContent).toContain('entre 1 et 4');
    // Read-only: nothing to send, save or edit the report from here.
    expect(within(view).queryByRole('button')).toBeNull();

    // A model whose small cell carries its number is not drawn.
    model = { ...MODEL, notes: { ...MODEL.notes, excludedForConsent: { status: 'small', value: 2 } } };
    await user.click(screen.getByRole('button', { name: /Retour/ }));
    await user.click(
      within(await screen.findByTestId('received-row')).getByRole('button', { name: /Ouvrir/ }),
    );
    const second = await screen.findByTestId('received-report');
    expect(await within(second).findByRole('alert')).toBeTruthy();
    expect(within(second).queryByTestId('report-table-intake-by-kind')).toBeNull();
  });
});
