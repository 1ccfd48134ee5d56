/**
 * The Received area reads like the sender's own screens: record fields with the records screens'
 * labels and pick-list names in French and English (never the stored codes), dates formatted, people
 * with their role, and what this version does not know (a code, a field, a kind of record from a
 * newer sender) shown as stored and marked; identifying data only on request. Received files open in the app: the image from the
 * `/__received__/` route, text over IPC, the location warning when the file carries GPS (also in
 * the save-copy warning), and nothing saved without the warning.
 */
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { ReceivedArea } from '../../../renderer/src/sharing/ReceivedArea.tsx';
import { cssVariablesResolver, theme } from '../../../renderer/src/theme.ts';
import type { Language } from '../../../shared/errors.ts';
import { installFakeCaseVault } from '../fake-casevault.ts';

const RECEIVED = '3c1b0a9f-8e7d-4c65-9403-9c8b7a6f5e4d';
const CASE = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const PERSON = '1a9f8e7d-6c5b-4a43-9281-7a6f5e4d3c2b';
const PHOTO = '5e4d3c2b-1a0f-4e8d-9c7b-6a5f4e3d2c1b';
const NOTE = '6f5e4d3c-2b1a-4f9e-8d7c-7b6a5f4e3d2c';
const SHA = 'ab'.repeat(32);
const stamp = { createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z' };

/** As a sender on a NEWER version could write it: an unknown status, kind, field and array. */
const recordsJson = JSON.stringify({
  format: 'casevault.records/1',
  exportedAt: '2026-11-20T10:00:00.000Z',
  identities: 'included',
  customKinds: [{ code: 'custom.threat-letter', fr: 'Lettre de menace', en: 'Threat letter' }],
  people: [
    { id: PERSON, alias: 'Rose', ageGroup: '18-25', sex: 'female', realName: 'Aminata Diop', ...stamp },
  ],
  cases: [
    {
      id: CASE,
      code: 'PSEA-2026-004',
      kind: 'psea-complaint',
      title: 'Plainte contre un agent',
      status: 'suspended-pending-review',
      sensitivity: 'high',
      openedOn: '2026-03-01',
      location: { country: 'CD', region: 'Nord-Kivu', district: 'Beni' },
      tags: [],
      summary: '',
      ...stamp,
    },
  ],
  casePeople: [{ caseId: CASE, personId: PERSON, role: 'survivor' }],
  incidents: [
    {
      id: '2b0a9f8e-7d6c-4b54-8392-8b7a6f5e4d3c',
      caseId: CASE,
      occurredOn: '2026-02-27',
      datePrecision: 'exact',
      kind: 'psea.sexual-exploitation',
      verification: 'reported',
      description: 'Échange d’aide contre des faveurs',
      location: {},
      people: [{ personId: PERSON, role: 'survivor' }],
      riskScore: 7,
      ...stamp,
    },
    {
      id: '4d3c2b1a-0f9e-4d7c-8b6a-5f4e3d2c1b0a',
      caseId: CASE,
      occurredOn: '2026-02-28',
      datePrecision: 'exact',
      kind: 'mrm.future-violation',
      verification: 'verified',
      location: {},
      people: [],
      ...stamp,
    },
    {
      id: '5e4d3c2b-1a0f-4e9d-8c7b-0a9f8e7d6c5b',
      caseId: CASE,
      occurredOn: '2026-03-01',
      datePrecision: 'month',
      kind: 'custom.threat-letter',
      verification: 'reported',
      location: {},
      people: [],
      ...stamp,
    },
  ],
  consents: [
    {
      id: '7a6f5e4d-3c2b-4a1f-9e8d-8c7b6a5f4e3d',
      caseId: CASE,
      personId: PERSON,
      givenBy: 'survivor',
      dataLevel: 'identifying',
      recipientKinds: ['legal', 'psychosocial'],
      purposes: 'Accompagnement juridique',
      method: 'written',
      recordedBy: 'Agent 7',
      givenOn: '2026-03-01',
      notes: '',
      ...stamp,
    },
  ],
  safetyChecks: [{ id: '8b7a6f5e-4d3c-4b2a-8f9e-9d8c7b6a5f4e', caseId: 'elsewhere', verdict: 'ok' }],
});

function handlers() {
  const summary = {
    id: RECEIVED,
    exportId: '9c8b7a6f-5e4d-4c3b-9a1f-0e9d8c7b6a5f',
    receivedAt: '2026-11-21T08:00:00.000Z',
    createdAt: '2026-11-20T10:00:00.000Z',
    purpose: 'Suivi juridique',
    sender: { fingerprintId: SHA, fingerprintDigits: ['12345'], known: true, name: 'Alice' },
    fileSha256: SHA,
    records: { cases: 1 },
    files: 2,
    receiptCreatedAt: null,
  };
  const file = (id: string, name: string, size: number) => ({
    id,
    exportFileId: id,
    name,
    size,
    sha256: SHA,
  });
  return {
    'sharing:received-list': () => [summary],
    'sharing:received-get': () => ({
      ...summary,
      recordsJson,
      fileList: [file(PHOTO, 'IMG_0001.JPG', 48_000), file(NOTE, 'temoignage.txt', 40)],
    }),
    'sharing:received-file-info': (input: unknown) => {
      const id = (input as { id: string }).id;
      return id === PHOTO
        ? {
            id,
            receivedId: RECEIVED,
            name: 'IMG_0001.JPG',
            size: 48_000,
            sha256: SHA,
            mediaType: 'image/jpeg',
            detectedType: { mime: 'image/jpeg', ext: 'jpg', category: 'image' },
            metadata: { gps: { lat: 14.6833333, lon: -17.4333333 }, device: { make: 'Acme' } },
          }
        : {
            id,
            receivedId: RECEIVED,
            name: 'temoignage.txt',
            size: 40,
            sha256: SHA,
            detectedType: { mime: 'text/plain', ext: 'txt', category: 'text' },
            metadata: {},
          };
    },
    'sharing:received-file-text': () => ({ text: 'Témoignage écrit de Rose.', truncated: false, size: 40 }),
    'sharing:received-file-verify': (input: unknown) => ({
      id: (input as { id: string }).id,
      ok: false,
      reason: 'auth',
    }),
  };
}

type Overrides = Parameters<typeof installFakeCaseVault>[0]['handlers'];

/** The Received area in its providers, over a fake main whose handlers a test may override. */
function renderReceived(language: Language, overrides: Overrides = {}) {
  const fake = installFakeCaseVault({ state: 'unlocked', handlers: { ...handlers(), ...overrides } });
  const i18n = createI18n(language);
  render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <ReceivedArea />
      </I18nextProvider>
    </MantineProvider>,
  );
  return fake;
}

