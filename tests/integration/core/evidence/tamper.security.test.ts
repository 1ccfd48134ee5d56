/**
 * Threat: evidence altered on disk (a flipped byte, a cut file, segments swapped or spliced from
 * another item, the wrapped key moved to another row). Each is detected and names the item.
 */
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BLOB_HEADER_BYTES,
  CHUNK_OVERHEAD,
  CHUNK_PLAIN_BYTES,
  SEGMENT_CIPHER_BYTES,
  SEGMENT_PLAIN_BYTES,
  STREAM_HEADER_BYTES,
  segmentOffset,
} from '../../../../electron/core/evidence/blob-format.ts';
import { type EvidenceFixture, openEvidenceFixture, patternBytes } from './fixture.ts';

let fx: EvidenceFixture;
beforeEach(async () => {
  fx = await openEvidenceFixture();
});
afterEach(() => fx.cleanup());

const SIZE = 3 * SEGMENT_PLAIN_BYTES + 100_000;

async function addItem(seed: number, size = SIZE) {
  const item = await fx.evidence.add({
    caseId: fx.caseId,
    path: fx.file(`e${seed}.bin`, patternBytes(size, seed)),
  });
  const name = fx.session.db
    .prepare('SELECT blob_name FROM evidence_items WHERE id = ?')
    .pluck()
    .get(item.id) as string;
  return { item, file: path.join(fx.dir, 'evidence', name) };
}

function flip(file: string, offset: number) {
  const bytes = readFileSync(file);
  bytes[offset]! ^= 0x01;
  writeFileSync(file, bytes);
}

function truncate(file: string, length: number) {
  const fd = openSync(file, 'r+');
  ftruncateSync(fd, length);
  closeSync(fd);
}

describe('evidence tamper detection', () => {
  const positions: Array<[string, number]> = [
    ['blob header', 5],
    ['segment 0 stream header', BLOB_HEADER_BYTES + 3],
    ['segment 0 first chunk', BLOB_HEADER_BYTES + STREAM_HEADER_BYTES + 10],
    ['segment 0 last chunk tag', segmentOffset(1) - 1],
    ['segment 1 middle', segmentOffset(1) + SEGMENT_CIPHER_BYTES / 2],
    ['segment 2 stream header', segmentOffset(2)],
    ['last segment last byte', -1],
  ];
  for (const [label, at] of positions) {
    it(`a flipped byte in the ${label} fails verify and names the item; the other item stays ok`, async () => {
      const a = await addItem(1);
      const b = await addItem(2, 5000);
      const offset = at < 0 ? readFileSync(a.file).length + at : at;
      flip(a.file, offset);
      const results = await fx.evidence.verify();
      expect(results).toContainEqual({ id: a.item.id, ok: false, reason: 'auth' });
      expect(results).toContainEqual({ id: b.item.id, ok: true });
      await expect(
        (async () => {
          for await (const _ of fx.evidence.openPlaintextStream(a.item.id)) void _;
        })(),
      ).rejects.toMatchObject({ code: 'EVIDENCE_DAMAGED' });
    });
  }

  it('truncation at a segment boundary and mid-chunk is reported as truncated', async () => {
    const a = await addItem(3);
    const b = await addItem(4);
    truncate(a.file, segmentOffset(2));
    truncate(b.file, segmentOffset(1) + STREAM_HEADER_BYTES + CHUNK_PLAIN_BYTES / 2);
    const results = await fx.evidence.verify();
    expect(results).toEqual([
      { id: a.item.id, ok: false, reason: 'truncated' },
      { id: b.item.id, ok: false, reason: 'truncated' },
    ]);
  });

  it('a blob cut at a segment boundary whose row size is edited to match still fails (last-segment marker)', async () => {
    const a = await addItem(5);
    truncate(a.file, segmentOffset(2));
    fx.session.db
      .prepare('UPDATE evidence_items SET size = ? WHERE id = ?')
      .run(2 * SEGMENT_PLAIN_BYTES, a.item.id);
    expect(await fx.evidence.verify([a.item.id])).toEqual([{ id: a.item.id, ok: false, reason: 'auth' }]);
  });

  it('swapped segments, a segment spliced from another item and a moved wrapped key are all caught', async () => {
    const a = await addItem(6);
    const b = await addItem(7);
    const c = await addItem(8);
    const bytesA = readFileSync(a.file);
    const seg0 = Buffer.from(bytesA.subarray(segmentOffset(0), segmentOffset(1)));
    const seg1 = Buffer.from(bytesA.subarray(segmentOffset(1), segmentOffset(2)));
    seg1.copy(bytesA, segmentOffset(0));
    seg0.copy(bytesA, segmentOffset(1));
    writeFileSync(a.file, bytesA);
    const bytesB = readFileSync(b.file);
    readFileSync(c.file).subarray(segmentOffset(1), segmentOffset(2)).copy(bytesB, segmentOffset(1));
    writeFileSync(b.file, bytesB);
    const keyC = fx.session.db
      .prepare('SELECT wrapped_key FROM evidence_items WHERE id = ?')
      .pluck()
      .get(c.item.id);
    const d = await addItem(9, 1000);
    fx.session.db.prepare('UPDATE evidence_items SET wrapped_key = ? WHERE id = ?').run(keyC, d.item.id);
    const results = await fx.evidence.verify();
    expect(results).toEqual([
      { id: a.item.id, ok: false, reason: 'auth' },
      { id: b.item.id, ok: false, reason: 'auth' },
      { id: c.item.id, ok: true },
      { id: d.item.id, ok: false, reason: 'auth' },
    ]);
  });

  it('a changed hash in the row is reported as a hash mismatch; a missing blob as missing', async () => {
    const a = await addItem(10, 1000);
    const b = await addItem(11, 1000);
    fx.session.db.prepare('UPDATE evidence_items SET sha256 = ? WHERE id = ?').run('0'.repeat(64), a.item.id);
    const { rmSync } = await import('node:fs');
    rmSync(b.file);
    expect(await fx.evidence.verify()).toEqual([
      { id: a.item.id, ok: false, reason: 'hash' },
      { id: b.item.id, ok: false, reason: 'missing' },
    ]);
    const custody = fx.evidence.custody(a.item.id);
    expect(custody.at(-1)).toMatchObject({ action: 'verify', detail: { ok: false, reason: 'hash' } });
  });

  it('extracting a damaged item fails and leaves no partial decrypted copy', async () => {
    const a = await addItem(12);
    flip(a.file, segmentOffset(2) + 100);
    const out = path.join(fx.files, 'partial.bin');
    await expect(fx.evidence.extract(a.item.id, out, 'extract')).rejects.toMatchObject({
      code: 'EVIDENCE_DAMAGED',
    });
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
    expect(fx.evidence.custody(a.item.id).map((e) => e.action)).toEqual(['acquire']);
  });

  it('the blob size is exactly what the layout says (nothing else leaks through the length)', () => {
    expect(SEGMENT_CIPHER_BYTES).toBe(STREAM_HEADER_BYTES + 16 * (CHUNK_PLAIN_BYTES + CHUNK_OVERHEAD));
  });
});
