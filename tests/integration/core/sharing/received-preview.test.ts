/**
 * Previewing received files from the encrypted Received blobs: range reads give exactly the bytes
 * sent, whatever the boundaries (segments are 1 MiB); the file's type comes from its content and its
 * location metadata is read, so the view can warn; a viewing is logged once, range reads are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEGMENT_PLAIN_BYTES } from '../../../../electron/core/evidence/blob-format.ts';
import { listAudit, verifyAuditChain } from '../../../../electron/core/records/audit.ts';
import { runSharingOp } from '../../../../electron/core/sharing/sharing-ops.ts';
import { MAX_RANGE_BYTES } from '../../../../shared/evidence/schemas.ts';
import { type SharingFixture, sharingFixture } from './fixture.ts';
import { BIG_SIZE, type ReceivedFiles, receivedWithFiles } from './received-preview-fixture.ts';

let fx: SharingFixture;
let r: ReceivedFiles;
// One export received once: these tests only read (and log viewings).
beforeAll(async () => {
  fx = sharingFixture();
  r = await receivedWithFiles(fx);
});
afterAll(() => fx.cleanup());

const SEG = SEGMENT_PLAIN_BYTES;

describe('received file previews (core)', () => {
  it('reads any range of a received file, across segment boundaries, as the bytes sent', async () => {
    const ranges: Array<[number, number]> = [
      [0, 10],
      [SEG - 5, SEG + 5],
      [SEG - 1, 2 * SEG + 1],
      [2 * SEG, BIG_SIZE],
      [BIG_SIZE - 3, BIG_SIZE + 1000],
      [123_456, 123_456],
    ];
    for (const [start, end] of ranges) {
      const { bytes, size } = await r.b.sharing.receivedFileRange(r.big.id, start, end);
      expect(size).toBe(BIG_SIZE);
      expect(
        Buffer.from(bytes).equals(Buffer.from(r.big.bytes.subarray(start, Math.min(end, BIG_SIZE)))),
        `${start}-${end}`,
      ).toBe(true);
    }
  });

  it('goes through the op table with bounded, validated input', async () => {
    const service = r.b.sharing;
    const out = (await runSharingOp(service, 'received-file-read-range', {
      id: r.big.id,
      start: SEG - 2,
      end: SEG + 2,
    })) as { bytes: Uint8Array };
    expect([...out.bytes]).toEqual([...r.big.bytes.subarray(SEG - 2, SEG + 2)]);
    await expect(
      runSharingOp(service, 'received-file-read-range', { id: r.big.id, start: 0, end: MAX_RANGE_BYTES + 1 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      runSharingOp(service, 'received-file-read-range', { id: r.big.id, start: 10, end: 5 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      runSharingOp(service, 'received-file-view', { id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'RECEIVED_NOT_FOUND' });
    await expect(runSharingOp(service, 'received-file-view', { id: 'not-an-id' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('says what a file is from its content, with its location metadata', async () => {
    const photo = await r.b.sharing.receivedFileInfo(r.gps.id, false);
    expect(photo).toMatchObject({
      id: r.gps.id,
      receivedId: r.receivedId,
      name: 'IMG_0001.JPG',
      detectedType: { mime: 'image/jpeg', category: 'image' },
      metadata: { device: { make: 'Acme', model: 'Phone 7' } },
    });
    expect(photo.metadata.gps!.lat).toBeCloseTo(14.6833, 3);
    expect(photo.metadata.gps!.lon).toBeCloseTo(-17.4333, 3);
    const text = await r.b.sharing.receivedFileInfo(r.text.id, false);
    expect(text.detectedType).toMatchObject({ mime: 'text/plain', category: 'text' });
    expect(text.metadata).toEqual({});
    const big = await r.b.sharing.receivedFileInfo(r.big.id, false);
    expect(big.detectedType.category).toBe('other');
  });

  it('verifies a received file against the SHA-256 the sender signed, and logs it', async () => {
    expect(await r.b.sharing.receivedFileVerify(r.big.id)).toEqual({ id: r.big.id, ok: true });
    const logged = listAudit(r.b.session.db, { recordIds: [r.big.id], limit: 100 }).filter(
      (e) => e.action === 'sharing.received-verify',
    );
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!.detail as unknown as string)).toMatchObject({ ok: true });
  });

  it('logs one viewing per view, never per range read, and keeps the audit chain valid', async () => {
    const views = () =>
      listAudit(r.b.session.db, { recordIds: [r.gps.id], limit: 100 }).filter(
        (e) => e.action === 'sharing.received-view',
      );
    await r.b.sharing.receivedFileInfo(r.gps.id, false);
    expect(views()).toHaveLength(0);
    await r.b.sharing.receivedFileInfo(r.gps.id, true);
    await r.b.sharing.receivedFileRange(r.gps.id, 0, 100);
    await r.b.sharing.receivedFileRange(r.gps.id, 100, 200);
    const logged = views();
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!.detail as unknown as string)).toMatchObject({ receivedId: r.receivedId });
    expect(verifyAuditChain(r.b.session.db, r.b.session.auditMac).ok).toBe(true);
  });
});
