/**
 * Sharing in the built renderer, in Chromium, against the real main registry and vault core, as a
 * FULL ROUND TRIP between two vaults running side by side:
 * - Aïssatou (A) and Maître Sow (B) exchange key cards and mark each other verified (through the
 *   registry: the identity e2e covers those screens);
 * - A has a case with a person whose consent allows legal responders, and an evidence file (set up
 *   through the registry: the records and evidence e2e cover those screens);
 * - in A's UI: the case view's "Share / Export…" → recipient B → consent OK, what leaves → purpose,
 *   passphrase → main's save dialog (stand-in: a file in the test's temp folder) → done with SHA-256;
 * - in B's UI: open the file (open dialog stand-in) → A known, every check passed, BEFORE any
 *   import → import into Received → the records shown with their labels (not stored codes) → the
 *   photo previewed inline from `/__received__/` (decoded by the browser), with its location
 *   warning, and the text file too → send a receipt (save dialog stand-in);
 * - in A's UI: import the receipt → the export shows as acknowledged.
 * Screenshots: tests/e2e/screenshots/sharing-<screen>-<lang>.png; axe on every screen.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../electron/core/crypto/sodium.ts';
import { cardToText } from '../../electron/core/identity/card.ts';
import { makeCard } from '../unit/core/identity/card-helpers.ts';
import { checkScreen, createVaultThroughUi, E2E_PASSPHRASE, heading } from './flows.ts';
import { assertRendererBuilt, type RunningApp, SCREENSHOTS_DIR, startApp } from './harness.ts';
import { call, identity, trust } from './registry-calls.ts';

const apps: RunningApp[] = [];

beforeAll(() => {
  assertRendererBuilt();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

describe('sharing between two vaults in Chromium (real vault core)', () => {
  it('export → open and verify → import into Received → receipt → acknowledged', async () => {
    const a = await startApp();
    apps.push(a);
    const b = await startApp();
    apps.push(b);
    await createVaultThroughUi(a.page);
    await createVaultThroughUi(b.page);

    // Cards exchanged and verified.
    const aliceCard = await identity(
      a,
      'Aïssatou Diallo',
      'Réseau des défenseures de Thiès',
      'Coordinatrice',
    );
    const bobCard = await identity(b, 'Maître Fatou Sow', 'Clinique juridique de Dakar', 'Avocate');
    await trust(a, bobCard, 'legal');
    await trust(b, aliceCard, 'protection');
    // A third responder A knows, psychosocial (not covered by the consent), never verified.
    const kouassi = cardToText(
      makeCard(await loadSodium(), 31, {
        name: 'Dr Kouassi',
        organisation: 'Centre d’écoute',
        role: 'Psychologue',
        issuedAt: '2026-03-01T00:00:00.000Z',
      }),
    );
    await call(a, 'contacts:import-text', { text: kouassi, role: 'psychosocial' });

    // A's case: a person, her consent (identifying data, legal responders), one evidence file.
    const kase = await call<{ id: string }>(a, 'records:create', {
      entity: 'case',
      data: {
        code: 'DEF-2026-014',
        kind: 'defender-protection',
        title: 'Menaces après la marche',
        openedOn: '2026-03-02',
      },
    });
    const person = await call<{ id: string }>(a, 'records:create', {
      entity: 'person',
      data: { alias: 'Mariama' },
    });
    await call(a, 'records:link-person', { caseId: kase.id, personId: person.id, role: 'survivor' });
    await call(a, 'records:create', {
      entity: 'consent',
      data: {
        caseId: kase.id,
        personId: person.id,
        givenBy: 'survivor',
        dataLevel: 'identifying',
        recipientKinds: ['legal'],
        purposes: 'Accompagnement juridique',
        method: 'written',
        recordedBy: 'Aïssatou',
        givenOn: '2026-03-03',
      },
    });
    const evidenceFile = join(a.workDir, 'menaces.txt');
    writeFileSync(evidenceFile, 'Message reçu le 2 mars : « on sait où tu habites ».\n');
    const chosen = await call<{ files: Array<{ token: string }> }>(a, 'files:dropped', {
      paths: [evidenceFile],
    });
    const added = await call<{ items: unknown[] }>(a, 'evidence:add', {
      taskId: crypto.randomUUID(),
      caseId: kase.id,
      tokens: chosen.files.map((f) => f.token),
    });
    expect(added.items).toHaveLength(1);
    // A photo that carries a GPS position: B must see it inline, with the location warning.
    const photoFile = join(a.workDir, 'photo.jpg');
    writeFileSync(
      photoFile,
      await sharp({ create: { width: 160, height: 120, channels: 3, background: { r: 30, g: 110, b: 60 } } })
        .jpeg()
        .withExif({
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '14/1 47/1 0/1',
            GPSLongitudeRef: 'W',
            GPSLongitude: '16/1 56/1 0/1',
          },
        })
        .toBuffer(),
    );
    const chosenPhoto = await call<{ files: Array<{ token: string }> }>(a, 'files:dropped', {
      paths: [photoFile],
    });
    await call(a, 'evidence:add', {
      taskId: crypto.randomUUID(),
      caseId: kase.id,
      tokens: chosenPhoto.files.map((f) => f.token),
    });

    // A: from the case view to the export wizard.
    let page = a.page;
    await page.reload();
    await heading(page, 'Déverrouiller le coffre').catch(() => {});
    if (await page.getByLabel(/^Phrase de passe/).count()) {
      await page.getByLabel(/^Phrase de passe/).fill(E2E_PASSPHRASE);
      await page.getByRole('button', { name: 'Déverrouiller' }).click();
    }
    await heading(page, 'Votre coffre');
    await page.getByTestId('case-row').first().click();
    await heading(page, /DEF-2026-014/);
    await page.getByRole('button', { name: 'Partager / Exporter…' }).click();
    await heading(page, 'Partage');
    // First with Dr Kouassi too: unverified warns; the consent refuses her, with the reason.
    await page.getByLabel('Dr Kouassi — Centre d’écoute').check();
    await page.getByTestId('unverified-warning').waitFor();
    await page.getByLabel('Maître Fatou Sow — Clinique juridique de Dakar').check();
    await checkScreen(page, 'sharing', 'export-recipients');
    await page.getByRole('button', { name: 'Suivant' }).click();
    const refused = page.getByTestId('consent-refused');
    await refused.waitFor();
    expect(await refused.getByTestId('refusal-reason').getAttribute('data-reason')).toBe(
      'role-not-consented',
    );
    await page.getByTestId('redacted-offer').waitFor();
    expect(await page.getByRole('button', { name: 'Suivant' }).isDisabled()).toBe(true);
    await checkScreen(page, 'sharing', 'export-refused');
    await page.getByRole('button', { name: 'Retour' }).click();
    await page.getByLabel('Dr Kouassi — Centre d’écoute').uncheck();
    await page.getByRole('button', { name: 'Suivant' }).click();
    const plan = page.getByTestId('recipient-plan');
    await plan.waitFor();
    expect(await plan.getAttribute('data-allowed')).toBe('true');
    expect(await page.getByTestId('identifying').getAttribute('data-value')).toBe('true');
    expect((await page.getByTestId('leaving-item').allInnerTexts()).sort()).toEqual([
      'menaces.txt (DEF-2026-014)\u00a0: original',
      'photo.jpg (DEF-2026-014)\u00a0: original',
    ]);
    await checkScreen(page, 'sharing', 'export-review');
    await page.getByText('EN', { exact: true }).click();
    await page.getByText('What will leave', { exact: true }).waitFor();
    await checkScreen(page, 'sharing', 'export-review');
    await page.getByText('FR', { exact: true }).click();
    await heading(page, 'Partage');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByLabel(/^Objet de l’export/).fill('Accompagnement juridique de Mariama');
    await page.getByLabel(/^Phrase de passe du coffre/).fill(E2E_PASSPHRASE);
    const exportFile = join(a.workDir, 'pour-maitre-sow.cvx');
    a.dialogs.nextSave.push(exportFile);
    await page.getByRole('button', { name: 'Créer l’export…' }).click();
    const done = page.getByTestId('export-done');
    await done.waitFor({ timeout: 60_000 });
    const sha = ((await page.getByTestId('export-sha256').textContent()) ?? '').trim();
    expect(sha).toBe(createHash('sha256').update(readFileSync(exportFile)).digest('hex'));
    expect(a.dialogs.calls.at(-1)).toMatchObject({ kind: 'save' });
    await checkScreen(page, 'sharing', 'export-done');

    // B: open the file — the verification results first.
    page = b.page;
    await nav(page, 'Partage');
    await heading(page, 'Partage');
    await checkScreen(page, 'sharing', 'open');
    b.dialogs.nextOpen.push([exportFile]);
    await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
    const report = page.getByTestId('verification-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getByTestId('sender').getAttribute('data-known')).toBe('true');
    expect(await report.getByTestId('sender-name').textContent()).toBe('Aïssatou Diallo');
    const checks = report.getByTestId('check');
    expect(await checks.count()).toBeGreaterThan(0);
    for (const check of await checks.all()) expect(await check.getAttribute('data-passed')).toBe('true');
    expect(await report.getByTestId('manifest-summary').textContent()).toContain(
      'Accompagnement juridique de Mariama',
    );
    // Nothing imported yet.
    expect(await call<unknown[]>(b, 'sharing:received-list', {})).toEqual([]);
    await checkScreen(page, 'sharing', 'verified');
    // The same results in English (switching language keeps the verified file on screen).
    await page.getByText('EN', { exact: true }).click();
    await heading(page, 'Sharing');
    await page.getByText('Every check passed', { exact: false }).waitFor();
    await checkScreen(page, 'sharing', 'verified');
    await page.getByText('FR', { exact: true }).click();
    await heading(page, 'Partage');
    // Extracting in clear: a warning first, then main's save dialog names a new folder.
    const clearDir = join(b.workDir, 'en-clair');
    b.dialogs.nextSave.push(clearDir);
    await page.getByRole('button', { name: 'Extraire vers un dossier…' }).click();
    const warning = page.getByTestId('extract-warning');
    await warning.waitFor();
    expect(await warning.getByRole('button', { name: 'Choisir le dossier et extraire…' }).isDisabled()).toBe(
      true,
    );
    await checkScreen(page, 'sharing', 'extract-warning');
    await warning.getByLabel(/^Je comprends/).check();
    await warning.getByRole('button', { name: 'Choisir le dossier et extraire…' }).click();
    await page.getByTestId('extract-done').waitFor({ timeout: 60_000 });
    expect(readdirSync(clearDir).sort()).toEqual(['menaces.txt', 'photo.jpg', 'records.json']);
    expect(readFileSync(join(clearDir, 'menaces.txt'), 'utf8')).toBe(readFileSync(evidenceFile, 'utf8'));
    await page.getByRole('button', { name: 'Importer dans Reçus' }).click();
    const row = page.getByTestId('received-row');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toContain('Aïssatou Diallo');
    await checkScreen(page, 'sharing', 'received-list');
    await row.getByRole('button').click();
    const view = page.getByTestId('received-view');
    await view.getByTestId('received-records').waitFor();
    expect(await view.getByTestId('received-records').textContent()).toContain('DEF-2026-014');
    expect((await view.getByTestId('received-file').allInnerTexts()).sort()).toEqual([
      expect.stringContaining('menaces.txt'),
      expect.stringContaining('photo.jpg'),
    ]);
    // The records screens' labels, not the stored codes.
    const receivedText = (await view.getByTestId('received-records').textContent()) ?? '';
    for (const label of [
      'Protection d’un·e défenseur·e',
      'Mariama — Survivant·e',
      'Juridique',
      'Type de dossier',
    ])
      expect(receivedText, label).toContain(label);
    for (const code of ['defender-protection', 'survivor', 'identifying', 'written'])
      expect(receivedText, code).not.toContain(code);
    await checkScreen(page, 'sharing', 'received-view');
    // The photo previewed inline: decoded by the browser from /__received__/<id>, location warned.
    await view.getByRole('button', { name: 'Voir l’aperçu de photo.jpg' }).click();
    const fileView = page.getByTestId('received-file-view');
    const image = fileView.getByTestId('received-preview-image');
    await image.waitFor({ timeout: 30_000 });
    expect(await image.getAttribute('src')).toMatch(/^\/__received__\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), {
        timeout: 30_000,
      })
      .toBe(160);
    expect(await fileView.getByTestId('location-warning').textContent()).toContain('14.78333');
    await fileView.getByTestId('received-verify').click();
    expect(await fileView.getByTestId('received-verify-result').textContent()).toMatch(/^Intact/);
    await checkScreen(page, 'sharing', 'received-file');
    // Its save-copy warning says the copy carries the position too; cancelled, nothing written.
    await fileView.getByRole('button', { name: 'Enregistrer une copie déchiffrée de photo.jpg' }).click();
    await page.getByTestId('save-received-location').waitFor({ timeout: 30_000 });
    await page.getByTestId('save-received-warning').getByRole('button', { name: 'Annuler' }).click();
    await page.getByTestId('save-received-warning').waitFor({ state: 'hidden' });
    await page.getByText('EN', { exact: true }).click();
    await fileView.getByText('This file reveals a location', { exact: true }).waitFor();
    await checkScreen(page, 'sharing', 'received-file');
    await fileView.getByRole('button', { name: /Back to the files/ }).click();
    const englishText = (await view.getByTestId('received-records').textContent()) ?? '';
    for (const label of ['Defender protection', 'Mariama — Survivor', 'Kind of case'])
      expect(englishText).toContain(label);
    await checkScreen(page, 'sharing', 'received-view');
    await page.getByText('FR', { exact: true }).click();
    await heading(page, 'Partage');
    // The text file, read over IPC from the same encrypted copy.
    await view.getByRole('button', { name: 'Voir l’aperçu de menaces.txt' }).click();
    expect(await page.getByTestId('received-preview-text').textContent()).toBe(
      readFileSync(evidenceFile, 'utf8'),
    );
    await page.getByTestId('received-file-back').click();
    // A decrypted copy of the received file, behind a warning, through main's save dialog.
    const copy = join(b.workDir, 'copie-menaces.txt');
    b.dialogs.nextSave.push(copy);
    await page.getByRole('button', { name: 'Enregistrer une copie déchiffrée de menaces.txt' }).click();
    await page.getByTestId('save-received-warning').waitFor();
    await checkScreen(page, 'sharing', 'received-save-warning');
    await page.getByRole('button', { name: 'Choisir où enregistrer…' }).click();
    await page.getByText('Copie enregistrée.').waitFor({ timeout: 30_000 });
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(evidenceFile, 'utf8'));
    const receiptFile = join(b.workDir, 'accuse.cvx');
    b.dialogs.nextSave.push(receiptFile);
    await page.getByRole('button', { name: 'Envoyer un accusé de réception…' }).click();
    await page.getByTestId('receipt-saved').waitFor({ timeout: 30_000 });

    // A: import the receipt; the export is acknowledged.
    page = a.page;
    await page.getByRole('tab', { name: 'Exports envoyés' }).click();
    const exportRow = page.getByTestId('export-row');
    await exportRow.waitFor();
    expect(await exportRow.getAttribute('data-acknowledged')).toBe('false');
    a.dialogs.nextOpen.push([receiptFile]);
    await page.getByRole('button', { name: 'Importer un accusé de réception…' }).click();
    await page.getByTestId('receipt-imported').waitFor({ timeout: 30_000 });
    await expect.poll(() => exportRow.getAttribute('data-acknowledged')).toBe('true');
    expect(await exportRow.textContent()).toContain(sha);
    await checkScreen(page, 'sharing', 'exports-log');

    // The same screens in English, and the backup tab.
    await page.getByText('EN', { exact: true }).click();
    await heading(page, 'Sharing');
    await checkScreen(page, 'sharing', 'exports-log');
    await page.getByRole('tab', { name: 'Backup' }).click();
    await page.getByTestId('backup-panel').waitFor();
    expect(await page.getByTestId('backup-reminder').count()).toBe(1);
    await checkScreen(page, 'sharing', 'backup');

    // Back up now: the backup passphrase twice (strength meter), the vault passphrase, the save dialog.
    const backupPassphrase = 'mangue cobalt hirondelle sextant';
    await page.getByLabel(/^New passphrase/).fill(backupPassphrase);
    await page.getByLabel(/^Confirm the passphrase/).fill(backupPassphrase);
    await expect.poll(() => page.getByTestId('strength-meter').textContent()).toContain('accepted');
    await page.getByLabel(/^Vault passphrase/).fill(E2E_PASSPHRASE);
    const backupFile = join(a.workDir, 'backup.cvx');
    a.dialogs.nextSave.push(backupFile);
    await page.getByRole('button', { name: 'Create the backup…' }).click();
    await page.getByTestId('backup-done').waitFor({ timeout: 120_000 });
    const backupSha = ((await page.getByTestId('backup-sha256').textContent()) ?? '').trim();
    expect(backupSha).toBe(createHash('sha256').update(readFileSync(backupFile)).digest('hex'));
    // The reminder is gone and the last backup date is shown.
    await expect.poll(() => page.getByTestId('backup-reminder').count()).toBe(0);
    expect(await page.getByTestId('last-backup').textContent()).toMatch(/^Last backup: /);
    await checkScreen(page, 'sharing', 'backup-done');
    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });
});
