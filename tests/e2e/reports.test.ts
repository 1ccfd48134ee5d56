/**
 * Reports in the built renderer, in Chromium, against the real main registry and vault core: a vault
 * seeded through the real records service with generated cases (bench/reports-data.ts), then every
 * ready-made report opened, the period changed, the CSV exported through the (stand-in) save dialog
 * and checked, the page printed to PDF by Chromium. Each chart is screenshotted
 * (tests/e2e/screenshots/reports-<table>.png); axe finds nothing serious; the CSP lets recharts draw.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVaultThroughUi, heading } from './flows.ts';
import {
  assertRendererBuilt,
  type RunningApp,
  SCREENSHOTS_DIR,
  seriousAxeViolations,
  startApp,
} from './harness.ts';
import { seedReportCases } from './registry-calls.ts';

let app: RunningApp | undefined;

beforeAll(() => {
  assertRendererBuilt();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function pickReport(page: Page, label: string): Promise<void> {
  await page.getByTestId('report-pick').click();
  await page.getByRole('option', { name: label, exact: true }).click();
  await heading(page, label);
}

async function setPeriod(page: Page, from: string, to: string): Promise<void> {
  await page.getByTestId('report-from').fill(from);
  await page.getByTestId('report-to').fill(to);
}

const REPORTS = [
  { id: 'mrm', fr: 'Violations graves contre les enfants (MRM)' },
  { id: 'gbv-psea', fr: 'Violences basées sur le genre et PSEA' },
  { id: 'intake', fr: 'Accueil de type ligne d’écoute' },
  { id: 'defender-threats', fr: 'Menaces contre les défenseur·es' },
];

describe('reports in Chromium (real vault core)', () => {
  it('opens each report, changes the period, exports CSV, prints to PDF; charts drawn under the CSP', async () => {
    app = await startApp();
    const { page } = app;
    await createVaultThroughUi(page);
    await seedReportCases(app, 220);
    const work = await mkdtemp(join(tmpdir(), 'casevault-e2e-reports-'));
    try {
      await page.getByRole('navigation').getByRole('button', { name: 'Rapports' }).click();
      await page.getByTestId('report-pick').waitFor();
      await setPeriod(page, '2025-01', '2025-12');

      for (const report of REPORTS) {
        await pickReport(page, report.fr);
        const first = page.locator('[data-testid^="report-table-"]').first();
        await first.waitFor();
        // The threshold and left-out note are there; a hidden cell is never a number.
        await expect.poll(() => page.getByTestId('report-notes').textContent()).toContain('entre 1 et 4');
        const hidden = await page.locator('abbr.report-hidden').allInnerTexts();
        for (const text of hidden) expect(['<5', 'x']).toContain(text);
        // Every chart is drawn (recharts under the app's CSP) and screenshotted.
        const charts = page.locator('[data-testid^="report-chart-"]');
        const count = await charts.count();
        expect(count).toBeGreaterThan(0);
        for (let i = 0; i < count; i++) {
          const chart = charts.nth(i);
          const testId = (await chart.getAttribute('data-testid'))!;
          await chart.locator('svg.recharts-surface').first().waitFor();
          await chart.scrollIntoViewIfNeeded();
          await page.mouse.move(0, 0);
          await chart.screenshot({
            path: join(SCREENSHOTS_DIR, `reports-${testId.slice('report-chart-'.length)}.png`),
          });
        }
        await page.mouse.move(0, 0);
        await page.screenshot({
          path: join(SCREENSHOTS_DIR, `reports-page-${report.id}-fr.png`),
          fullPage: true,
        });
        const violations = await seriousAxeViolations(page);
        expect(violations, `${report.id}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      }

      // Change the period: the MRM month table now has three months (plus the total column).
      await pickReport(page, REPORTS[0]!.fr);
      await setPeriod(page, '2025-04', '2025-06');
      const monthly = page.getByTestId('report-table-mrm-verified-by-period');
      await expect
        .poll(async () => monthly.locator('thead th').allInnerTexts())
        .toEqual(['Type d’incident', '2025-04', '2025-05', '2025-06', 'Total']);

      // Export CSV: main asks the (stand-in) dialog and writes the file itself.
      const target = join(work, 'mrm.csv');
      app.dialogs.nextSave.push(target);
      await page.getByTestId('report-export-csv').click();
      await expect.poll(() => page.getByTestId('report-saved').textContent()).toContain('mrm.csv');
      expect(app.dialogs.calls.filter((c) => c.kind === 'save').at(-1)?.options).toEqual({
        defaultName: 'casevault-mrm-2025-04-01-2025-06-30.csv',
        filters: [{ name: 'Tableur CSV', extensions: ['csv'] }],
      });
      const csv = readFileSync(target, 'utf8');
      expect(csv.startsWith('\uFEFFrapport,du,au,seuil,tableau,')).toBe(true);
      expect(csv).toContain('2025-04-01,2025-06-30,5,Violations vérifiées par mois');
      expect(csv).toMatch(/,<5,petit effectif masqué\r\n/);
      // Cancelled: nothing saved.
      app.dialogs.nextSave.push(undefined);
      await page.getByTestId('report-export-csv').click();
      await expect.poll(() => page.getByTestId('report-saved').textContent()).toContain('Non enregistré');

      // The printable page: Chromium's print path to PDF, and a look at the print layout.
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('report-export-csv').isVisible()).toBe(false);
      await page.screenshot({ path: join(SCREENSHOTS_DIR, 'reports-print-mrm-fr.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      // English labels too.
      await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
      await heading(page, 'Grave violations against children (MRM)');
      await expect.poll(() => page.getByTestId('report-notes').textContent()).toContain('between 1 and 4');
      await page.screenshot({ path: join(SCREENSHOTS_DIR, 'reports-page-mrm-en.png'), fullPage: true });

      expect(app.pageErrors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
