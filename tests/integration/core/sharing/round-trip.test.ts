/**
 * Two real vaults: A exports a case with evidence to B; B verifies (A unknown, then known once A's
 * card is imported), imports into the Received area, sends a receipt; A imports it and the export
 * shows acknowledged, with custody entries closing the chain.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import { blobPlaintext } from '../../../../electron/core/evidence/blob-reader.ts';
import { PASSPHRASE } from '../../../helpers/vault.ts';
import { addContact, type SharingFixture, seedCase, sharingFixture } from './fixture.ts';

let fx: SharingFixture;
beforeEach(() => {
  fx = sharingFixture();
});
afterEach(() => fx.cleanup());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('sharing round trip between two vaults', () => {
  it('exports, verifies, imports into Received, and closes the chain with a receipt', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const bAtA = addContact(a, b, 'legal');
    const seeded = await seedCase(a, fx, 'RT-1', { dataLevel: 'identifying', recipientKinds: ['legal'] });

    const plan = a.sharing.plan({
      caseCodes: ['RT-1'],
      caseIds: [],
      recipientContactIds: [bAtA],
      mode: 'full',
      includeEvidence: true,
    });
    expect(plan.canExport).toBe(true);
    expect(plan.recipients[0]).toMatchObject({ contactId: bAtA, allowed: true, issues: [] });
    expect(plan.leaves.identifying).toBe(true);
    expect(plan.leaves.evidence.map((e) => e.id).sort()).toEqual(
      [seeded.photoId, seeded.redactedId, seeded.docId].sort(),
    );

    const outPath = path.join(fx.out, 'to-bintou.cvexport');
    const result = await a.sharing.export({
      caseCodes: ['RT-1'],
      caseIds: [],
      recipientContactIds: [bAtA],
      mode: 'full',
      includeEvidence: true,
      purpose: 'Dossier juridique',
      outPath,
      passphrase: PASSPHRASE,
    });
    expect(result.fileSha256).toBe(sha256(readFileSync(outPath)));
    expect(result.files).toBe(3);
    // No temp file left next to the export.
    expect(existsSync(outPath)).toBe(true);
    const log = a.sharing.exportsList();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      exportId: result.exportId,
      fileSha256: result.fileSha256,
      acknowledgements: [],
    });
    expect(a.evidence.custody(seeded.photoId).map((c) => c.action)).toContain('export');

    // B: A is unknown at first — a warning with the fingerprint, not an error.
    const unknown = await b.sharing.verify(outPath);
    expect(unknown.sender.known).toBe(false);
    expect(unknown.sender.fingerprintId).toBe(a.identity.ownPublic().fingerprint.id);
    expect(unknown.purpose).toBe('Dossier juridique');
    expect(unknown.files).toHaveLength(3);
    expect(unknown.records?.counts.cases).toBe(1);

    const aAtB = addContact(b, a, 'coordination');
    const known = await b.sharing.verify(outPath);
    expect(known.sender).toMatchObject({ known: true, contactId: aAtB, name: 'Alice' });

    const received = await b.sharing.import(outPath);
    expect(received.exportId).toBe(result.exportId);
    expect(received.fileSha256).toBe(result.fileSha256);
    expect(received.sender.contactId).toBe(aAtB);
    const doc = JSON.parse(received.recordsJson!);
    expect(doc.identities).toBe('included');
    expect(doc.people[0].realName).toBe('Aminata Diop');
    // Not mixed into B's own cases.
    expect(b.session.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    // Files re-encrypted into B's store: decrypting them gives the original bytes.
    const sodium = await loadSodium();
    const photoFile = received.fileList.find((f) => f.exportFileId === seeded.photoId)!;
    const row = b.session.db
      .prepare('SELECT blob_name, wrapped_key, size FROM received_files WHERE id = ?')
      .get(photoFile.id) as {
      blob_name: string;
      wrapped_key: Uint8Array;
      size: number;
    };
    const key = b.session.unwrapEvidenceKey(row.wrapped_key, photoFile.id);
    const parts: Uint8Array[] = [];
    for await (const p of blobPlaintext(sodium, b.dir, { blobName: row.blob_name, size: row.size }, key))
      parts.push(Uint8Array.from(p));
    expect(sha256(Buffer.concat(parts))).toBe(a.evidence.get(seeded.photoId).item.sha256);
    expect(b.sharing.receivedList().map((r) => r.id)).toEqual([received.id]);
    // A decrypted copy of one received file, on request; never over an existing file.
    const copyPath = path.join(fx.out, 'copy.png');
    const copy = await b.sharing.receivedFileExtract(photoFile.id, copyPath);
    expect(sha256(readFileSync(copyPath))).toBe(copy.sha256);
    await expect(b.sharing.receivedFileExtract(photoFile.id, copyPath)).rejects.toMatchObject({
      code: 'FILE_EXISTS',
    });
    // The evidence check counts received blobs as referenced, not as orphans to remove.
    expect((await b.evidence.check(false)).orphans).toEqual([]);

    // Importing the same export twice is refused, nothing changes.
    await expect(b.sharing.import(outPath)).rejects.toMatchObject({ code: 'RECEIVED_ALREADY_IMPORTED' });

    // Receipt back to A.
    const receiptPath = path.join(fx.out, 'receipt.cvexport');
    const receipt = await b.sharing.receiptCreate({
      receivedId: received.id,
      outPath: receiptPath,
      note: 'Bien reçu',
    });
    expect(receipt.exportId).toBe(result.exportId);
    expect(b.sharing.receivedGet(received.id).receiptCreatedAt).not.toBeNull();

    const ack = await a.sharing.receiptImport(receiptPath);
    expect(ack).toMatchObject({
      exportId: result.exportId,
      note: 'Bien reçu',
      responder: { known: true, contactId: bAtA },
    });
    const after = a.sharing.exportsList()[0]!;
    expect(after.acknowledgements).toHaveLength(1);
    expect(after.acknowledgements[0]!.contactId).toBe(bAtA);
    expect(a.evidence.custody(seeded.photoId).map((c) => c.action)).toContain('acknowledged');
    // Twice is harmless.
    await a.sharing.receiptImport(receiptPath);
    expect(a.sharing.exportsList()[0]!.acknowledgements).toHaveLength(1);

    // A receipt for an export A never sent (B's vault opening it as sender) is refused.
    await expect(b.sharing.receiptImport(receiptPath)).rejects.toMatchObject({ code: 'EXPORT_NOT_FOR_YOU' });
  });

  it('seals to several recipients, each of whom can open it; a non-recipient cannot', async () => {
    const a = await fx.vault('Alice');
    const others = [await fx.vault('B1'), await fx.vault('B2')];
    const outsider = await fx.vault('Eve');
    const ids = others.map((o) => addContact(a, o, 'legal'));
    await seedCase(a, fx, 'RT-2', { dataLevel: 'identifying', recipientKinds: ['legal'] });
    const outPath = path.join(fx.out, 'multi.cvexport');
    await a.sharing.export({
      caseCodes: ['RT-2'],
      caseIds: [],
      recipientContactIds: ids,
      mode: 'full',
      includeEvidence: false,
      purpose: '',
      outPath,
      passphrase: PASSPHRASE,
    });
    for (const o of others) expect((await o.sharing.verify(outPath)).files).toHaveLength(0);
    await expect(outsider.sharing.verify(outPath)).rejects.toMatchObject({ code: 'EXPORT_NOT_FOR_YOU' });
  });

  it('refuses to create an export without the vault passphrase, and never overwrites a file', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const id = addContact(a, b, 'legal');
    await seedCase(a, fx, 'RT-3', { dataLevel: 'identifying', recipientKinds: ['legal'] });
    const input = {
      caseCodes: ['RT-3'],
      caseIds: [],
      recipientContactIds: [id],
      mode: 'full' as const,
      includeEvidence: true,
      purpose: '',
      outPath: path.join(fx.out, 'x.cvexport'),
      passphrase: 'not the passphrase',
    };
    await expect(a.sharing.export(input)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(existsSync(input.outPath)).toBe(false);
    const existing = fx.file('exists.cvexport', 'keep me');
    await expect(
      a.sharing.export({ ...input, passphrase: PASSPHRASE, outPath: existing }),
    ).rejects.toMatchObject({
      code: 'FILE_EXISTS',
    });
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    expect(a.sharing.exportsList()).toHaveLength(0);
  });
});
