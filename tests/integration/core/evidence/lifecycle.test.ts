import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { type EvidenceFixture, openEvidenceFixture, patternBytes } from './fixture.ts';

let fx: EvidenceFixture;
afterEach(() => fx?.cleanup());

/** A JPEG made here, carrying EXIF with a camera, a date and a GPS position. */
async function photoWithGps(width = 320, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 180, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Acme', Model: 'Phone 7', Software: 'camera 1.2', DateTime: '2026:03:02 10:15:00' },
      IFD2: { DateTimeOriginal: '2026:03:02 10:15:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '14/1 41/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '17/1 26/1 0/1',
      },
    })
    .toBuffer();
}

const blobNames = (dir: string) =>
  existsSync(path.join(dir, 'evidence')) ? readdirSync(path.join(dir, 'evidence')) : [];

describe('evidence metadata and redacted copies', () => {
  it('reads EXIF, device and GPS from a generated photo and flags the location', async () => {
    fx = await openEvidenceFixture();
    const item = await fx.evidence.add({
      caseId: fx.caseId,
      path: fx.file('IMG_0001.JPG', await photoWithGps()),
    });
    expect(item.detectedType).toEqual({ mime: 'image/jpeg', ext: 'jpg', category: 'image' });
    expect(item.hasLocation).toBe(true);
    const detail = fx.evidence.get(item.id);
    expect(detail.metadata.gps!.lat).toBeCloseTo(14.6833, 3);
    expect(detail.metadata.gps!.lon).toBeCloseTo(-17.4333, 3);
    expect(detail.metadata.device).toEqual({ make: 'Acme', model: 'Phone 7' });
    expect(detail.metadata.software).toBe('camera 1.2');
    expect(detail.metadata.takenAt).toBeDefined();
    expect(detail.custody.map((e) => e.action)).toEqual(['acquire']);
  });

  it('a redacted copy has no EXIF, black regions, a new hash; the original is unchanged', async () => {
    fx = await openEvidenceFixture();
    const original = await fx.evidence.add({
      caseId: fx.caseId,
      path: fx.file('p.jpg', await photoWithGps()),
    });
    const copy = await fx.evidence.redact(original.id, [{ x: 0, y: 0, w: 0.5, h: 0.5 }]);
    expect(copy.redactedOf).toBe(original.id);
    expect(copy.hasLocation).toBe(false);
    expect(copy.sha256).not.toBe(original.sha256);
    expect(copy.detectedType.mime).toBe('image/jpeg');
    const { bytes } = await fx.evidence.readRange(copy.id, 0, copy.size);
    expect(await exifr.parse(Buffer.from(bytes))).toBeUndefined();
    const meta = await sharp(Buffer.from(bytes)).metadata();
    expect(meta.exif).toBeUndefined();
    const { data, info } = await sharp(Buffer.from(bytes)).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    expect(Math.max(...px(40, 40))).toBeLessThan(20);
    expect(px(300, 180)[0]).toBeGreaterThan(150);
    const [check] = await fx.evidence.verify([original.id]);
    expect(check!.ok).toBe(true);
    const again = fx.evidence.get(original.id);
    expect(again.item.sha256).toBe(original.sha256);
    expect(again.item.redactedCopies).toEqual([copy.id]);
    expect(again.custody.map((e) => e.action)).toEqual(['acquire', 'redact', 'verify']);
  });

  it('refuses to redact what is not an image, writing nothing', async () => {
    fx = await openEvidenceFixture();
    const item = await fx.evidence.add({ caseId: fx.caseId, path: fx.file('n.txt', 'notes') });
    const before = blobNames(fx.dir);
    await expect(fx.evidence.redact(item.id, [])).rejects.toMatchObject({
      code: 'EVIDENCE_UNSUPPORTED_REDACTION',
    });
    expect(blobNames(fx.dir)).toEqual(before);
  });
});

describe('document metadata', () => {
  it('reads a PDF Info dictionary when it is plain text', async () => {
    fx = await openEvidenceFixture();
    const pdf = [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
      '3 0 obj << /Title (Proces-verbal \\(copie\\)) /Author (Bureau) /Producer (Scan 2) /CreationDate (D:20260302101500Z) >> endobj',
      'trailer << /Root 1 0 R /Info 3 0 R >>',
      '%%EOF',
    ].join('\n');
    const item = await fx.evidence.add({ caseId: fx.caseId, path: fx.file('pv.pdf', pdf) });
    expect(item.detectedType).toEqual({ mime: 'application/pdf', ext: 'pdf', category: 'pdf' });
    expect(fx.evidence.get(item.id).metadata.pdf).toEqual({
      title: 'Proces-verbal (copie)',
      author: 'Bureau',
      producer: 'Scan 2',
      creationDate: 'D:20260302101500Z',
    });
  });
});

