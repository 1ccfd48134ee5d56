/**
 * Vault B holding a received export from A with files worth previewing: a 2.5 MiB patterned file
 * (three segments of the blob format), a JPEG carrying GPS, and the seeded case's PNG and text.
 */
import path from 'node:path';
import sharp from 'sharp';
import { SEGMENT_PLAIN_BYTES } from '../../../../electron/core/evidence/blob-format.ts';
import { PASSPHRASE } from '../../../helpers/vault.ts';
import { patternBytes } from '../evidence/fixture.ts';
import { addContact, type SharingFixture, seedCase, type TestVault } from './fixture.ts';

export const BIG_SIZE = 2 * SEGMENT_PLAIN_BYTES + SEGMENT_PLAIN_BYTES / 2;

export async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 80, height: 60, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Acme', Model: 'Phone 7' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '14/1 41/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '17/1 26/1 0/1',
      },
    })
    .toBuffer();
}

export interface ReceivedFiles {
  b: TestVault;
  receivedId: string;
  big: { id: string; bytes: Uint8Array };
  gps: { id: string };
  text: { id: string };
}

export async function receivedWithFiles(fx: SharingFixture): Promise<ReceivedFiles> {
  const a = await fx.vault('Alice');
  const b = await fx.vault('Bintou');
  const bAtA = addContact(a, b, 'legal');
  addContact(b, a, 'coordination');
  const seeded = await seedCase(a, fx, 'RP-1', { dataLevel: 'identifying', recipientKinds: ['legal'] });
  const bigBytes = patternBytes(BIG_SIZE, 7);
  const big = await a.evidence.add({
    caseId: seeded.caseId,
    path: fx.file('big.bin', bigBytes),
    source: { kind: 'device' },
  });
  const gps = await a.evidence.add({
    caseId: seeded.caseId,
    path: fx.file('IMG_0001.JPG', await photoWithGps()),
    source: { kind: 'device' },
  });
  const outPath = path.join(fx.out, 'to-b.cvx');
  await a.sharing.export({
    caseCodes: ['RP-1'],
    caseIds: [],
    recipientContactIds: [bAtA],
    mode: 'full',
    includeEvidence: true,
    purpose: 'Aperçu',
    outPath,
    passphrase: PASSPHRASE,
  });
  const received = await b.sharing.import(outPath);
  const byExportId = (id: string) => received.fileList.find((f) => f.exportFileId === id)!.id;
  return {
    b,
    receivedId: received.id,
    big: { id: byExportId(big.id), bytes: bigBytes },
    gps: { id: byExportId(gps.id) },
    text: { id: byExportId(seeded.docId) },
  };
}
