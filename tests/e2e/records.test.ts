/**
 * Case records in the built renderer, in Chromium, against the real main registry and vault core:
 * create a case, a person, an incident, a risk entry and assessment, a plan measure, a consent and
 * a referral; search the incident and open it; edit it; delete it. Every screen is screenshotted
 * (tests/e2e/screenshots/records-<screen>-<lang>.png) and checked with axe (no serious/critical).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../shared/errors.ts';
import { checkScreen, choose, createVaultThroughUi, heading } from './flows.ts';
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

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

describe('case records in Chromium (real vault core)', () => {
  it('records: case, person, incident, risk, plan, consent, referral; search, edit, delete', async () => {
    app = await startApp();
    const { page } = app;
    await createVaultThroughUi(page);

    // Empty list, then the case form with a bad code refused in French.
    await page.getByTestId('cases-empty').waitFor();
    await checkScreen(page, 'records', 'list-empty');
    await page.getByRole('button', { name: 'Créer votre premier dossier' }).click();
    await heading(page, 'Nouveau dossier');
    const caseForm = page.getByTestId('case-form');
    await caseForm.getByLabel(/^Code du dossier/).fill('Aminata D');
    await caseForm.getByRole('button', { name: 'Créer le dossier' }).click();
    await caseForm.getByText('Utilisez uniquement des majuscules', { exact: false }).waitFor();
    await checkScreen(page, 'records', 'case-form-errors');
    await caseForm.getByLabel(/^Code du dossier/).fill('DEF-2025-014');
    await caseForm
      .getByLabel(/^Intitulé/)
      .fill('Menaces contre une militante du droit à l’avortement sécurisé');
    await choose(page, caseForm, /^Type de dossier/, 'Protection d’un·e défenseur·e');
    await choose(page, caseForm, /^Sensibilité/, 'Élevée');
    await caseForm.getByLabel(/^Pays/).fill('Bénin');
    await caseForm.getByRole('button', { name: 'Créer le dossier' }).click();
    await heading(page, /DEF-2025-014/);

    // People: a new person with a real name, revealed then hidden by a tab change.
    await page.getByTestId('add-person').click();
    const personForm = page.getByTestId('person-form');
    await personForm.getByLabel(/^Pseudonyme/).fill('Militante A');
    await personForm.getByLabel(/^Nom réel/).fill('Awa Kouassi');
    await checkScreen(page, 'records', 'person-form');
    await personForm.getByRole('button', { name: 'Ajouter la personne' }).click();
    await page.getByRole('heading', { name: 'Militante A' }).waitFor();
    await page.getByRole('button', { name: 'Afficher le nom réel' }).click();
    await expect.poll(() => page.getByTestId('revealed-name').textContent()).toContain('Awa Kouassi');
    await checkScreen(page, 'records', 'people');

    // Incident.
    await tab(page, 'Incidents');
    expect(await page.getByText('Awa Kouassi').count()).toBe(0);
    await page.getByTestId('add-incident').click();
    const incidentForm = page.getByTestId('incident-form');
    await incidentForm.getByLabel(/^Date de l’incident/).fill('2025-03-12');
    await choose(page, incidentForm, /^Type d’incident/, 'Harcèlement judiciaire / poursuites');
    await incidentForm
      .getByLabel(/^Description/)
      .fill('Convocation au commissariat après une émission de radio sur la santé reproductive.');
    await checkScreen(page, 'records', 'incident-form');
    await incidentForm.getByRole('button', { name: 'Enregistrer l’incident' }).click();
    await page.getByRole('heading', { name: /Harcèlement judiciaire/ }).waitFor();
    await checkScreen(page, 'records', 'incidents');

    // Risk log entry and two assessments (trend).
    await tab(page, 'Journal des risques');
    await page.getByTestId('add-risk-entry').click();
    const riskForm = page.getByTestId('risk-entry-form');
    await riskForm.getByLabel(/^Quand/).fill('2025-03-10T21:30');
    await choose(page, riskForm, /^Canal/, 'Messagerie');
    await choose(page, riskForm, /^Qui est derrière/, 'Anonyme en ligne');
    await riskForm.getByLabel(/^Gravité/).fill('4');
    await riskForm.getByLabel(/^Probabilité/).fill('3');
    await riskForm.getByLabel(/^Description/).fill('Messages menaçants sur WhatsApp.');
    await riskForm.getByRole('button', { name: 'Enregistrer l’entrée' }).click();
    await page.getByText('Gravité 4 × probabilité 3 = 12').waitFor();
    for (const [on, threat] of [
      ['2025-02-01', '2'],
      ['2025-03-11', '4'],
    ] as const) {
      await page.getByTestId('add-assessment').click();
      const form = page.getByTestId('assessment-form');
      await form.getByLabel(/^Évalué le/).fill(on);
      await form.getByLabel(/^Menace/).fill(threat);
      await form.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
      await page
        .getByRole('heading', { name: /^Évaluation du/ })
        .first()
        .waitFor();
    }
    await expect.poll(() => page.getByTestId('risk-trend').getAttribute('data-trend')).toBe('rising');
    await page.getByTestId('risk-chart').waitFor();
    await checkScreen(page, 'records', 'risk');

    // Protection plan with an overdue measure.
    await tab(page, 'Plan de protection');
    await page.getByTestId('add-plan').click();
    const planForm = page.getByTestId('plan-form');
    await planForm.getByLabel(/^Titre du plan/).fill('Plan de sécurité');
    await planForm.getByLabel(/^Date de révision/).fill('2099-01-01');
    await planForm.getByRole('button', { name: 'Créer le plan' }).click();
    await page.getByTestId('add-measure').click();
    const measureForm = page.getByTestId('measure-form');
    await choose(page, measureForm, /^Phase/, 'Réponse (protocole d’urgence)');
    await measureForm.getByLabel(/^Mesure/).fill('Arrestation');
    await measureForm.getByLabel(/^Si ceci arrive/).fill('Si la police vient au domicile');
    await measureForm.getByLabel(/^Faire ceci/).fill('Ne rien signer, prévenir l’avocate');
    await measureForm.getByLabel(/^Appeler/).fill('Avocate de permanence');
    await measureForm.getByLabel(/^Responsable/).fill('Coordinatrice');
    await measureForm.getByLabel(/^Échéance/).fill('2025-01-15');
    await measureForm.getByRole('button', { name: 'Enregistrer la mesure' }).click();
    const measure = page.getByTestId('measure').first();
    await measure.waitFor();
    expect(await measure.getAttribute('data-highlight')).toBe('overdue');
    await checkScreen(page, 'records', 'plan');

    // Consent (psychosocial only), then a legal referral refused (CONSENT_REQUIRED) and a psychosocial one accepted.
    await tab(page, 'Consentement');
    await page.getByTestId('add-consent').click();
    const consentForm = page.getByTestId('consent-form');
    await choose(page, consentForm, /^Personne concernée/, 'Militante A');
    // Referrals need identifying data (the core's rule); the form's default is anonymised only.
    await choose(page, consentForm, /^Données pouvant être partagées/, 'Données identifiantes');
    await choose(page, consentForm, /^Types de destinataires/, 'Psychosocial');
    await page.keyboard.press('Escape');
    await consentForm.getByLabel(/^Finalités/).fill('Soutien psychosocial');
    await consentForm.getByLabel(/^Recueilli par/).fill('Coordinatrice');
    await consentForm.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    await page.getByRole('heading', { name: /^Consentement de Militante A/ }).waitFor();
    await checkScreen(page, 'records', 'consent');

    await tab(page, 'Référencements');
    await page.getByTestId('add-referral').click();
    const referralForm = page.getByTestId('referral-form');
    await choose(page, referralForm, /^Service/, 'Juridique');
    await referralForm.getByLabel(/^Prestataire/).fill('Cabinet d’avocats');
    await referralForm.getByLabel(/^Consentement utilisé/).click();
    await page.getByRole('option', { name: /^Militante A/ }).click();
    await referralForm.getByLabel(/^Date de suivi/).fill('2025-04-01');
    await referralForm.getByRole('button', { name: 'Enregistrer le référencement' }).click();
    const refused = referralForm.getByTestId('record-error');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('CONSENT_REQUIRED');
    expect(await refused.textContent()).toContain(ERROR_MESSAGES.CONSENT_REQUIRED.fr);
    await checkScreen(page, 'records', 'referral-refused');
    await choose(page, referralForm, /^Service/, 'Psychosocial');
    await referralForm.getByLabel(/^Prestataire/).fill('Centre d’écoute');
    await referralForm.getByRole('button', { name: 'Enregistrer le référencement' }).click();
    await page.getByRole('heading', { name: 'Psychosocial — Centre d’écoute' }).waitFor();
    await page.getByText(/suivi en retard depuis le/).waitFor();
    await checkScreen(page, 'records', 'referrals');

    // Notes, history, audit.
    await tab(page, 'Notes');
    await page
      .getByRole('textbox', { name: /^Note/ })
      .fill('Entretien du 12 mars : la personne souhaite rester à Cotonou.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.getByText('la personne souhaite rester', { exact: false }).waitFor();
    await checkScreen(page, 'records', 'notes');
    await tab(page, 'Historique');
    await checkScreen(page, 'records', 'history');
    await tab(page, 'Audit');
    await page.getByTestId('verify-audit').click();
    await expect.poll(() => page.getByTestId('audit-verdict').textContent()).toContain('intact');
    // People belong to no single case, so the case's audit does not list the reveal (see docs/ui.md).
    expect(await page.getByRole('cell', { name: 'Création' }).count()).toBeGreaterThan(5);
    await checkScreen(page, 'records', 'audit');

    // Back to the list: the case row, the overdue panel; search for the incident's word.
    await page.getByRole('button', { name: '← Retour aux dossiers' }).click();
    await heading(page, 'Votre coffre');
    await page.getByTestId('case-row').first().waitFor();
    await page.getByTestId('overdue-panel').waitFor();
    await checkScreen(page, 'records', 'list');
    await page.getByTestId('search-input').fill('commissariat');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor();
    expect(await hit.locator('mark').first().textContent()).toMatch(/commissariat/i);
    await checkScreen(page, 'records', 'search');
    await hit.click();
    await heading(page, /DEF-2025-014/);
    expect(await page.getByRole('tab', { name: 'Incidents' }).getAttribute('aria-selected')).toBe('true');

    // Edit the incident, then delete it.
    await page.getByRole('button', { name: /^Modifier : Incident/ }).click();
    const editForm = page.getByTestId('incident-edit-form');
    await choose(page, editForm, /^Statut de vérification/, 'Vérifié');
    await editForm.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Vérifié', { exact: true }).waitFor();
    await page.getByRole('button', { name: /^Supprimer : Incident/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('La suppression est définitive', { exact: false }).waitFor();
    await checkScreen(page, 'records', 'delete-confirm');
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.getByText('Aucun incident enregistré pour ce dossier.').waitFor();

    // The case list in English.
    await page.getByRole('button', { name: '← Retour aux dossiers' }).click();
    await page.getByText('EN', { exact: true }).click();
    await heading(page, 'Your vault');
    await page.getByTestId('case-row').first().waitFor();
    expect(await page.getByTestId('case-row').first().textContent()).toContain('Defender protection');
    await checkScreen(page, 'records', 'list');
    expect(app.pageErrors).toEqual([]);
  }, 360_000);
});