async function openExport(language: Language) {
  const fake = renderReceived(language);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: /9c8b7a6f/ }));
  await screen.findByTestId('received-case');
  return { fake, user };
}

async function waitForVideo(scope: HTMLElement): Promise<HTMLVideoElement> {
  for (let i = 0; i < 50; i++) {
    const video = scope.querySelector('video');
    if (video) return video;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no <video>');
}

const fieldRow = (scope: HTMLElement, field: string) =>
  within(scope)
    .getAllByTestId('received-field')
    .find((row) => row.getAttribute('data-field') === field)!;

describe('received records with the records screens’ labels', () => {
  it('French: labels, names and dates, not stored codes; unknown codes, fields and kinds marked', async () => {
    const { user } = await openExport('fr');
    const kase = screen.getByTestId('received-case');
    expect(
      within(kase).getByRole('heading', { name: 'Dossier PSEA-2026-004 — Plainte contre un agent' }),
    ).toBeTruthy();
    expect(within(kase).getAllByText('Reçu').length).toBeGreaterThan(0);
    expect(fieldRow(kase, 'kind').textContent).toBe('Type de dossierPlainte PSEA');
    expect(fieldRow(kase, 'sensitivity').textContent).toBe('SensibilitéÉlevée');
    expect(fieldRow(kase, 'openedOn').textContent).toBe('Ouvert le1 mars 2026');
    expect(fieldRow(kase, 'location.region').textContent).toBe('RégionNord-Kivu');
    // A status this version does not know: the code as stored, marked.
    const status = fieldRow(kase, 'status');
    expect(within(status).getByTestId('unknown-code').textContent).toBe(
      'suspended-pending-review code inconnu',
    );
    // A location member it does not know: shown, marked as an unknown field.
    expect(fieldRow(kase, 'location.district').textContent).toBe('location.district champ inconnuBeni');

    const people = within(kase)
      .getAllByTestId('received-record')
      .filter((r) => r.dataset.kind === 'people');
    expect(people).toHaveLength(1);
    expect(within(people[0]!).getByRole('heading').textContent).toBe('Rose — Survivant·e');
    expect(fieldRow(people[0]!, 'ageGroup').textContent).toBe('Tranche d’âge18–25');
    expect(fieldRow(people[0]!, 'sex').textContent).toBe('SexeFéminin');
    // The real name is not on screen until asked for, as on the sender's People tab.
    expect(people[0]!.textContent).not.toContain('Aminata Diop');
    await user.click(within(people[0]!).getByTestId('received-reveal'));
    expect(fieldRow(people[0]!, 'realName').textContent).toBe('Nom réelAminata Diop');
    await user.click(within(people[0]!).getByRole('button', { name: 'Masquer les données identifiantes' }));
    expect(people[0]!.textContent).not.toContain('Aminata Diop');

    const incidents = within(kase)
      .getAllByTestId('received-record')
      .filter((r) => r.dataset.kind === 'incidents');
    expect(within(incidents[0]!).getByRole('heading').textContent).toBe(
      '27 févr. 2026 — Exploitation sexuelle',
    );
    expect(fieldRow(incidents[0]!, 'verification').textContent).toBe('Statut de vérificationSignalé');
    expect(fieldRow(incidents[0]!, 'people').textContent).toBe('Personnes concernéesRose (Survivant·e)');
    expect(fieldRow(incidents[0]!, 'riskScore').getAttribute('data-unknown')).toBe('true');
    // An incident kind from a newer taxonomy: marked where the field is shown.
    expect(within(fieldRow(incidents[1]!, 'kind')).getByTestId('unknown-code').textContent).toContain(
      'mrm.future-violation',
    );
    // The sender's own incident kind, named as the document defines it; the date's precision said.
    expect(within(incidents[2]!).getByRole('heading').textContent).toBe(
      '1 mars 2026 (Mois connu) — Lettre de menace',
    );
    expect(fieldRow(incidents[2]!, 'kind').textContent).toBe('Type d’incidentLettre de menace');

    const consent = within(kase)
      .getAllByTestId('received-record')
      .find((r) => r.dataset.kind === 'consents')!;
    expect(fieldRow(consent, 'personId').textContent).toContain('Rose');
    expect(fieldRow(consent, 'recipientKinds').textContent).toBe(
      'Types de destinataires autorisésJuridique, Psychosocial',
    );
    expect(fieldRow(consent, 'method').textContent).toBe('Recueilli commentÉcrit (formulaire signé)');

    // The stored codes of known values appear nowhere.
    const text = screen.getByTestId('received-records').textContent ?? '';
    for (const code of [
      'psea-complaint',
      'psea.sexual-exploitation',
      'survivor',
      'written',
      '18-25',
      'female',
    ])
      expect(text, code).not.toContain(code);

    // A kind of record this version does not know, attached to no case of the file.
    const others = screen.getByTestId('received-other-records');
    expect(within(others).getByText('safetyChecks')).toBeTruthy();
    expect(within(others).getByText('type de fiche inconnu')).toBeTruthy();
    expect(fieldRow(others, 'verdict').textContent).toContain('ok');
  });

  it('English: the same record with English labels and dates', async () => {
    await openExport('en');
    const kase = screen.getByTestId('received-case');
    expect(
      within(kase).getByRole('heading', { name: 'Case PSEA-2026-004 — Plainte contre un agent' }),
    ).toBeTruthy();
    expect(fieldRow(kase, 'kind').textContent).toBe('Kind of casePSEA complaint');
    expect(fieldRow(kase, 'openedOn').textContent).toBe('Opened on1 Mar 2026');
    expect(within(fieldRow(kase, 'status')).getByTestId('unknown-code').textContent).toBe(
      'suspended-pending-review unknown code',
    );
    const incident = within(kase)
      .getAllByTestId('received-record')
      .find((r) => r.dataset.kind === 'incidents')!;
    expect(within(incident).getByRole('heading').textContent).toBe('27 Feb 2026 — Sexual exploitation');
    expect(fieldRow(incident, 'people').textContent).toBe('People involvedRose (Survivor)');
    const consent = within(kase)
      .getAllByTestId('received-record')
      .find((r) => r.dataset.kind === 'consents')!;
    expect(fieldRow(consent, 'recipientKinds').textContent).toBe(
      'Kinds of recipients allowedLegal, Psychosocial',
    );
  });

  it('says the records cannot be read rather than crashing on a document that is not JSON', async () => {
    renderReceived('fr', {
      'sharing:received-get': () => ({
        ...(handlers()['sharing:received-get']() as object),
        recordsJson: '{"cases": [42, null, "x"], "people": 3',
      }),
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: /9c8b7a6f/ }));
    expect(await screen.findByText('Les enregistrements n’ont pas pu être lus.')).toBeTruthy();
  });
});

