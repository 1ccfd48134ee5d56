import { beforeAll, describe, expect, it } from 'vitest';
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { verifyExport } from '../../../../electron/core/export/index.ts';
import {
  bytesSource,
  expectCode,
  identity,
  openBytes,
  sealToBytes,
  sha256,
  smallRequest,
  type TestIdentity,
} from './export-test-kit.ts';

let sodium: Sodium;
let alice: TestIdentity;
let people: TestIdentity[];
let outsider: TestIdentity;

beforeAll(async () => {
  sodium = await (await import('./export-test-kit.ts')).sodiumReady();
  alice = identity(sodium, 'alice');
  people = ['lawyer', 'counsellor', 'doctor', 'protection', 'coordinator'].map((n) => identity(sodium, n));
  outsider = identity(sodium, 'outsider');
});

describe('sealed export round trip', () => {
  for (const count of [1, 2, 5]) {
    it(`every one of ${count} recipient(s) opens it, with records, files and sender intact; an outsider cannot`, async () => {
      const recipients = people.slice(0, count);
      const request = smallRequest(alice, recipients);
      const sealed = await sealToBytes(sodium, request);
      expect(sha256(sealed.bytes)).toBe(sealed.fileSha256);
      for (const [i, recipient] of recipients.entries()) {
        const { verified, recording } = await openBytes(sodium, sealed.bytes, recipient.opener, {
          knownSenders: [{ signingPublicKey: alice.sender.signingPublicKey, id: 'contact-alice' }],
          fingerprintOf: (s) => Buffer.from(s).toString('hex').slice(0, 8),
        });
        expect(verified.stanzaIndex).toBe(i);
        expect(verified.sender).toMatchObject({ known: true, knownId: 'contact-alice', name: 'alice' });
        expect(verified.sender.fingerprint).toBe(
          Buffer.from(alice.sender.signingPublicKey).toString('hex').slice(0, 8),
        );
        expect(verified.fileSha256).toBe(sealed.fileSha256);
        expect(verified.fileLength).toBe(sealed.bytes.length);
        expect(verified.manifest.recipients).toHaveLength(count);
        expect(recording.records).toEqual(request.records!.bytes);
        expect(recording.files.get('ev-1')).toEqual(
          Buffer.concat([...(await collect(request.files![0]!.open()))]),
        );
        expect(recording.files.get('ev-2')?.length).toBe(0);
        expect(recording.events.at(-1)).toBe('records');
      }
      await expectCode(
        verifyExport({ sodium }, bytesSource(sealed.bytes), outsider.opener),
        'EXPORT_NOT_FOR_YOU',
      );
    });
  }

  it('an unknown sender is reported with its fingerprint, not refused', async () => {
    const sealed = await sealToBytes(sodium, smallRequest(alice, [people[0]!]));
    const verified = await verifyExport({ sodium }, bytesSource(sealed.bytes), people[0]!.opener, {
      knownSenders: [{ signingPublicKey: outsider.sender.signingPublicKey }],
      fingerprintOf: () => '12345 67890',
    });
    expect(verified.sender.known).toBe(false);
    expect(verified.sender.fingerprint).toBe('12345 67890');
    expect(verified.sender.signingPublicKey).toBe(Buffer.from(alice.sender.signingPublicKey).toString('hex'));
  });

  it('seals with no records and no files, and with a payload of exactly one full chunk boundary', async () => {
    const base = smallRequest(alice, [people[0]!]);
    const empty = await sealToBytes(sodium, { ...base, records: null, files: [] });
    const opened = await openBytes(sodium, empty.bytes, people[0]!.opener);
    expect(opened.recording.records).toBeUndefined();
    expect(opened.verified.manifest.files).toEqual([]);
  });

  it('refuses to seal when a file differs from its declared size or hash', async () => {
    const base = smallRequest(alice, [people[0]!]);
    const file = base.files![0]!;
    await expectCode(
      sealToBytes(sodium, { ...base, files: [{ ...file, sha256: '0'.repeat(64) }] }),
      'EXPORT_SOURCE_MISMATCH',
    );
    await expectCode(
      sealToBytes(sodium, { ...base, files: [{ ...file, size: file.size - 1 }] }),
      'EXPORT_SOURCE_MISMATCH',
    );
  });

  it('refuses a receipt or backup where an export is expected, and opens it when asked', async () => {
    const sealed = await sealToBytes(sodium, { ...smallRequest(alice, [people[0]!]), kind: 'backup' });
    await expectCode(
      verifyExport({ sodium }, bytesSource(sealed.bytes), people[0]!.opener),
      'EXPORT_MALFORMED',
    );
    const verified = await verifyExport({ sodium }, bytesSource(sealed.bytes), people[0]!.opener, {
      kinds: ['backup'],
    });
    expect(verified.manifest.kind).toBe('backup');
  });
});

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of source) out.push(chunk);
  return out;
}

describe('sealing refuses bad input before writing anything', () => {
  it('mismatched or mis-sized sender keys, no recipient, a duplicate recipient, a path as a file name', async () => {
    const { sealExport } = await import('../../../../electron/core/export/index.ts');
    const base = smallRequest(alice, [people[0]!]);
    const cases = [
      { ...base, sender: { ...base.sender, signingPublicKey: people[0]!.sender.signingPublicKey } },
      { ...base, sender: { ...base.sender, signingPublicKey: new Uint8Array(31) } },
      { ...base, recipients: [] },
      { ...base, recipients: [base.recipients[0]!, base.recipients[0]!] },
      { ...base, files: [{ ...base.files![0]!, name: '../escape.jpg' }] },
    ];
    for (const request of cases) {
      const written: Uint8Array[] = [];
      await expectCode(
        sealExport({ sodium }, request, { write: (b) => void written.push(b) }),
        'INVALID_INPUT',
      );
      expect(written).toEqual([]);
    }
  });
});
