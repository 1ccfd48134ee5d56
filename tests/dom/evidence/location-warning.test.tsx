/**
 * A photo that carries GPS coordinates says so, loudly, where the user looks at it: in the item view
 * (an alert with the coordinates and what to do instead), on its gallery card, and again in the
 * "save a decrypted copy" warning. A file without a position shows none of it.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EvidenceTab } from '../../../renderer/src/evidence/EvidenceTab.tsx';
import type { EvidenceDetail, EvidenceItem } from '../../../shared/evidence/schemas.ts';
import { installFakeCaseVault } from '../fake-casevault.ts';
import { CASE_ID, renderInCase } from './render-case.tsx';

const ITEM_ID = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';

function item(hasLocation: boolean): EvidenceItem {
  return {
    id: ITEM_ID,
    caseId: CASE_ID,
    originalName: 'IMG_2031.jpg',
    detectedType: { mime: 'image/jpeg', ext: 'jpg', category: 'image' },
    size: 48_213,
    sha256: 'a'.repeat(64),
    addedAt: '2026-03-02T10:00:00Z',
    addedBy: 'owner',
    source: { kind: 'device' },
    hasLocation,
    redactedCopies: [],
  };
}

function detail(hasLocation: boolean): EvidenceDetail {
  return {
    item: item(hasLocation),
    metadata: hasLocation
      ? { gps: { lat: 6.3702928, lon: 2.3912362 }, device: { make: 'Tecno', model: 'Spark 10' } }
      : { device: { make: 'Tecno', model: 'Spark 10' } },
    custody: [
      {
        seq: 4,
        at: '2026-03-02T10:00:00Z',
        actor: 'owner',
        action: 'acquire',
        hash: 'a'.repeat(64),
        detail: {},
      },
    ],
  };
}

function install(hasLocation: boolean) {
  return installFakeCaseVault({
    state: 'unlocked',
    handlers: {
      'evidence:list': () => ({ items: [item(hasLocation)], total: 1 }),
      'evidence:get': () => detail(hasLocation),
    },
  });
}

describe('location warning', () => {
  it('warns in the item view, with the coordinates, and offers a redacted copy (French)', async () => {
    install(true);
    const user = userEvent.setup();
    renderInCase(<EvidenceTab />);
    const card = await screen.findByRole('button', { name: 'Ouvrir IMG_2031.jpg' });
    expect(within(card.parentElement!).getByText('Localisation')).toBeTruthy();
    await user.click(card);
    const warning = await screen.findByTestId('location-warning');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toContain('Ce fichier révèle un lieu');
    expect(warning.textContent).toContain('6.37029, 2.39124');
    expect(warning.textContent).toContain('copie expurgée');
    expect(within(warning).getByRole('button', { name: 'Créer une copie expurgée' })).toBeTruthy();
    expect(screen.getByTestId('evidence-metadata').textContent).toContain('Position GPS');
  });

  it('repeats it in the save-a-decrypted-copy warning (English)', async () => {
    const fake = install(true);
    const user = userEvent.setup();
    renderInCase(<EvidenceTab />, { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Open IMG_2031.jpg' }));
    expect((await screen.findByTestId('location-warning')).textContent).toContain(
      'This file reveals a location',
    );
    await user.click(screen.getByRole('button', { name: 'Save a decrypted copy…' }));
    const dialog = await screen.findByTestId('save-copy-warning');
    expect(dialog.textContent).toContain('This file carries a GPS location: the copy carries it too.');
    expect(dialog.textContent).toContain('written in clear');
    // Nothing crossed to main yet: the copy is made only after the user confirms.
    expect(fake.callsTo('evidence:save-copy')).toEqual([]);
  });

  it('shows no warning for a file without a position', async () => {
    install(false);
    const user = userEvent.setup();
    renderInCase(<EvidenceTab />);
    const card = await screen.findByRole('button', { name: 'Ouvrir IMG_2031.jpg' });
    expect(within(card.parentElement!).queryByText('Localisation')).toBeNull();
    await user.click(card);
    await screen.findByTestId('evidence-facts');
    expect(screen.queryByTestId('location-warning')).toBeNull();
    expect(screen.getByTestId('evidence-metadata').textContent).not.toContain('Position GPS');
  });
});