describe('document metadata at the end of a large file', () => {
  it('finds the Info dictionary in the last 64 KiB, across a short last read', async () => {
    fx = await openEvidenceFixture();
    const filler = `%${'x'.repeat(99)}\n`.repeat(31_150); // a little over 3 MiB of comment lines
    const pdf = `%PDF-1.7\n${filler}9 0 obj << /Author (Temoin A) /Title (Capture) >> endobj\ntrailer << /Info 9 0 R >>\n%%EOF\n`;
    const item = await fx.evidence.add({ caseId: fx.caseId, path: fx.file('long.pdf', pdf) });
    expect(item.size % (1024 * 1024)).toBeLessThan(64 * 1024);
    expect(fx.evidence.get(item.id).metadata.pdf).toEqual({ author: 'Temoin A', title: 'Capture' });
  });
});

describe('evidence rules', () => {
  it('OCSEA case: images and videos are refused without an explicit acknowledgement, nothing written', async () => {
    fx = await openEvidenceFixture('ocsea-report');
    const photo = fx.file('x.jpg', await photoWithGps());
    await expect(fx.evidence.add({ caseId: fx.caseId, path: photo })).rejects.toMatchObject({
      code: 'EVIDENCE_OCSEA_WARNING',
    });
    const mp4 = new Uint8Array(4096);
    mp4.set([0, 0, 0, 0x20, ...new TextEncoder().encode('ftypisom\0\0\x02\0isomiso2avc1mp41')], 0);
    await expect(
      fx.evidence.add({ caseId: fx.caseId, path: fx.file('clip.bin', mp4) }),
    ).rejects.toMatchObject({
      code: 'EVIDENCE_OCSEA_WARNING',
    });
    expect(blobNames(fx.dir)).toEqual([]);
    expect(fx.evidence.list({}).total).toBe(0);
    const text = await fx.evidence.add({
      caseId: fx.caseId,
      path: fx.file('report.txt', 'URL signalée, référence 123'),
    });
    expect(text.detectedType.category).toBe('text');
    const acknowledged = await fx.evidence.add({ caseId: fx.caseId, path: photo, ocseaAcknowledged: true });
    expect(acknowledged.detectedType.category).toBe('image');
  });

  it('checks links: unknown case, incident of another case', async () => {
    fx = await openEvidenceFixture();
    const other = fx.records.create('case', {
      code: 'EV-OTHER',
      kind: 'other',
      title: 'x',
      openedOn: '2026-03-01',
    });
    const file = fx.file('a.txt', 'a');
    await expect(
      fx.evidence.add({ caseId: '00000000-0000-4000-8000-000000000000', path: file }),
    ).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
    await expect(
      fx.evidence.add({ caseId: other.id, incidentId: fx.incidentId, path: file }),
    ).rejects.toMatchObject({
      code: 'RECORD_INVALID',
      detail: 'incidentId: another case',
    });
    await expect(
      fx.evidence.add({ caseId: fx.caseId, path: path.join(fx.files, 'nope') }),
    ).rejects.toMatchObject({
      code: 'FILE_NOT_READABLE',
    });
    expect(blobNames(fx.dir)).toEqual([]);
  });

  it('view-start logs one view per open, range reads do not; custody names hash and actor', async () => {
    fx = await openEvidenceFixture();
    const item = await fx.evidence.add({
      caseId: fx.caseId,
      path: fx.file('v.bin', patternBytes(3_000_000)),
    });
    expect(fx.evidence.viewStart(item.id)).toEqual({
      id: item.id,
      size: 3_000_000,
      mime: 'application/octet-stream',
    });
    for (let i = 0; i < 5; i++) await fx.evidence.readRange(item.id, i * 500_000, i * 500_000 + 1000);
    const custody = fx.evidence.custody(item.id);
    expect(custody.map((e) => e.action)).toEqual(['acquire', 'view']);
    expect(custody.every((e) => e.hash === item.sha256 && e.actor === 'owner')).toBe(true);
    expect(fx.records.verifyAudit().ok).toBe(true);
  });

  it('delete overwrites and removes the blob, drops the row and keeps the fact in custody', async () => {
    fx = await openEvidenceFixture();
    const item = await fx.evidence.add({ caseId: fx.caseId, path: fx.file('d.bin', patternBytes(100_000)) });
    const [blob] = blobNames(fx.dir);
    await fx.evidence.delete(item.id);
    expect(blobNames(fx.dir)).toEqual([]);
    expect(fx.evidence.list({}).total).toBe(0);
    expect(fx.session.db.prepare('SELECT count(*) FROM evidence_shred_queue').pluck().get()).toBe(0);
    await expect(() => fx.evidence.get(item.id)).toThrow();
    const entries = fx.session.db
      .prepare("SELECT action FROM audit_log WHERE record_id = ? AND entity = 'evidence' ORDER BY seq")
      .pluck()
      .all(item.id);
    expect(entries).toEqual(['evidence.acquire', 'evidence.delete']);
    expect(blob).toMatch(/^[0-9a-f]{32}$/);
  });

  it('deleting an original keeps its redacted copies, marked as orphaned', async () => {
    fx = await openEvidenceFixture();
    const original = await fx.evidence.add({
      caseId: fx.caseId,
      path: fx.file('o.jpg', await photoWithGps()),
    });
    const copy = await fx.evidence.redact(original.id, [{ x: 0.1, y: 0.1, w: 0.2, h: 0.2 }]);
    await fx.evidence.delete(original.id);
    const kept = fx.evidence.get(copy.id).item;
    expect(kept.redactedOf).toBe(original.id);
    expect(kept.originalDeleted).toBe(true);
    expect(blobNames(fx.dir)).toHaveLength(1);
  });

  it('deleting a case takes its evidence: rows, blobs, with custody delete entries', async () => {
    fx = await openEvidenceFixture();
    const a = await fx.evidence.add({
      caseId: fx.caseId,
      incidentId: fx.incidentId,
      path: fx.file('a.bin', 'aaa'),
    });
    await fx.evidence.add({ caseId: fx.caseId, path: fx.file('b.bin', 'bbb') });
    expect(blobNames(fx.dir)).toHaveLength(2);
    fx.records.delete('case', fx.caseId);
    expect(fx.evidence.list({}).total).toBe(0);
    expect(fx.session.db.prepare('SELECT count(*) FROM evidence_shred_queue').pluck().get()).toBe(2);
    await fx.evidence.drainShredQueue();
    expect(blobNames(fx.dir)).toEqual([]);
    expect(fx.evidence.custody.bind(fx.evidence, a.id)).toThrow();
    const actions = fx.session.db
      .prepare('SELECT action FROM audit_log WHERE record_id = ? ORDER BY seq')
      .pluck()
      .all(a.id);
    expect(actions).toEqual(['evidence.acquire', 'evidence.delete']);
    expect(fx.records.verifyAudit().ok).toBe(true);
  });

  it('a cancelled intake leaves nothing behind', async () => {
    fx = await openEvidenceFixture();
    const controller = new AbortController();
    const run = fx.evidence.add(
      { caseId: fx.caseId, path: fx.file('big.bin', patternBytes(20_000_000)) },
      { signal: controller.signal, onProgress: (done) => done > 4_000_000 && controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ code: 'TASK_CANCELLED' });
    expect(blobNames(fx.dir)).toEqual([]);
    expect(fx.evidence.list({}).total).toBe(0);
  });

  it('check reports orphan blobs and removes them only with repair', async () => {
    fx = await openEvidenceFixture();
    await fx.evidence.add({ caseId: fx.caseId, path: fx.file('k.bin', 'keep') });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(fx.dir, 'evidence', `${'ab'.repeat(16)}.part`), patternBytes(1000));
    const report = await fx.evidence.check(false);
    expect(report).toMatchObject({
      ok: false,
      items: 1,
      failed: [],
      orphans: [`${'ab'.repeat(16)}.part`],
      removedOrphans: [],
    });
    const repaired = await fx.evidence.check(true);
    expect(repaired).toMatchObject({ ok: true, removedOrphans: [`${'ab'.repeat(16)}.part`] });
    expect(blobNames(fx.dir)).toHaveLength(1);
    expect(readFileSync).toBeDefined();
  });
});