describe('received documents of unexpected shapes', () => {
  it('shows what it can of odd entries and never crashes', async () => {
    renderReceived('en', {
      'sharing:received-get': () => ({
        ...(handlers()['sharing:received-get']() as object),
        recordsJson: JSON.stringify({
          cases: [42, null, 'x', { id: CASE, code: 'X-1', kind: ['not', 'a', 'code'], openedOn: 7 }],
          people: 3,
          casePeople: [{ caseId: CASE }, null],
          customKinds: [{ fr: 'sans code' }],
          incidents: [{ id: 'i', caseId: CASE, kind: null, people: [null, { role: 42 }], location: 'Goma' }],
          notes: [],
        }),
      }),
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: /9c8b7a6f/ }));
    const kase = await screen.findByTestId('received-case');
    expect(within(fieldRow(kase, 'kind')).getByTestId('unknown-code').textContent).toContain('not, a, code');
    expect(fieldRow(kase, 'openedOn').textContent).toBe('Opened on7');
    const incident = within(kase)
      .getAllByTestId('received-record')
      .find((r) => r.dataset.kind === 'incidents')!;
    expect(fieldRow(incident, 'location').textContent).toContain('Goma');
    expect(fieldRow(incident, 'people').textContent).toContain('—');
  });
});

describe('received files previewed in the app', () => {
  it('shows the image from the Received route with the location warning, and text over IPC', async () => {
    const { fake, user } = await openExport('fr');
    await user.click(screen.getByRole('button', { name: 'Voir l’aperçu de IMG_0001.JPG' }));
    const view = await screen.findByTestId('received-file-view');
    const image = (await within(view).findByTestId('received-preview-image')) as HTMLImageElement;
    // The page's own origin (jsdom runs on http:, so the app scheme is named as under `electron-vite dev`).
    expect(image.getAttribute('src')).toMatch(new RegExp(`^(casevault://app)?/__received__/${PHOTO}$`));
    expect(image.getAttribute('alt')).toBe('Aperçu de IMG_0001.JPG');
    const warning = within(view).getByTestId('location-warning');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toContain('14.68333');
    expect(within(view).getByText('Reçu')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('IMG_0001.JPG');
    // Verify integrity: the outcome in words.
    await user.click(within(view).getByTestId('received-verify'));
    expect((await within(view).findByTestId('received-verify-result')).textContent).toContain(
      'échoue à l’authentification',
    );
    expect(fake.callsTo('sharing:received-file-verify')).toEqual([{ id: PHOTO }]);

    // The save-copy warning repeats the location, and nothing is saved before confirmation.
    await user.click(
      within(view).getByRole('button', { name: 'Enregistrer une copie déchiffrée de IMG_0001.JPG' }),
    );
    expect((await screen.findByTestId('save-received-location')).textContent).toContain('GPS');
    expect(fake.callsTo('sharing:received-file-save')).toEqual([]);
    await user.click(
      within(screen.getByTestId('save-received-warning')).getByRole('button', { name: 'Annuler' }),
    );

    await user.click(within(view).getByTestId('received-file-back'));
    const back = screen.getByRole('button', { name: 'Voir l’aperçu de IMG_0001.JPG' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(document.activeElement).toBe(back);

    await user.click(screen.getByRole('button', { name: 'Voir l’aperçu de temoignage.txt' }));
    expect((await screen.findByTestId('received-preview-text')).textContent).toBe(
      'Témoignage écrit de Rose.',
    );
    expect(screen.queryByTestId('location-warning')).toBeNull();
    expect(fake.callsTo('sharing:received-file-text')).toEqual([{ id: NOTE }]);
    expect(fake.callsTo('sharing:received-file-save')).toEqual([]);
  });

  it('plays received audio and video from the same route', async () => {
    const media: Record<string, [string, string]> = {
      [PHOTO]: ['audio/wav', 'audio'],
      [NOTE]: ['video/mp4', 'video'],
    };
    const fake = renderReceived('fr', {
      'sharing:received-file-info': (input) => {
        const id = (input as { id: string }).id;
        const [mime, category] = media[id]!;
        return {
          id,
          receivedId: RECEIVED,
          name: id === PHOTO ? 'IMG_0001.JPG' : 'temoignage.txt',
          size: 10,
          sha256: SHA,
          detectedType: { mime, ext: 'x', category },
          metadata: {},
        };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /9c8b7a6f/ }));
    await user.click(await screen.findByRole('button', { name: 'Voir l’aperçu de IMG_0001.JPG' }));
    const audio = await screen.findByTestId('received-preview-audio');
    expect(audio.getAttribute('src')).toMatch(new RegExp(`/__received__/${PHOTO}$`));
    await user.click(screen.getByTestId('received-file-back'));
    await user.click(screen.getByRole('button', { name: 'Voir l’aperçu de temoignage.txt' }));
    const view = await screen.findByTestId('received-file-view');
    await within(view).findByRole('heading', { name: 'temoignage.txt' });
    const video = await waitForVideo(view);
    expect(video.getAttribute('src')).toMatch(new RegExp(`/__received__/${NOTE}$`));
    expect(fake.callsTo('sharing:received-file-text')).toEqual([]);
  });
});
