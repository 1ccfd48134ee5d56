/**
 * A damaged or forged export imports nothing: the Received tables, the audit chain and the evidence
 * folder of the receiving vault are exactly as before, and the error says what failed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import { fileSource, sealExport, writableSink } from '../../../../electron/core/export/index.ts';
import {
  addContact,
  exportCase,
  type SharingFixture,
  seedCase,
  sharingFixture,
  type TestVault,
} from './fixture.ts';

let fx: SharingFixture;
beforeEach(() => {
  fx = sharingFixture();
});
afterEach(() => fx.cleanup());

function state(v: TestVault) {
  const count = (table: string) => v.session.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  let evidence: string[] = [];
  try {
    evidence = readdirSync(path.join(v.dir, 'evidence')).sort();
  } catch {}
  return {
    received: count('received_exports'),
    files: count('received_files'),
    audit: count('audit_log'),
    evidence,
  };
}

describe('tampered exports', () => {
  it('refuses flipped bytes in the header, the payload and the last chunk, and truncation, importing nothing', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const id = addContact(a, b, 'legal');
    addContact(b, a, 'legal');
    await seedCase(a, fx, 'TP-1', { dataLevel: 'identifying', recipientKinds: ['legal'] });
    const good = path.join(fx.out, 'good.cvexport');
    await exportCase(a, id, 'TP-1', good);
    const bytes = readFileSync(good);
    const before = state(b);
    const cases: Array<[string, Buffer, string[]]> = [];
    for (const at of [10, Math.floor(bytes.length / 2), bytes.length - 5]) {
      const bad = Buffer.from(bytes);
      bad[at]! ^= 0x01;
      cases.push([
        `flip@${at}`,
        bad,
        ['EXPORT_HEADER_DAMAGED', 'EXPORT_PAYLOAD_DAMAGED', 'EXPORT_NOT_FOR_YOU', 'EXPORT_MALFORMED'],
      ]);
    }
    cases.push([
      'truncated',
      bytes.subarray(0, bytes.length - 100),
      ['EXPORT_TRUNCATED', 'EXPORT_PAYLOAD_DAMAGED'],
    ]);
    cases.push(['trailing', Buffer.concat([bytes, Buffer.from([0])]), ['EXPORT_TRAILING_DATA']]);
    for (const [name, bad, codes] of cases) {
      const file = path.join(fx.out, `${name}.cvexport`);
      writeFileSync(file, bad);
      const error = await b.sharing.import(file).then(
        () => undefined,
        (e: { code: string }) => e,
      );
      expect(error, name).toBeDefined();
      expect(codes, name).toContain(error!.code);
      expect(state(b), name).toEqual(before);
    }
    // The intact file still imports.
    await b.sharing.import(good);
    expect(state(b).received).toBe(1);
  });

  it('a wrong intake hash is not re-checked while sealing (authenticated blob, trusted hash) but the receiver refuses it', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const id = addContact(a, b, 'legal');
    addContact(b, a, 'legal');
    const seeded = await seedCase(a, fx, 'TH-1', { dataLevel: 'identifying', recipientKinds: ['legal'] });
    // A bug that recorded the wrong SHA-256 for a blob at intake (the blob itself is intact).
    a.session.db
      .prepare('UPDATE evidence_items SET sha256 = ? WHERE id = ?')
      .run('ab'.repeat(32), seeded.docId);
    const file = path.join(fx.out, 'wrong-hash.cvexport');
    await exportCase(a, id, 'TH-1', file);
    const before = state(b);
    await expect(b.sharing.import(file)).rejects.toMatchObject({
      code: 'EXPORT_FILE_HASH_MISMATCH',
      detail: seeded.docId,
    });
    expect(state(b)).toEqual(before);
  });

  it('rolls back files already re-encrypted when a signed export carries an invalid records document', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    addContact(b, a, 'legal');
    const sodium = await loadSodium();
    const own = a.identity.ownPublic();
    const bKeys = b.identity.ownPublic();
    const signSecret = a.identity.withOwnSecretKeys((k) => Uint8Array.from(k.signSecretKey));
    const file = path.join(fx.out, 'bad-records.cvexport');
    const { createWriteStream } = await import('node:fs');
    const stream = createWriteStream(file);
    const payload = fx.file('p.txt', 'SENTINEL-PLAINTEXT-rollback');
    await sealExport(
      { sodium },
      {
        sender: {
          signingPublicKey: own.signPublicKey,
          signingSecretKey: signSecret,
          encryptionPublicKey: own.boxPublicKey,
        },
        recipients: [{ type: 'x25519', publicKey: bKeys.boxPublicKey }],
        purpose: 'forged content',
        records: { bytes: new TextEncoder().encode('{"format":"casevault.records/1"}'), items: [] },
        files: [
          { id: 'f1', name: 'p.txt', size: readFileSync(payload).length, open: () => fileSource(payload) },
        ],
      },
      writableSink(stream),
    );
    await new Promise((resolve) => stream.end(resolve));
    const before = state(b);
    await expect(b.sharing.import(file)).rejects.toMatchObject({
      code: 'EXPORT_MALFORMED',
      detail: 'records document',
    });
    expect(state(b)).toEqual(before);
  });
});
