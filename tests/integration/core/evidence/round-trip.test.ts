import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEGMENT_PLAIN_BYTES } from '../../../../electron/core/evidence/blob-format.ts';
import { type EvidenceFixture, openEvidenceFixture, patternBytes } from './fixture.ts';

let fx: EvidenceFixture;
beforeEach(async () => {
  fx = await openEvidenceFixture();
});
afterEach(() => fx.cleanup());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readAll(id: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const piece of fx.evidence.openPlaintextStream(id)) parts.push(Uint8Array.from(piece));
  return Buffer.concat(parts);
}

describe('evidence round trip', () => {
  for (const [label, size] of [
    ['empty', 0],
    ['one byte', 1],
    ['small', 5000],
    ['one chunk exactly', 64 * 1024],
    ['one segment exactly', SEGMENT_PLAIN_BYTES],
    ['multi-segment, ragged', 3 * SEGMENT_PLAIN_BYTES + 12345],
    ['large enough for the hash thread', 40 * SEGMENT_PLAIN_BYTES + 99],
  ] as const) {
    it(`${label} (${size} bytes): same bytes back, SHA-256 and size recorded`, async () => {
      const bytes = patternBytes(size, size + 7);
      const item = await fx.evidence.add({ caseId: fx.caseId, path: fx.file(`f-${size}.bin`, bytes) });
      expect(item.size).toBe(size);
      expect(item.sha256).toBe(sha(bytes));
      expect(Buffer.compare(Buffer.from(await readAll(item.id)), Buffer.from(bytes))).toBe(0);
      const [result] = await fx.evidence.verify([item.id]);
      expect(result).toEqual({ id: item.id, ok: true });
    });
  }

  it('range reads across segment boundaries equal the plaintext', async () => {
    const size = 3 * SEGMENT_PLAIN_BYTES + 777;
    const bytes = patternBytes(size, 99);
    const item = await fx.evidence.add({ caseId: fx.caseId, path: fx.file('range.bin', bytes) });
    const ranges: Array<[number, number]> = [
      [0, 10],
      [SEGMENT_PLAIN_BYTES - 5, SEGMENT_PLAIN_BYTES + 5],
      [SEGMENT_PLAIN_BYTES - 1, 3 * SEGMENT_PLAIN_BYTES + 1],
      [size - 100, size],
      [size - 10, size + 500],
      [65535, 65537],
      [size, size + 10],
    ];
    for (const [start, end] of ranges) {
      const { bytes: got, size: total } = await fx.evidence.readRange(item.id, start, end);
      expect(total).toBe(size);
      expect(Buffer.compare(Buffer.from(got), Buffer.from(bytes.subarray(start, Math.min(end, size))))).toBe(
        0,
      );
    }
  });

  it('keeps name, type from content, source and links; the blob has a random name and no plaintext', async () => {
    const text = 'Capture de la page : insultes et numéro de téléphone.\n'.repeat(50);
    const item = await fx.evidence.add({
      caseId: fx.caseId,
      incidentId: fx.incidentId,
      path: fx.file('capture.jpg', text),
      capturedAt: '2026-03-02T10:00:00.000Z',
      source: { kind: 'web', url: 'https://example.org/page' },
    });
    expect(item.detectedType).toEqual({ mime: 'text/plain', ext: 'txt', category: 'text' });
    expect(item.originalName).toBe('capture.jpg');
    expect(item.incidentId).toBe(fx.incidentId);
    expect(item.source).toEqual({ kind: 'web', url: 'https://example.org/page' });
    const row = fx.session.db
      .prepare('SELECT blob_name FROM evidence_items WHERE id = ?')
      .pluck()
      .get(item.id);
    expect(row).toMatch(/^[0-9a-f]{32}$/);
    const blob = readFileSync(path.join(fx.dir, 'evidence', row as string));
    expect(blob.includes(Buffer.from('insultes'))).toBe(false);
    const list = fx.evidence.list({ caseId: fx.caseId });
    expect(list.total).toBe(1);
    expect(list.items[0]!.id).toBe(item.id);
  });

  it('extract writes a decrypted copy, never over an existing file, and logs custody', async () => {
    const bytes = patternBytes(200_000, 3);
    const item = await fx.evidence.add({ caseId: fx.caseId, path: fx.file('a.bin', bytes) });
    const out = path.join(fx.files, 'copy.bin');
    await fx.evidence.extract(item.id, out, 'extract');
    expect(Buffer.compare(readFileSync(out), Buffer.from(bytes))).toBe(0);
    await expect(fx.evidence.extract(item.id, out, 'extract')).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(fx.evidence.custody(item.id).map((e) => e.action)).toEqual(['acquire', 'extract']);
  });
});
