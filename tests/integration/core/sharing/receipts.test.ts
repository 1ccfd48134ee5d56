/**
 * A receipt closes the chain only when it matches the exports log: the same export id, the same
 * file hash, and a responder whose key was one of the export's recipients. Anything else is refused
 * with RECEIPT_NO_MATCH and changes nothing.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import { sealReceipt, writableSink } from '../../../../electron/core/export/index.ts';
import { PASSPHRASE } from '../../../helpers/vault.ts';
import { addContact, type SharingFixture, seedCase, sharingFixture, type TestVault } from './fixture.ts';

let fx: SharingFixture;
beforeEach(() => {
  fx = sharingFixture();
});
afterEach(() => fx.cleanup());

async function forgeReceipt(
  from: TestVault,
  to: TestVault,
  exportId: string,
  exportSha256: string,
  name: string,
) {
  const sodium = await loadSodium();
  const own = from.identity.ownPublic();
  const signingSecretKey = from.identity.withOwnSecretKeys((k) => Uint8Array.from(k.signSecretKey));
  const file = path.join(fx.out, name);
  const stream = createWriteStream(file);
  await sealReceipt(
    { sodium },
    {
      responder: {
        signingPublicKey: own.signPublicKey,
        signingSecretKey,
        encryptionPublicKey: own.boxPublicKey,
      },
      originalSenderEncryptionKey: to.identity.ownPublic().boxPublicKey,
      exportId,
      exportSha256,
    },
    writableSink(stream),
  );
  await new Promise((resolve) => stream.end(resolve));
  return file;
}

describe('receipt matching', () => {
  it('refuses a receipt from a non-recipient, for another hash, or for an unknown export', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const c = await fx.vault('Carla');
    const bAtA = addContact(a, b, 'legal');
    addContact(a, c, 'legal');
    await seedCase(a, fx, 'RC-1', { dataLevel: 'identifying', recipientKinds: ['legal'] });
    const result = await a.sharing.export({
      caseCodes: ['RC-1'],
      caseIds: [],
      recipientContactIds: [bAtA],
      mode: 'full',
      includeEvidence: false,
      purpose: '',
      outPath: path.join(fx.out, 'e.cvexport'),
      passphrase: PASSPHRASE,
    });
    const audit = () => a.session.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = audit();
    const cases: Array<[string, string]> = [
      [await forgeReceipt(c, a, result.exportId, result.fileSha256, 'c.cvexport'), 'responder'],
      [await forgeReceipt(b, a, result.exportId, '0'.repeat(64), 'hash.cvexport'), 'file hash'],
      [
        await forgeReceipt(b, a, '8f0e4c1a-4a6b-4c1d-9b1e-2f3a4b5c6d7e', result.fileSha256, 'id.cvexport'),
        'export id',
      ],
    ];
    for (const [file, detail] of cases)
      await expect(a.sharing.receiptImport(file)).rejects.toMatchObject({ code: 'RECEIPT_NO_MATCH', detail });
    expect(audit()).toBe(before);
    expect(a.sharing.exportsList()[0]!.acknowledgements).toEqual([]);
    // The genuine one matches.
    await a.sharing.receiptImport(
      await forgeReceipt(b, a, result.exportId, result.fileSha256, 'ok.cvexport'),
    );
    expect(a.sharing.exportsList()[0]!.acknowledgements).toHaveLength(1);
  });
});
