/**
 * The main scenario against the real Electron app (built main, preload and renderer), when the
 * Electron binary is installed. On machines without it (CI here: `electron` is installed without
 * its download, see package.json allowScripts) the test is skipped, and app.test.ts covers the
 * same screens in Chromium with the same preload API and the same main registry.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../shared/errors.ts';
import { ROOT } from './harness.ts';

const ELECTRON_DIST = join(ROOT, 'node_modules/electron/dist');
const hasElectron = existsSync(ELECTRON_DIST);
const PASSPHRASE = 'baobab violet trottinette lagune';

describe('CaseVault in Electron', () => {
  if (!hasElectron) {
    it.skip(`Electron binary not installed: ${ELECTRON_DIST} is missing (postinstall download disabled); app.test.ts covers the renderer in Chromium`, () => {});
    return;
  }

  it('create, confirm the recovery key, lock, wrong passphrase, unlock', async () => {
    const work = await mkdtemp(join(tmpdir(), 'casevault-electron-'));
    const app = await electron.launch({
      args: [join(ROOT, 'out/main/index.js'), `--user-data-dir=${join(work, 'profile')}`],
      env: { ...process.env, CASEVAULT_VAULT_DIR: join(work, 'vault') },
    });
    try {
      const page = await app.firstWindow();
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
      if ((await page.getByText('EN', { exact: true }).count()) > 0) {
        await page.getByText('FR', { exact: true }).first().click();
      }
      await page.getByRole('heading', { name: 'Bienvenue dans CaseVault' }).waitFor();
      await page.getByLabel(/^Nouvelle phrase de passe/).fill(PASSPHRASE);
      await page.getByLabel(/^Confirmez la phrase de passe/).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Créer le coffre' }).click();

      await page.getByRole('heading', { name: 'Votre clé de récupération' }).waitFor({ timeout: 30_000 });
      const groups = await page.getByTestId('recovery-group').allTextContents();
      await page.getByLabel('J’ai écrit la clé sur papier').check();
      await page.getByRole('button', { name: 'Continuer' }).click();
      const fields = page.getByLabel(/^Groupe n°/);
      for (let i = 0; i < (await fields.count()); i++) {
        const field = fields.nth(i);
        const label = await page.locator(`label[for="${await field.getAttribute('id')}"]`).textContent();
        await field.fill(groups[Number(/(\d+)/.exec(label ?? '')?.[1]) - 1] ?? '');
      }
      await page.getByRole('button', { name: 'Confirmer et ouvrir le coffre' }).click();
      await page.getByRole('heading', { name: 'Votre coffre' }).waitFor({ timeout: 30_000 });

      await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
      await page.getByRole('heading', { name: 'Déverrouiller le coffre' }).waitFor();
      await page.getByLabel(/^Phrase de passe/).fill('pas la bonne phrase');
      await page.getByLabel(/^Phrase de passe/).press('Enter');
      const alert = page.getByTestId('error-alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toContain(ERROR_MESSAGES.WRONG_PASSPHRASE.fr);
      await page.getByLabel(/^Phrase de passe/).fill(PASSPHRASE);
      await page.getByLabel(/^Phrase de passe/).press('Enter');
      await page.getByRole('heading', { name: 'Votre coffre' }).waitFor({ timeout: 30_000 });
    } finally {
      await app.close().catch(() => {});
      await rm(work, { recursive: true, force: true });
    }
  });
});
