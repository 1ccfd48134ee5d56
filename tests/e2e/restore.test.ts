/**
 * Restore from a backup in the built renderer, in Chromium, against the real main registry, the
 * real vault worker and the real core:
 * - vault A (created through the first-run screens) has a case and an evidence file (set up through
 *   the registry, as the sharing e2e does); in A's UI the item is opened and verified (custody:
 *   acquire, view, verify), then a backup is made from the Sharing → Backup tab (save dialog
 *   stand-in);
 * - a fresh app B (no vault): "Restore from a backup" on the first-run screen → main's open dialog
 *   (stand-in) → backup passphrase → verified: signer fingerprint, date, contents, history included,
 *   nothing written yet → new passphrase → restore with progress → the new recovery key with what
 *   came back → the case is there and the item's chain of custody shows A's entries, marked as
 *   carried, then "restored" and this vault's own view.
 * Screenshots: tests/e2e/screenshots/restore-<screen>-<lang>.png; axe on every screen.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkScreen,
  confirmRecoveryKeyThroughUi,
  createVaultThroughUi,
  E2E_PASSPHRASE,
  heading,
} from './flows.ts';
import { assertRendererBuilt, type RunningApp, SCREENSHOTS_DIR, startApp } from './harness.ts';

const apps: RunningApp[] = [];

beforeAll(() => {
  assertRendererBuilt();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function call<T = Record<string, unknown>>(
  app: RunningApp,
  channel: string,
  input: unknown,
): Promise<T> {
  const result = await app.services.registry.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function openEvidenceItem(page: Page, name: string): Promise<void> {
  await page.getByTestId('case-row').first().click();
  await heading(page, /RST-2026-001/);
  await page.getByRole('tab', { name: 'Preuves' }).click();
  await page.getByTestId('evidence-tab').waitFor();
  await page.getByRole('button', { name: `Ouvrir ${name}` }).click();
  await page.getByTestId('evidence-item').waitFor();
}

function custody(page: Page) {
  return page.getByTestId('custody-entry').evaluateAll((els) =>
    els.map((e) => ({
      action: e.getAttribute('data-action'),
      restored: e.getAttribute('data-restored') === 'true',
      // The when — who line and the SHA-256: the first two paragraphs of an entry.
      text: Array.from(
        (
          e as unknown as { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }
        ).querySelectorAll('p'),
      )
        .slice(0, 2)
        .map((p) => p.textContent)
        .join(' | '),
    })),
  );
}

describe('restore from a backup in Chromium (real vault core)', () => {
  it('backs up vault A, restores it into a fresh app through the UI, with the custody timeline', async () => {
    const a = await startApp();
    apps.push(a);
    await createVaultThroughUi(a.page);
    await call(a, 'identity:update', {
      name: 'Aïssatou Diallo',
      organisation: 'Réseau de Thiès',
      role: 'Coordinatrice',
    });
    const kase = await call<{ id: string }>(a, 'records:create', {
      entity: 'case',
      data: {
        code: 'RST-2026-001',
        kind: 'defender-protection',
        title: 'Saisie du portable',
        openedOn: '2026-03-02',
      },
    });
    const evidenceFile = join(a.workDir, 'menaces.txt');
    writeFileSync(evidenceFile, 'Message reçu le 2 mars : « on sait où tu habites ».\n');
    const chosen = await call<{ files: Array<{ token: string }> }>(a, 'files:dropped', {
      paths: [evidenceFile],
    });
    await call(a, 'evidence:add', {
      taskId: crypto.randomUUID(),
      caseId: kase.id,
      tokens: chosen.files.map((f) => f.token),
    });

    // In A: the item opened and verified, so its custody has acquire, view, verify.
    let page = a.page;
    await page.reload();
    // The vault stays unlocked in main across a reload: the home screen shows with the new case.
    await heading(page, 'Votre coffre');
    await openEvidenceItem(page, 'menaces.txt');
    await page.getByTestId('verify-item').click();
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toContain('Intact');
    await expect
      .poll(async () => (await custody(page)).map((e) => e.action))
      .toEqual(['acquire', 'view', 'verify']);
    const before = await custody(page);

    // A backup from the Sharing → Backup tab.
    await page.getByRole('navigation').getByRole('button', { name: 'Partage', exact: true }).click();
    await heading(page, 'Partage');
    await page.getByRole('tab', { name: 'Sauvegarde' }).click();
    await page.getByTestId('backup-panel').waitFor();
    const backupPassphrase = 'mangue cobalt hirondelle sextant';
    await page.getByLabel(/^Nouvelle phrase de passe/).fill(backupPassphrase);
    await page.getByLabel(/^Confirmez la phrase de passe/).fill(backupPassphrase);
    await expect.poll(() => page.getByTestId('strength-meter').textContent()).toContain('acceptée');
    await page.getByLabel(/^Phrase de passe du coffre/).fill(E2E_PASSPHRASE);
    const backupFile = join(a.workDir, 'casevault-backup.cvx');
    a.dialogs.nextSave.push(backupFile);
    await page.getByRole('button', { name: 'Créer la sauvegarde…' }).click();
    await page.getByTestId('backup-done').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('backup-panel').textContent()).toContain('Restaurer une sauvegarde');

    // A fresh app on another "computer": restore from the first-run screen.
    const b = await startApp();
    apps.push(b);
    page = b.page;
    await heading(page, 'Bienvenue dans CaseVault');
    await checkScreen(page, 'restore', 'first-run');
    await page.getByTestId('go-restore').click();
    await heading(page, 'Restaurer une sauvegarde');
    await checkScreen(page, 'restore', 'start');
    b.dialogs.nextOpen.push([backupFile]);
    await page.getByRole('button', { name: 'Choisir le fichier de sauvegarde…' }).click();
    expect(await page.getByTestId('restore-file-name').textContent()).toBe('casevault-backup.cvx');

    // A wrong backup passphrase: refused with its code, nothing offered.
    await page.getByLabel(/^Phrase de passe de la sauvegarde/).fill('pas la bonne phrase');
    await page.getByTestId('restore-verify').click();
    const refused = page.getByTestId('error-alert');
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.getAttribute('data-code')).toBe('EXPORT_NOT_FOR_YOU');
    expect(await page.getByTestId('restore-start').count()).toBe(0);

    await page.getByLabel(/^Phrase de passe de la sauvegarde/).fill(backupPassphrase);
    await page.getByTestId('restore-verify').click();
    const inspection = page.getByTestId('restore-inspection');
    await inspection.waitFor({ timeout: 60_000 });
    expect(await inspection.textContent()).toContain('Rien n’a encore été écrit.');
    expect(await page.getByTestId('restore-signer').textContent()).toContain('Aïssatou Diallo');
    const fingerprint = (await call<{ fingerprint: { digits: string[] } }>(a, 'identity:get', {})).fingerprint
      .digits;
    expect(await page.getByTestId('fingerprint-group').allInnerTexts()).toEqual(fingerprint);
    expect(await page.getByTestId('restore-history').textContent()).toContain(
      'L’historique d’audit est inclus',
    );
    expect(await b.services.service.status()).toMatchObject({ state: 'none' });
    await checkScreen(page, 'restore', 'verified');
    await page.getByText('EN', { exact: true }).click();
    await heading(page, 'Restore from a backup');
    await checkScreen(page, 'restore', 'verified');
    await page.getByText('FR', { exact: true }).click();
    await heading(page, 'Restaurer une sauvegarde');

    const newPassphrase = 'fromager lagune boussole ocre';
    await page.getByLabel(/^Nouvelle phrase de passe/).fill(newPassphrase);
    await page.getByLabel(/^Confirmez la phrase de passe/).fill(newPassphrase);
    await expect.poll(() => page.getByTestId('strength-meter').textContent()).toContain('acceptée');
    await page.getByTestId('restore-start').click();
    await heading(page, 'Votre clé de récupération');
    expect(await page.getByTestId('restored-history').textContent()).toContain(
      'Historique d’audit restauré et vérifié',
    );
    await checkScreen(page, 'restore', 'recovery-key');
    await confirmRecoveryKeyThroughUi(page);

    // The case and the item's chain of custody, A's entries first (marked as carried).
    await openEvidenceItem(page, 'menaces.txt');
    // (The timeline is read when the item opens; this session's own `view` lands just after.)
    await expect.poll(async () => (await custody(page)).length).toBe(before.length + 1);
    const after = await custody(page);
    expect(after.slice(0, before.length)).toEqual(before.map((e) => ({ ...e, restored: true })));
    expect(after.slice(before.length).map((e) => [e.action, e.restored])).toEqual([['restore', false]]);
    await checkScreen(page, 'restore', 'custody');

    // The restored vault checks: audit chain and the history carried both verify (case Audit tab).
    await page.getByRole('tab', { name: 'Audit' }).click();
    // The case's entries from the former vault are listed apart (newest first: the case's creation last).
    await expect.poll(() => page.getByTestId('audit-history-entry').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('audit-history-entry').last().textContent()).toContain('Création');
    await page.getByTestId('verify-audit').click();
    await expect
      .poll(() => page.getByTestId('audit-history-verdict').textContent())
      .toContain('L’historique d’audit apporté des anciens coffres par une restauration est intact');
    await checkScreen(page, 'restore', 'audit');
    expect(await call(b, 'records:verify-audit', {})).toMatchObject({ ok: true, history: { segments: 1 } });
    expect(b.pageErrors).toEqual([]);
  }, 300_000);
});
