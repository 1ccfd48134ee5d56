/**
 * Identities and contacts in the built renderer, in Chromium, against the real main registry and
 * vault core, between two vaults: Alice sets her identity and gives her card (text form, and the
 * file through main's save dialog); Bob imports the text, compares the digits and marks Alice
 * verified in person; then a card with Alice's name and organisation but other keys (made by the
 * core) arrives as a file → flagged, shown with both fingerprints, accepted behind a warning →
 * Alice is "not verified" again. Screenshots: tests/e2e/screenshots/identity-<screen>-<lang>.png;
 * axe on every screen (no serious/critical).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../electron/core/crypto/sodium.ts';
import { cardToFile, parseCard } from '../../electron/core/identity/card.ts';
import { makeCard } from '../unit/core/identity/card-helpers.ts';
import { checkScreen, createVaultThroughUi, heading } from './flows.ts';
import { assertRendererBuilt, type RunningApp, SCREENSHOTS_DIR, startApp } from './harness.ts';

let app: RunningApp | undefined;

beforeAll(() => {
  assertRendererBuilt();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

describe('identities and contacts in Chromium (real vault core, two vaults)', () => {
  it('identity card → import in another vault → verify → changed key flagged → accepted', async () => {
    // Alice: her identity and her card.
    app = await startApp();
    let page = app.page;
    await createVaultThroughUi(page);
    await nav(page, 'Identité');
    await heading(page, 'Mon identité');
    await page.getByText('Indiquez votre nom pour pouvoir partager votre carte de clés.').first().waitFor();
    await page.getByLabel(/^Nom/).fill('Aïssatou Diallo');
    await page.getByLabel(/^Organisation/).fill('Réseau des défenseures de Thiès');
    await page.getByLabel(/^Rôle ou fonction/).fill('Coordinatrice');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByTestId('card-text').waitFor();
    const aliceCard = await page.getByTestId('card-text').inputValue();
    expect(aliceCard).toMatch(/^casevault-card:1:[A-Za-z0-9_-]+$/);
    const aliceDigits = await page.getByTestId('fingerprint-group').allInnerTexts();
    expect(aliceDigits).toHaveLength(12);
    expect(await page.getByTestId('fingerprint-qr').count()).toBe(1);
    await checkScreen(page, 'identity', 'my-card');

    // The card file, through main's save dialog (the stand-in answers with a path).
    const cardFile = join(app.workDir, 'aissatou.cvcard');
    app.dialogs.nextSave.push(cardFile);
    await page.getByRole('button', { name: 'Enregistrer le fichier de carte…' }).click();
    await page.getByText('Fichier de carte de clés enregistré.').waitFor();
    expect(app.dialogs.calls.at(-1)).toMatchObject({
      kind: 'save',
      options: { defaultName: 'Aissatou-Diallo.cvcard' },
    });
    const sodium = await loadSodium();
    expect(parseCard(sodium, readFileSync(cardFile, 'utf8')).name).toBe('Aïssatou Diallo');

    // The same screen in English.
    await page.getByText('EN', { exact: true }).click();
    await heading(page, 'My identity');
    await checkScreen(page, 'identity', 'my-card');
    await app.close();
    app = undefined;

    // Bob: imports Alice's card text.
    app = await startApp();
    page = app.page;
    await createVaultThroughUi(page);
    await nav(page, 'Contacts');
    await heading(page, 'Contacts');
    await page.getByText('Aucun contact pour l’instant.', { exact: false }).waitFor();
    await page.getByLabel('Texte de la carte de clés').fill(aliceCard);
    // Before importing: who the card is for, its fingerprint, and what importing would do.
    const preview = page.getByTestId('card-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('data-outcome')).toBe('added');
    expect(await preview.getByTestId('fingerprint-group').allInnerTexts()).toEqual(aliceDigits);
    await checkScreen(page, 'identity', 'import-preview');
    await page.getByRole('button', { name: 'Importer la carte collée' }).click();
    await expect.poll(() => page.getByTestId('import-outcome').getAttribute('data-outcome')).toBe('added');
    await page.getByTestId('contact-row').waitFor();
    await checkScreen(page, 'identity', 'contacts');

    await page.getByRole('button', { name: 'Ouvrir Aïssatou Diallo' }).click();
    await heading(page, 'Aïssatou Diallo');
    expect(await page.getByTestId('fingerprint-group').allInnerTexts()).toEqual(aliceDigits);
    // Bob types what Alice reads to him on the phone.
    await page.getByLabel(/^Chiffres qu’on vous lit/).fill(aliceDigits.join(' '));
    await expect.poll(() => page.getByTestId('digits-comparison').getAttribute('data-result')).toBe('match');
    await page.getByRole('button', { name: 'Vérifié en personne' }).click();
    await expect
      .poll(() => page.getByTestId('verification-badge').first().getAttribute('data-state'))
      .toBe('in-person');
    await checkScreen(page, 'identity', 'contact-verified');

    // A card with Alice's name and organisation but other keys, as a file picked in main's dialog.
    const impostor = join(app.workDir, 'impostor.cvcard');
    writeFileSync(
      impostor,
      cardToFile(
        makeCard(sodium, 77, {
          name: 'Aïssatou Diallo',
          organisation: 'Réseau des défenseures de Thiès',
          role: 'Coordinatrice',
          issuedAt: '2030-01-01T00:00:00.000Z',
        }),
      ),
    );
    await page.getByRole('button', { name: 'Retour aux contacts' }).click();
    await heading(page, 'Contacts');
    app.dialogs.nextOpen.push([impostor]);
    await page.getByRole('button', { name: 'Ouvrir un fichier de carte…' }).click();
    // A key change opens the contact at once, with the warning and both fingerprints.
    const warning = page.getByTestId('key-changed-warning');
    await warning.waitFor();
    expect(await warning.getAttribute('role')).toBe('alert');
    const newDigits = await warning.getByTestId('fingerprint-group').allInnerTexts();
    expect(newDigits).not.toEqual(aliceDigits);
    expect(await page.getByTestId('key-changed-badge').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Vérifié en personne' }).isDisabled()).toBe(true);
    // Before accepting, Bob checks the new digits Alice reads him.
    await warning.getByLabel(/^Chiffres qu’on vous lit de la nouvelle empreinte/).fill(newDigits.join(' '));
    await expect
      .poll(() => page.getByTestId('new-digits-comparison').getAttribute('data-result'))
      .toBe('match');
    await checkScreen(page, 'identity', 'key-changed');

    await warning.getByRole('button', { name: 'Accepter les nouvelles clés…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('N’acceptez que si la personne a confirmé', { exact: false }).waitFor();
    await checkScreen(page, 'identity', 'accept-warning');
    await dialog.getByRole('button', { name: 'Accepter les nouvelles clés' }).click();
    await page.getByText('Nouvelles clés acceptées.', { exact: false }).waitFor();
    await expect.poll(() => page.getByTestId('key-changed-warning').count()).toBe(0);
    expect(await page.getByTestId('verification-badge').first().getAttribute('data-state')).toBe(
      'unverified',
    );
    expect(await page.getByTestId('fingerprint-group').allInnerTexts()).toEqual(newDigits);
    await checkScreen(page, 'identity', 'key-accepted');

    // The contact page and the list in English.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Fingerprint' }).waitFor();
    await checkScreen(page, 'identity', 'key-accepted');
    await page.getByRole('button', { name: 'Back to contacts' }).click();
    await heading(page, 'Contacts');
    await page.getByTestId('contact-row').waitFor();
    expect(await page.getByTestId('contact-row').textContent()).toContain('Not verified');
    await checkScreen(page, 'identity', 'contacts');
    expect(app.pageErrors).toEqual([]);
  }, 360_000);
});
