/**
 * The renderer, built, in real Chromium, against the real main-process registry and vault core.
 * Every screen visited is screenshotted to tests/e2e/screenshots/<scenario>-<screen>-<lang>.png and
 * checked with axe-core (no serious or critical violation).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../shared/errors.ts';
import {
  assertRendererBuilt,
  type RunningApp,
  SCREENSHOTS_DIR,
  seriousAxeViolations,
  startApp,
} from './harness.ts';

const FIRST = 'baobab violet trottinette lagune';
const SECOND = 'manguier orage bicyclette silence';
const THIRD = 'pirogue lanterne cactus minuit';

let app: RunningApp | undefined;

beforeAll(() => {
  assertRendererBuilt();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function lang(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement
        .lang,
  );
}

/** Screenshot + axe on the screen now showing. */
async function checkScreen(page: Page, scenario: string, screen: string): Promise<void> {
  await page.locator('h1').first().waitFor();
  // Let Mantine's transitions settle so the picture and axe see the final colours.
  await page.waitForTimeout(250);
  await page.screenshot({
    path: join(SCREENSHOTS_DIR, `${scenario}-${screen}-${await lang(page)}.png`),
    fullPage: true,
  });
  const violations = await seriousAxeViolations(page);
  expect(violations, `${scenario}/${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 20_000 });
}

/** First run to home, in French; returns the recovery key as displayed. */
async function createVault(page: Page, scenario: string | null): Promise<string> {
  await heading(page, 'Bienvenue dans CaseVault');
  const passphrase = page.getByLabel(/^Nouvelle phrase de passe/);
  await passphrase.fill('motdepasse');
  await expect.poll(() => page.getByTestId('strength-meter').textContent()).toContain('Trop courte');
  await passphrase.fill(FIRST);
  await expect.poll(() => page.getByTestId('strength-meter').textContent()).toContain('acceptée');
  await page.getByLabel(/^Confirmez la phrase de passe/).fill(FIRST);
  if (scenario) await checkScreen(page, scenario, 'create');
  await page.getByRole('button', { name: 'Créer le coffre' }).click();

  await heading(page, 'Votre clé de récupération');
  const groups = await page.getByTestId('recovery-group').allInnerTexts();
  expect(groups).toHaveLength(9);
  if (scenario) await checkScreen(page, scenario, 'recovery-key');
  await page.getByLabel('J’ai écrit la clé sur papier').check();
  await page.getByRole('button', { name: 'Continuer' }).click();

  await heading(page, 'Vérifiez ce que vous avez écrit');
  const fields = page.getByLabel(/^Groupe n°/);
  const count = await fields.count();
  expect(count).toBeGreaterThanOrEqual(1);
  // A wrong group first: refused locally.
  for (let i = 0; i < count; i++) await fields.nth(i).fill('ZZZZ');
  await page.getByRole('button', { name: 'Confirmer et ouvrir le coffre' }).click();
  await expect
    .poll(() => page.getByText('Ce groupe ne correspond pas.', { exact: false }).count())
    .toBe(count);
  if (scenario) await checkScreen(page, scenario, 'recovery-confirm');
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    const label = await page.locator(`label[for="${await field.getAttribute('id')}"]`).textContent();
    const n = Number(/(\d+)/.exec(label ?? '')?.[1]);
    await field.fill(groups[n - 1] ?? '');
  }
  await page.getByRole('button', { name: 'Confirmer et ouvrir le coffre' }).click();
  await heading(page, 'Votre coffre');
  return groups.join('-');
}

async function unlock(page: Page, passphrase: string): Promise<void> {
  const field = page.getByLabel(/^(Phrase de passe|Passphrase)/);
  await field.fill(passphrase);
  await field.press('Enter');
}

describe('CaseVault renderer in Chromium (real main registry, real vault core)', () => {
  it('main: create, recovery key, home, lock, wrong passphrase, language switch, unlock', async () => {
    app = await startApp();
    const { page } = app;
    expect(await lang(page)).toBe('fr');
    await createVault(page, 'main');
    await expect.poll(() => page.getByTestId('vault-status').textContent()).toBe('Coffre déverrouillé');
    await checkScreen(page, 'main', 'home');

    await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
    await heading(page, 'Déverrouiller le coffre');
    expect((await app.services.service.status()).state).toBe('locked');
    await checkScreen(page, 'main', 'unlock');

    await unlock(page, 'pas la bonne phrase de passe');
    const alert = page.getByTestId('error-alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain(ERROR_MESSAGES.WRONG_PASSPHRASE.fr);
    expect(await alert.textContent()).toContain('WRONG_PASSPHRASE');
    expect(await page.getByLabel(/^Phrase de passe/).inputValue()).toBe('');
    await checkScreen(page, 'main', 'unlock-error');

    await page.getByText('EN', { exact: true }).click();
    await heading(page, 'Unlock the vault');
    expect(await lang(page)).toBe('en');
    expect(await alert.textContent()).toContain(ERROR_MESSAGES.WRONG_PASSPHRASE.en);
    await expect.poll(() => app?.services.preferences.get().language).toBe('en');
    await checkScreen(page, 'main', 'unlock-error');

    await unlock(page, FIRST);
    await heading(page, 'Your vault');
    await checkScreen(page, 'main', 'home');
    await page.getByRole('button', { name: 'Settings' }).click();
    await heading(page, 'Settings');
    await checkScreen(page, 'main', 'settings');

    // The switch inside the settings page this time (the header one was used above).
    await page.getByTestId('language-switch').nth(1).getByText('FR', { exact: true }).click();
    await heading(page, 'Paramètres');
    expect(await lang(page)).toBe('fr');
    await checkScreen(page, 'main', 'settings');
    expect(app.pageErrors).toEqual([]);
  });

  it('passphrase: change it in settings, lock, old one refused, new one opens; panic hides and locks', async () => {
    app = await startApp({ systemLanguage: 'en' });
    const { page } = app;
    // The OS says English but nothing is saved yet: English.
    await heading(page, 'Welcome to CaseVault');
    await page.getByText('FR', { exact: true }).click();
    await createVault(page, null);

    await page.getByRole('button', { name: 'Paramètres' }).click();
    await heading(page, 'Paramètres');
    await page.getByLabel(/^Phrase de passe actuelle/).fill(FIRST);
    await page.getByLabel(/^Nouvelle phrase de passe/).fill(SECOND);
    await page.getByLabel(/^Confirmez la phrase de passe/).fill(SECOND);
    await page.getByRole('button', { name: 'Changer la phrase de passe' }).click();
    await page.getByTestId('change-done').waitFor({ timeout: 20_000 });
    await checkScreen(page, 'passphrase', 'settings-changed');

    const minutes = page.getByLabel(/^Verrouiller après/);
    await minutes.fill('12');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('autolock-saved').waitFor();
    expect(app.services.preferences.get().autoLockMinutes).toBe(12);

    await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
    await heading(page, 'Déverrouiller le coffre');
    await unlock(page, FIRST);
    await page.getByTestId('error-alert').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('error-alert').getAttribute('data-code')).toBe('WRONG_PASSPHRASE');
    await unlock(page, SECOND);
    await heading(page, 'Votre coffre');

    // Panic: the header button asks main, main hides the window, locks, and tells the page.
    await page.getByRole('button', { name: 'Masquer et verrouiller' }).click();
    await heading(page, 'Déverrouiller le coffre');
    await expect.poll(() => app?.hiddenCount()).toBe(1);
    await expect.poll(async () => (await app?.services.service.status())?.state).toBe('locked');
    await checkScreen(page, 'passphrase', 'unlock-after-panic');

    // An auto-lock decided by main (idle) reaches the page as a vault:locked event.
    await unlock(page, SECOND);
    await heading(page, 'Votre coffre');
    await app.services.service.lock('idle');
    await heading(page, 'Déverrouiller le coffre');
    expect(await page.getByTestId('lock-reason').textContent()).toContain('inactivité');
  });

  it('recover: forgotten passphrase, recovery key and a new passphrase', async () => {
    app = await startApp();
    const { page } = app;
    const recoveryKey = await createVault(page, null);
    await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
    await heading(page, 'Déverrouiller le coffre');

    await page.getByRole('button', { name: /Phrase de passe oubliée/ }).click();
    await heading(page, 'Récupérer avec la clé de récupération');
    await checkScreen(page, 'recover', 'recover');
    // Typed loosely, as from paper: lower case with spaces.
    await page.getByLabel(/^Clé de récupération/).fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
    await page.getByLabel(/^Nouvelle phrase de passe/).fill(THIRD);
    await page.getByLabel(/^Confirmez la phrase de passe/).fill(THIRD);
    await checkScreen(page, 'recover', 'recover-filled');
    await page.getByRole('button', { name: 'Récupérer le coffre' }).click();
    await heading(page, 'Votre coffre');

    await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
    await heading(page, 'Déverrouiller le coffre');
    await unlock(page, FIRST);
    await page.getByTestId('error-alert').waitFor({ timeout: 20_000 });
    await unlock(page, THIRD);
    await heading(page, 'Votre coffre');
  });
});
