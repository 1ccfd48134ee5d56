import { beforeAll, describe, expect, it } from 'vitest';
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { openReceipt, sealReceipt, verifyExport } from '../../../../electron/core/export/index.ts';
import {
  bytesSource,
  expectCode,
  identity,
  sealToBytes,
  smallRequest,
  sodiumReady,
  type TestIdentity,
} from './export-test-kit.ts';

let sodium: Sodium;
let alice: TestIdentity;
let lawyer: TestIdentity;

beforeAll(async () => {
  sodium = await sodiumReady();
  alice = identity(sodium, 'alice');
  lawyer = identity(sodium, 'lawyer');
});

async function receiptFor(exportId: string, exportSha256: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await sealReceipt(
    { sodium },
    {
      responder: lawyer.sender,
      originalSenderEncryptionKey: alice.opener.publicKey,
      exportId,
      exportSha256,
      note: 'Reçu, merci.',
    },
    { write: (b) => void parts.push(Uint8Array.from(b)) },
  );
  return Buffer.concat(parts);
}

describe('receipts', () => {
  it('the responder acknowledges the export id and file hash; the sender opens and checks it', async () => {
    const sealed = await sealToBytes(sodium, smallRequest(alice, [lawyer]));
    const verified = await verifyExport({ sodium }, bytesSource(sealed.bytes), lawyer.opener);
    const receipt = await receiptFor(verified.manifest.exportId, verified.fileSha256);
    const opened = await openReceipt({ sodium }, bytesSource(receipt), alice.opener, {
      knownSenders: [{ signingPublicKey: lawyer.sender.signingPublicKey, id: 'contact-lawyer' }],
    });
    expect(opened.receipt).toMatchObject({
      exportId: sealed.exportId,
      exportSha256: sealed.fileSha256,
      note: 'Reçu, merci.',
    });
    expect(opened.verified.sender).toMatchObject({ known: true, knownId: 'contact-lawyer' });
    expect(opened.verified.manifest.files).toEqual([]);
  });

  it('a receipt is not an export and an export is not a receipt', async () => {
    const sealed = await sealToBytes(sodium, smallRequest(alice, [lawyer]));
    const receipt = await receiptFor(sealed.exportId, sealed.fileSha256);
    await expectCode(verifyExport({ sodium }, bytesSource(receipt), alice.opener), 'EXPORT_MALFORMED');
    await expectCode(openReceipt({ sodium }, bytesSource(sealed.bytes), lawyer.opener), 'EXPORT_MALFORMED');
  });

  it('only the original sender can open it', async () => {
    const receipt = await receiptFor('0b7f3c1e-2f59-4d55-9a4e-5d1c2a3b4c5d', 'ab'.repeat(32));
    await expectCode(openReceipt({ sodium }, bytesSource(receipt), lawyer.opener), 'EXPORT_NOT_FOR_YOU');
  });
});
