/**
 * The evidence locker in the built renderer, in Chromium, against the real main registry, the real
 * preview protocol and the real vault core: add a JPEG carrying GPS EXIF and a text file through the
 * (stand-in) OS file dialog, add a file by dropping it, add one to an incident; preview the image
 * (decoded: naturalWidth > 0) and the text; verify; draw a redaction region and create the copy
 * (new item, linked, no location); save a decrypted copy after the warning; delete. Every screen is
 * screenshotted (tests/e2e/screenshots/evidence-<screen>-<lang>.png) and checked with axe.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceDetail } from '../../shared/evidence/schemas.ts';
import { checkScreen, choose, createVaultThroughUi, heading } from './flows.ts';
import { assertRendererBuilt, type RunningApp, SCREENSHOTS_DIR, startApp } from './harness.ts';

let app: RunningApp | undefined;
let files: string | undefined;

beforeAll(() => {
  assertRendererBuilt();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  if (files) await rm(files, { recursive: true, force: true });
  files = undefined;
});

async function createCase(
  page: Page,
  code = 'DEF-2026-031',
  title = 'Photos d’une agression devant le centre de santé',
  kind = 'Protection d’un·e défenseur·e',
): Promise<void> {
  await page.getByTestId('cases-empty').waitFor();
  await page.getByRole('button', { name: 'Créer votre premier dossier' }).click();
  const caseForm = page.getByTestId('case-form');
  await caseForm.getByLabel(/^Code du dossier/).fill(code);
  await caseForm.getByLabel(/^Intitulé/).fill(title);
  await choose(page, caseForm, /^Type de dossier/, kind);
  await caseForm.getByRole('button', { name: 'Créer le dossier' }).click();
  await heading(page, new RegExp(code));
}

/** A JPEG made here, with a camera, a date and a GPS position (Cotonou) in its EXIF. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 480, height: 320, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .composite([
      {
        input: await sharp({
          create: { width: 160, height: 120, channels: 3, background: { r: 240, g: 200, b: 40 } },
        })
          .png()
          .toBuffer(),
        left: 60,
        top: 80,
      },
    ])
    .jpeg()
    .withExif({
      IFD0: { Make: 'Tecno', Model: 'Spark 10', DateTime: '2026:03:02 10:15:00' },
      IFD2: { DateTimeOriginal: '2026:03:02 10:15:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '6/1 22/1 13/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 23/1 28/1',
      },
    })
    .toBuffer();
}

/** A mono 8-bit 8 kHz WAV of `seconds` seconds (a 440 Hz tone). */
function wavTone(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  const data = Buffer.alloc(samples);
  for (let i = 0; i < samples; i++) data[i] = 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return Buffer.concat([header, data]);
}

async function naturalWidth(image: Locator): Promise<number> {
  await expect
    .poll(() => image.evaluate((img) => (img as unknown as { complete: boolean }).complete), {
      timeout: 10_000,
    })
    .toBe(true);
  return image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
}

