/**
 * Threat: a received file altered on the responder's disk after import (a flipped byte, a cut
 * blob, another blob swapped in) must never be previewed as if it were what the sender sent; and a
 * preview must leave nothing readable on disk. Every read authenticates the segments it touches and
 * refuses with `EVIDENCE_DAMAGED` and the reason; previews write nothing.
 */
import { closeSync, copyFileSync, ftruncateSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { segmentOffset } from '../../../../electron/core/evidence/blob-format.ts';
import { snapshotFolder } from '../../../helpers/vault.ts';
import { type SharingFixture, sharingFixture } from './fixture.ts';
import { type ReceivedFiles, receivedWithFiles } from './received-preview-fixture.ts';

let fx: SharingFixture;
let r: ReceivedFiles;
beforeEach(async () => {
  fx = sharingFixture();
  r = await receivedWithFiles(fx);
});
afterEach(() => fx.cleanup());

function blobFile(id: string): string {
  const name = r.b.session.db.prepare('SELECT blob_name FROM received_files WHERE id = ?').pluck().get(id);
  return path.join(r.b.dir, 'evidence', name as string);
}

function flip(file: string, offset: number) {
  const bytes = readFileSync(file);
  bytes[offset]! ^= 0x01;
  writeFileSync(file, bytes);
}

describe('received previews of altered files', () => {
  it('refuses a range that touches an altered segment, with a code and the reason', async () => {
    const file = blobFile(r.big.id);
    flip(file, segmentOffset(1) + 1000);
    // Segment 0 is intact and still reads; anything touching segment 1 is refused.
    const head = await r.b.sharing.receivedFileRange(r.big.id, 0, 100);
    expect([...head.bytes]).toEqual([...r.big.bytes.subarray(0, 100)]);
    await expect(
      r.b.sharing.receivedFileRange(r.big.id, segmentOffset(1) - 10_000, segmentOffset(1) + 10),
    ).rejects.toMatchObject({ code: 'EVIDENCE_DAMAGED', detail: 'auth' });
    // A full verification names the failure instead of throwing.
    expect(await r.b.sharing.receivedFileVerify(r.big.id)).toEqual({
      id: r.big.id,
      ok: false,
      reason: 'auth',
    });
  });

  it('refuses to say what an altered or truncated file is', async () => {
    flip(blobFile(r.gps.id), segmentOffset(0) + 200);
    await expect(r.b.sharing.receivedFileInfo(r.gps.id, true)).rejects.toMatchObject({
      code: 'EVIDENCE_DAMAGED',
    });
    const text = blobFile(r.text.id);
    const fd = openSync(text, 'r+');
    ftruncateSync(fd, 60);
    closeSync(fd);
    await expect(r.b.sharing.receivedFileRange(r.text.id, 0, 10)).rejects.toMatchObject({
      code: 'EVIDENCE_DAMAGED',
      detail: 'truncated',
    });
  });

  it('refuses another received blob swapped in under the same name (keys are bound to the row)', async () => {
    // The blob of another received file: its length and its key do not match this row.
    copyFileSync(blobFile(r.text.id), blobFile(r.gps.id));
    await expect(r.b.sharing.receivedFileRange(r.gps.id, 0, 10)).rejects.toMatchObject({
      code: 'EVIDENCE_DAMAGED',
    });
  });

  it('writes nothing to disk while previewing (no plaintext side file)', async () => {
    const before = snapshotFolder(r.b.dir);
    const evidenceBefore = snapshotFolder(path.join(r.b.dir, 'evidence'));
    await r.b.sharing.receivedFileInfo(r.text.id, false);
    await r.b.sharing.receivedFileRange(r.big.id, 0, 3_000_000);
    expect(snapshotFolder(path.join(r.b.dir, 'evidence'))).toEqual(evidenceBefore);
    // Only the database (and its WAL) may change: the viewing is not logged here, so nothing new.
    expect(Object.keys(snapshotFolder(r.b.dir)).sort()).toEqual(Object.keys(before).sort());
  });
});
