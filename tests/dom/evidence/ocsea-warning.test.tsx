/**
 * OCSEA cases: before files are added, the user is warned that images and videos of child sexual
 * abuse must not be stored, and offered to record the report instead. Nothing reaches
 * `evidence:add` until they choose; "add anyway" says so explicitly (ocseaAcknowledged), and the
 * report form records the report without any file. Other cases add directly, without the flag.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EvidenceTab } from '../../../renderer/src/evidence/EvidenceTab.tsx';
import { installFakeCaseVault } from '../fake-casevault.ts';
import { renderInCase } from './render-case.tsx';

const TOKEN = 'b'.repeat(64);

function install() {
  return installFakeCaseVault({
    state: 'unlocked',
    handlers: {
      'evidence:list': () => ({ items: [], total: 0 }),
      'files:pick': () => ({ files: [{ token: TOKEN, name: 'capture.png', size: 2048 }], refused: [] }),
      'evidence:add': () => ({ items: [], failed: [], cancelled: false }),
      'records:create': (input) => ({
        id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        createdAt: '2026-03-02T10:00:00Z',
        updatedAt: '2026-03-02T10:00:00Z',
        ...(input as { data: object }).data,
      }),
    },
  });
}

describe('OCSEA warning', () => {
  it('warns before adding and records the report instead, sending no file', async () => {
    const fake = install();
    const user = userEvent.setup();
    renderInCase(<EvidenceTab />, { kind: 'ocsea-report' });
    expect((await screen.findByTestId('ocsea-banner')).textContent).toContain(
      'Ne conservez jamais d’images ou de vidéos d’abus sexuels sur enfants',
    );
    await user.click(screen.getByTestId('choose-files'));
    await user.click(await screen.findByRole('button', { name: 'Ajouter 1 fichier au coffre' }));
    const warning = await screen.findByTestId('ocsea-warning');
    expect(warning.textContent).toContain('signalez-les à une ligne de signalement');
    expect(fake.callsTo('evidence:add')).toEqual([]);

    await user.click(within(warning).getByRole('button', { name: 'Enregistrer le signalement à la place' }));
    const form = await screen.findByTestId('ocsea-report-form');
    await user.type(within(form).getByLabelText(/^Plateforme/), 'Réseau social X');
    await user.type(within(form).getByLabelText(/^Adresse \(URL\)/), 'https://example.org/post/123');
    await user.click(within(form).getByLabelText(/^Signalé à/));
    await user.click(await screen.findByRole('option', { name: 'Portail de signalement IWF', hidden: true }));
    await user.click(within(form).getByRole('button', { name: 'Enregistrer le signalement' }));
    const created = fake.callsTo('records:create') as Array<{
      entity: string;
      data: Record<string, unknown>;
    }>;
    expect(created).toHaveLength(1);
    expect(created[0]!.entity).toBe('ocseaReport');
    expect(created[0]!.data).toMatchObject({ platform: 'Réseau social X', hotline: 'iwf' });
    expect(fake.callsTo('evidence:add')).toEqual([]);
  });

  it('adds only after "I am sure", and says so to main', async () => {
    const fake = install();
    const user = userEvent.setup();
    renderInCase(<EvidenceTab />, { kind: 'ocsea-report', language: 'en' });
    await user.click(await screen.findByTestId('choose-files'));
    await user.click(await screen.findByRole('button', { name: 'Add 1 file to the vault' }));
    const warning = await screen.findByTestId('ocsea-warning');
    await user.click(within(warning).getByRole('button', { name: 'I am sure: add the files' }));
    await screen.findByTestId('add-summary');
    const sent = fake.callsTo('evidence:add') as Array<Record<string, unknown>>;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ tokens: [TOKEN], ocseaAcknowledged: true });
  });

  it('does not warn in other cases, and never claims an acknowledgement', async () => {
    const fake = install();
    const user = userEvent.setup();
    renderInCase(<EvidenceTab />, { kind: 'defender-protection', language: 'en' });
    await user.click(await screen.findByTestId('choose-files'));
    await user.click(await screen.findByRole('button', { name: 'Add 1 file to the vault' }));
    await screen.findByTestId('add-summary');
    expect(screen.queryByTestId('ocsea-banner')).toBeNull();
    expect(screen.queryByTestId('ocsea-warning')).toBeNull();
    const sent = fake.callsTo('evidence:add') as Array<Record<string, unknown>>;
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toHaveProperty('ocseaAcknowledged');
  });
});
