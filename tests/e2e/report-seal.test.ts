/**
 * A report sent sealed between two vaults, in the built renderer, in Chromium, against the real main
 * registry and vault core:
 * - Aïssatou (A, a coordination officer) and Awa (B, a regional coordinator) exchange key cards and
 *   mark each other verified; A's vault holds generated cases (registry-calls.ts, as reports.test.ts);
 * - in A's UI: Reports → "Accueil" over 2025 by quarter → "Envoyer scellé aux contacts" → what
 *   leaves → Awa → purpose and passphrase → main's save dialog (stand-in) → done with SHA-256;
 * - in B's UI: open the file → every check passed, a sealed report named → import → the Received
 *   list marks it a report → it opens read-only with the same tables, charts and notes, in FR and EN;
 *   B sends a receipt, A imports it and the log entry (a sealed report) is acknowledged.
 * Screenshots: tests/e2e/screenshots/report-seal-<screen>-<lang>.png; axe on every screen.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, createVaultThroughUi, E2E_PASSPHRASE, heading } from './flows.ts';
import { assertRendererBuilt, type RunningApp, SCREENSHOTS_DIR, startApp } from './harness.ts';
import { call, identity, seedReportCases, trust } from './registry-calls.ts';

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

const INTAKE = 'Accueil de type ligne d’écoute';

describe('a sealed report between two vaults in Chromium (real vault core)', () => {
  it('report → send sealed → open and verify → import → read-only tables and charts → receipt', async () => {
    const a = await startApp();
    apps.push(a);
    const b = await startApp();
    apps.push(b);
    await createVaultThroughUi(a.page);
    await createVaultThroughUi(b.page);
    const aliceCard = await identity(a, 'Aïssatou Diallo', 'Ligne d’écoute de Thiès', 'Coordinatrice');
    const awaCard = await identity(b, 'Awa Ndiaye', 'Coordination régionale', 'Coordinatrice');
    await trust(a, awaCard, 'coordination');
    await trust(b, aliceCard, 'coordination');
    await seedReportCases(a, 90);

    // A: the report on screen, then "send sealed".
    let page = a.page;
    await nav(page, 'Rapports');
    await page.getByTestId('report-pick').click();
    await page.getByRole('option', { name: INTAKE, exact: true }).click();
    await heading(page, INTAKE);
    await page.getByTestId('report-from').fill('2025-01');
    await page.getByTestId('report-to').fill('2025-12');
    await page.getByText('Par trimestre', { exact: true }).click();
    await page.locator('[data-testid^="report-table-"]').first().waitFor();
    const shown = await call<{ notes: { suppressedCells: number } }>(a, 'reports:build', {
      reportId: 'intake',
      from: '2025-01-01',
      to: '2025-12-31',
      granularity: 'quarter',
      threshold: 5,
    });
    await page.getByRole('button', { name: 'Envoyer scellé aux contacts' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('report-seal-leaves').waitFor();
    expect(await dialog.getByTestId('report-seal-leaves').textContent()).toContain(
      `${shown.notes.suppressedCells} autres cellules masquées`,
    );
    await dialog.getByLabel('Awa Ndiaye — Coordination régionale').check();
    await checkScreen(page, 'report-seal', 'recipients');
    await dialog.getByRole('button', { name: 'Suivant' }).click();
    await dialog.getByLabel(/^Objet de l’export/).fill('Chiffres trimestriels 2025');
    await dialog.getByLabel(/^Phrase de passe du coffre/).fill(E2E_PASSPHRASE);
    const sealedFile = join(a.workDir, 'accueil-2025.cvx');
    a.dialogs.nextSave.push(sealedFile);
    await dialog.getByRole('button', { name: 'Créer l’export…' }).click();
    await dialog.getByTestId('export-done').waitFor({ timeout: 60_000 });
    const sha = ((await dialog.getByTestId('export-sha256').textContent()) ?? '').trim();
    expect(sha).toBe(createHash('sha256').update(readFileSync(sealedFile)).digest('hex'));
    expect(a.dialogs.calls.at(-1)).toMatchObject({ kind: 'save' });
    await checkScreen(page, 'report-seal', 'sent');
    await page.keyboard.press('Escape');

    // B: open — verified first, named a sealed report — then import.
    page = b.page;
    await nav(page, 'Partage');
    await heading(page, 'Partage');
    b.dialogs.nextOpen.push([sealedFile]);
    await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
    const report = page.getByTestId('verification-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.getByTestId('sender').getAttribute('data-known')).toBe('true');
    for (const check of await report.getByTestId('check').all())
      expect(await check.getAttribute('data-passed')).toBe('true');
    expect(await report.getByTestId('manifest-contents').textContent()).toContain(
      `Un rapport scellé\u00a0: «\u00a0${INTAKE}\u00a0»`,
    );
    await checkScreen(page, 'report-seal', 'verified');
    await page.getByRole('button', { name: 'Importer dans Reçus' }).click();
    const row = page.getByTestId('received-row');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.getByTestId('received-report-badge').textContent()).toBe('Rapport');
    await row.getByRole('button').click();
    const view = page.getByTestId('received-report');
    await view.getByTestId('received-report-title').waitFor({ timeout: 30_000 });
    expect(await view.getByTestId('received-report-title').textContent()).toContain('Accueil');
    // The same charts as the sender's screen, drawn under the CSP.
    const charts = view.locator('[data-testid^="report-chart-"]');
    await charts.first().locator('svg.recharts-surface').first().waitFor();
    expect(await charts.count()).toBeGreaterThan(0);
    for (const text of await view.locator('abbr.report-hidden').allInnerTexts())
      expect(['<5', 'x']).toContain(text);
    expect(await view.getByTestId('report-notes').textContent()).toContain('entre 1 et 4');
    await charts.first().scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await charts.first().screenshot({ path: join(SCREENSHOTS_DIR, 'report-seal-received-chart.png') });
    await checkScreen(page, 'report-seal', 'received');
    await page.getByText('EN', { exact: true }).click();
    await view.getByText('Received report', { exact: false }).waitFor();
    await checkScreen(page, 'report-seal', 'received');
    await page.getByText('FR', { exact: true }).click();
    await heading(page, 'Partage');
    const receiptFile = join(b.workDir, 'accuse-rapport.cvx');
    b.dialogs.nextSave.push(receiptFile);
    await page.getByRole('button', { name: 'Envoyer un accusé de réception…' }).click();
    await page.getByTestId('receipt-saved').waitFor({ timeout: 30_000 });

    // A: the log names the sealed report; the receipt acknowledges it.
    page = a.page;
    await nav(page, 'Partage');
    await page.getByRole('tab', { name: 'Exports envoyés' }).click();
    const exportRow = page.getByTestId('export-row');
    await exportRow.waitFor();
    expect(await exportRow.getByTestId('export-row-report').textContent()).toContain(
      `Rapport scellé «\u00a0${INTAKE}\u00a0»`,
    );
    a.dialogs.nextOpen.push([receiptFile]);
    await page.getByRole('button', { name: 'Importer un accusé de réception…' }).click();
    await page.getByTestId('receipt-imported').waitFor({ timeout: 30_000 });
    await expect.poll(() => exportRow.getAttribute('data-acknowledged')).toBe('true');
    await checkScreen(page, 'report-seal', 'exports-log');
    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });
});
