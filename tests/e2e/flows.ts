/**
 * What every e2e scenario does the same way: the passphrase, creating a vault through the screens
 * (recovery key shown, written down, confirmed group by group), waiting for a screen's heading,
 * picking in a Mantine select, and checking a screen (screenshot + axe).
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOTS_DIR, seriousAxeViolations } from './harness.ts';

export const E2E_PASSPHRASE = 'baobab violet trottinette lagune';

/** The page's language as the app set it on <html lang>. */
export async function pageLang(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement
        .lang,
  );
}

export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 20_000 });
}

/**
 * Screenshot `<prefix>-<screen>-<lang>.png` (scrolled to the top first: the header is fixed, and a
 * full-page shot of a scrolled page draws it mid-page) and no serious or critical axe violation.
 */
export async function checkScreen(page: Page, prefix: string, screen: string): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
  );
  await page.waitForTimeout(300);
  await page.screenshot({
    path: join(SCREENSHOTS_DIR, `${prefix}-${screen}-${await pageLang(page)}.png`),
    fullPage: true,
  });
  const violations = await seriousAxeViolations(page);
  expect(violations, `${prefix}/${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Creates the vault through the French first-run screens and lands on the home screen. */
export async function createVaultThroughUi(page: Page, passphrase = E2E_PASSPHRASE): Promise<void> {
  await heading(page, 'Bienvenue dans CaseVault');
  await page.getByLabel(/^Nouvelle phrase de passe/).fill(passphrase);
  await page.getByLabel(/^Confirmez la phrase de passe/).fill(passphrase);
  await expect.poll(() => page.getByTestId('strength-meter').textContent()).toContain('acceptée');
  await page.getByRole('button', { name: 'Créer le coffre' }).click();
  await confirmRecoveryKeyThroughUi(page);
}

/**
 * The one-time recovery key (after create or a restore): written down, then confirmed group by
 * group; lands on the home screen.
 */
export async function confirmRecoveryKeyThroughUi(page: Page): Promise<void> {
  await heading(page, 'Votre clé de récupération');
  const groups = await page.getByTestId('recovery-group').allInnerTexts();
  await page.getByLabel('J’ai écrit la clé sur papier').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await heading(page, 'Vérifiez ce que vous avez écrit');
  const fields = page.getByLabel(/^Groupe n°/);
  for (let i = 0; i < (await fields.count()); i++) {
    const field = fields.nth(i);
    const label = await page.locator(`label[for="${await field.getAttribute('id')}"]`).textContent();
    await field.fill(groups[Number(/(\d+)/.exec(label ?? '')?.[1]) - 1] ?? '');
  }
  await page.getByRole('button', { name: 'Confirmer et ouvrir le coffre' }).click();
  await heading(page, 'Votre coffre');
}

/** Picks an option in a Mantine Select (or MultiSelect) by its label; typing narrows the list. */
export async function choose(page: Page, scope: Locator, label: RegExp, option: string): Promise<void> {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
}