async function openItem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Ouvrir ${name}` }).click();
  await page.getByTestId('evidence-item').waitFor();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

async function backToGallery(page: Page): Promise<void> {
  await page.getByTestId('back-to-gallery').click();
  await page.getByTestId('evidence-tab').waitFor();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function detailOf(running: RunningApp, id: string): Promise<EvidenceDetail> {
  const result = await running.services.registry.invoke('evidence:get', { id });
  if (!result.ok) throw new Error(result.error.code);
  return result.value as EvidenceDetail;
}

describe('evidence locker in Chromium (real vault core)', () => {
  it('add (picker, drop, incident), preview, verify, redact, save a copy, delete', async () => {
    files = await mkdtemp(join(tmpdir(), 'casevault-e2e-files-'));
    const photo = join(files, 'IMG_2031.jpg');
    const photoBytes = await photoWithGps();
    writeFileSync(photo, photoBytes);
    const note = join(files, 'menaces.txt');
    writeFileSync(note, 'SMS reçu le 2 mars à 22 h 14 :\n« On sait où tu travailles. »\n');
    const dropped = join(files, 'capture-ecran.txt');
    writeFileSync(dropped, 'Capture du profil qui publie les photos.\n');
    const forIncident = join(files, 'convocation.txt');
    writeFileSync(forIncident, 'Convocation au commissariat, 14 mars.\n');

    app = await startApp();
    const { page } = app;
    await createVaultThroughUi(page);
    await createCase(page);

    // An incident, to drop evidence on it later.
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page.getByTestId('add-incident').click();
    const incidentForm = page.getByTestId('incident-form');
    await incidentForm.getByLabel(/^Date de l’incident/).fill('2026-03-02');
    await choose(page, incidentForm, /^Type d’incident/, 'Harcèlement judiciaire / poursuites');
    await incidentForm.getByRole('button', { name: 'Enregistrer l’incident' }).click();
    await page.getByRole('heading', { name: /Harcèlement judiciaire/ }).waitFor();

    // Evidence tab, empty.
    await page.getByRole('tab', { name: 'Preuves' }).click();
    await page.getByTestId('evidence-tab').waitFor();
    await page.getByText('Aucune preuve dans ce dossier pour l’instant.').waitFor();
    await checkScreen(page, 'evidence', 'empty');

    // Two files through main's open dialog (the test's stand-in returns them).
    app.dialogs.nextOpen.push([photo, note]);
    await page.getByTestId('choose-files').click();
    const chosen = page.getByTestId('chosen-files');
    await chosen.getByText('IMG_2031.jpg').waitFor();
    await chosen.getByText('menaces.txt').waitFor();
    await chosen.getByLabel(/^Provenance/).click();
    await page.getByRole('option', { name: 'Reçu de quelqu’un', exact: true }).click();
    await chosen.getByLabel(/^Reçu de/).fill('Militante A');
    await checkScreen(page, 'evidence', 'chosen');
    expect(app.dialogs.calls).toEqual([{ kind: 'open', options: { multiple: true } }]);
    await page.getByTestId('add-files').click();
    await expect.poll(() => page.getByTestId('add-summary').textContent()).toContain('2 fichiers ajoutés');
    await expect.poll(() => page.getByTestId('evidence-card').count()).toBe(2);

    // One more by drag and drop: a real File in a real drop event, through the preload API.
    await page.evaluate(
      ({ name, path }) => {
        const g = globalThis as unknown as {
          __casevaultE2eDropPaths: Record<string, string>;
          document: { querySelector(s: string): { dispatchEvent(e: unknown): boolean } };
          DataTransfer: new () => { items: { add(file: unknown): void } };
          DragEvent: new (type: string, init: unknown) => unknown;
          File: new (parts: string[], name: string) => unknown;
        };
        g.__casevaultE2eDropPaths = { [name]: path };
        const transfer = new g.DataTransfer();
        transfer.items.add(new g.File(['(contenu vu par la page, jamais envoyé)'], name));
        const zone = g.document.querySelector('[data-testid="add-evidence"] [data-testid="drop-zone"]');
        zone.dispatchEvent(
          new g.DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      },
      { name: 'capture-ecran.txt', path: dropped },
    );
    await page.getByTestId('chosen-files').getByText('capture-ecran.txt').waitFor();
    await page.getByTestId('add-files').click();
    await expect.poll(() => page.getByTestId('evidence-card').count()).toBe(3);
    const thumbnail = page.getByTestId('evidence-thumbnail').first();
    expect(await naturalWidth(thumbnail)).toBeGreaterThan(0);
    await checkScreen(page, 'evidence', 'gallery');

    // The photo: preview decoded from the vault, location warning, metadata, custody.
    await openItem(page, 'IMG_2031.jpg');
    expect(await naturalWidth(page.getByTestId('evidence-preview-image'))).toBe(480);
    await expect
      .poll(() => page.getByTestId('location-warning').textContent())
      .toContain('Ce fichier révèle un lieu');
    expect(await page.getByTestId('evidence-metadata').textContent()).toContain('Tecno Spark 10');
    const sha = await page.getByTestId('evidence-sha256').inputValue();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    await page.getByTestId('verify-item').click();
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toContain('Intact');
    await expect
      .poll(() =>
        page.getByTestId('custody-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))),
      )
      .toEqual(['acquire', 'view', 'verify']);
    await checkScreen(page, 'evidence', 'item');

    // Redaction: one region drawn with the mouse, one added from the keyboard and typed in.
    await page.getByTestId('start-redaction').click();
    const surface = page.getByTestId('redaction-surface');
    await surface.waitFor();
    expect(await naturalWidth(page.getByTestId('redaction-image'))).toBe(480);
    await surface.scrollIntoViewIfNeeded();
    const box = (await surface.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.7, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('redaction-region').count()).toBe(1);
    await page.getByTestId('add-region').click();
    const width2 = page.getByLabel('Largeur, zone 2');
    await width2.fill('20');
    await width2.press('Tab');
    await expect.poll(() => page.getByTestId('redaction-region').count()).toBe(2);
    await checkScreen(page, 'evidence', 'redact');
    await page.getByTestId('create-redacted').click();
    await page.getByRole('heading', { level: 2, name: 'IMG_2031-redacted.jpg' }).waitFor();
    expect(await page.getByTestId('location-warning').count()).toBe(0);
    await page.getByTestId('redaction-links').getByText('Ouvrir l’original').waitFor();
    expect(await naturalWidth(page.getByTestId('evidence-preview-image'))).toBe(480);
    const copySha = await page.getByTestId('evidence-sha256').inputValue();
    expect(copySha).not.toBe(sha);
    await checkScreen(page, 'evidence', 'redacted-copy');

    // The original is unchanged and linked to its copy.
    await page.getByTestId('redaction-links').getByText('Ouvrir l’original').click();
    await page.getByRole('heading', { level: 2, name: 'IMG_2031.jpg' }).waitFor();
    expect(await page.getByTestId('evidence-sha256').inputValue()).toBe(sha);
    await page.getByTestId('open-redacted-copy').waitFor();

    // Save a decrypted copy: warning first, then main's save dialog (stand-in), then the copy.
    const out = join(files, 'copie-dechiffree.jpg');
    app.dialogs.nextSave.push(out);
    await page.getByTestId('save-copy').click();
    await page.getByTestId('save-copy-warning').waitFor();
    await checkScreen(page, 'evidence', 'save-warning');
    await page.getByTestId('save-copy-confirm').click();
    await page.getByText('Copie déchiffrée enregistrée.').waitFor();
    expect(readFileSync(out).equals(photoBytes)).toBe(true);
    expect(app.dialogs.calls.at(-1)).toMatchObject({
      kind: 'save',
      options: { defaultName: 'IMG_2031.jpg' },
    });
    await expect
      .poll(() =>
        page.getByTestId('custody-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))),
      )
      .toEqual(expect.arrayContaining(['redact', 'extract']));

    // The copy's record says what the screen said: linked, no location.
    const listed = await app.services.registry.invoke('evidence:list', {});
    const items = (listed as { value: { items: Array<{ id: string; originalName: string }> } }).value.items;
    const copy = items.find((i) => i.originalName === 'IMG_2031-redacted.jpg')!;
    const original = items.find((i) => i.originalName === 'IMG_2031.jpg')!;
    const copyDetail = await detailOf(app, copy.id);
    expect(copyDetail.item).toMatchObject({ redactedOf: original.id, hasLocation: false });
    expect(copyDetail.metadata.gps).toBeUndefined();

    // The text: preview over IPC; then delete it.
    await backToGallery(page);
    await openItem(page, 'menaces.txt');
    await expect
      .poll(() => page.getByTestId('evidence-preview-text').textContent())
      .toContain('On sait où tu travailles');
    await checkScreen(page, 'evidence', 'text');
    await page.getByTestId('delete-item').click();
    await checkScreen(page, 'evidence', 'delete-confirm');
    await page.getByTestId('delete-item-confirm').click();
    await page.getByTestId('evidence-tab').waitFor();
    await expect.poll(() => page.getByTestId('evidence-card').count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Ouvrir menaces.txt' }).count()).toBe(0);

    // Audio: the <audio> element reads the item through the protocol (range requests) and plays it.
    const tone = join(files, 'message-vocal.wav');
    writeFileSync(tone, wavTone(1));
    app.dialogs.nextOpen.push([tone]);
    await page.getByTestId('choose-files').click();
    await page.getByTestId('add-files').click();
    await expect.poll(() => page.getByTestId('evidence-card').count()).toBe(4);
    await openItem(page, 'message-vocal.wav');
    const audio = page.getByTestId('evidence-preview-audio');
    await expect
      .poll(() => audio.evaluate((el) => (el as unknown as { duration: number }).duration), {
        timeout: 10_000,
      })
      .toBeCloseTo(1, 1);
    await checkScreen(page, 'evidence', 'audio');
    await backToGallery(page);

    // Evidence dropped on the incident: a small zone on its card.
    await page.getByRole('tab', { name: 'Incidents' }).click();
    const incidentZone = page.locator('[data-testid^="add-evidence-"]').first();
    await incidentZone.waitFor();
    app.dialogs.nextOpen.push([forIncident]);
    await incidentZone.getByTestId('choose-files').click();
    await incidentZone.getByTestId('add-files').click();
    await expect
      .poll(() => page.getByTestId('incident-evidence-count').first().textContent())
      .toContain('1 preuve');
    await checkScreen(page, 'evidence', 'incident');

    // The same screens in English.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('tab', { name: 'Evidence' }).click();
    await page.getByTestId('evidence-tab').waitFor();
    await page.getByText('5 pieces of evidence').waitFor();
    await checkScreen(page, 'evidence', 'gallery');
    await page.getByRole('button', { name: 'Open IMG_2031.jpg' }).click();
    await page.getByRole('heading', { level: 2, name: 'IMG_2031.jpg' }).waitFor();
    await page.getByTestId('location-warning').getByText('This file reveals a location').waitFor();
    await checkScreen(page, 'evidence', 'item');

    // No plaintext side file: nothing in the vault folder holds the note's or the photo's bytes.
    const sentinels = [Buffer.from('On sait où tu travailles'), photoBytes.subarray(200, 264)];
    for (const file of filesUnder(app.vaultDir)) {
      const bytes = readFileSync(file);
      for (const sentinel of sentinels) expect(bytes.includes(sentinel), file).toBe(false);
    }
    expect(app.pageErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  });

  it('OCSEA case: warns before adding and records the report instead of the material', async () => {
    files = await mkdtemp(join(tmpdir(), 'casevault-e2e-files-'));
    const capture = join(files, 'capture.png');
    writeFileSync(
      capture,
      await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 90, g: 90, b: 90 } } })
        .png()
        .toBuffer(),
    );
    app = await startApp();
    const { page } = app;
    await createVaultThroughUi(page);
    await createCase(
      page,
      'OC-2026-004',
      'Signalement d’un compte qui diffuse des images',
      'Signalement OCSEA',
    );
    await page.getByRole('tab', { name: 'Preuves' }).click();
    await page.getByTestId('ocsea-banner').waitFor();
    await checkScreen(page, 'evidence', 'ocsea-banner');

    app.dialogs.nextOpen.push([capture]);
    await page.getByTestId('choose-files').click();
    await page.getByTestId('add-files').click();
    const warning = page.getByTestId('ocsea-warning');
    await warning.waitFor();
    await checkScreen(page, 'evidence', 'ocsea-warning');
    await warning.getByRole('button', { name: 'Enregistrer le signalement à la place' }).click();

    const form = page.getByTestId('ocsea-report-form');
    await form.getByLabel(/^Plateforme/).fill('Réseau social X');
    await form.getByLabel(/^Adresse \(URL\)/).fill('https://example.org/compte/123');
    await choose(page, form, /^Signalé à/, 'Portail de signalement IWF');
    await form.getByLabel(/^Référence du signalement/).fill('IWF-2026-5531');
    await checkScreen(page, 'evidence', 'ocsea-report-form');
    await form.getByRole('button', { name: 'Enregistrer le signalement' }).click();
    await page
      .getByTestId('ocsea-reports')
      .getByText(/Réseau social X — Portail de signalement IWF — IWF-2026-5531/)
      .waitFor();
    await checkScreen(page, 'evidence', 'ocsea-reported');

    // The image never entered the vault.
    const listed = await app.services.registry.invoke('evidence:list', {});
    expect(listed).toMatchObject({ ok: true, value: { total: 0 } });
  });
});
