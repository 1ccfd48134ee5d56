/**
 * Forged and malformed sealed reports: the manifest shape of kind `report` is enforced on both sides
 * (EXPORT_MALFORMED), and a file correctly sealed and signed by a KNOWN sender whose report model is
 * not a valid, protected report of what the manifest announces is refused with
 * REPORT_RECEIVED_INVALID — nothing stored, no blob left behind.
 */
import { createWriteStream, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import {
  decodeManifest,
  type ReportDescriptor,
  type SealRequest,
  sealExport,
  writableSink,
} from '../../../../electron/core/export/index.ts';
import { parseReceivedReport } from '../../../../shared/reports/received-model.ts';
import { vectorReportModel } from '../../../helpers/export-vectors.ts';
import { addContact, type SharingFixture, sharingFixture, type TestVault } from './fixture.ts';

let fx: SharingFixture;
beforeEach(() => {
  fx = sharingFixture();
});
afterEach(() => fx.cleanup());

const DESCRIPTOR: ReportDescriptor = {
  format: 'casevault.report/1',
  reportId: 'intake',
  from: '2026-07-01',
  to: '2026-09-30',
  granularity: 'quarter',
  threshold: 5,
  language: 'fr',
};
const KEY = 'ab'.repeat(32);
const SHA = 'cd'.repeat(32);

function manifest(patch: Record<string, unknown>): Uint8Array {
  const base = {
    format: 'casevault.export-manifest/1',
    kind: 'report',
    exportId: '0c9b8a7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    createdAt: '2026-11-23T12:00:00.000Z',
    sender: { signingPublicKey: KEY, encryptionPublicKey: KEY },
    recipients: [{ type: 'x25519', publicKey: 'ef'.repeat(32) }],
    purpose: '',
    records: null,
    files: [{ id: 'report-json', name: 'r.json', size: 10, sha256: SHA, mediaType: 'application/json' }],
    custody: [],
    report: DESCRIPTOR,
  };
  return new TextEncoder().encode(JSON.stringify({ ...base, ...patch }));
}

const malformed = (bytes: Uint8Array) => {
  try {
    decodeManifest(bytes);
    return 'accepted';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('manifest of kind report', () => {
  it('accepts the documented shape, with or without the CSV', () => {
    expect(decodeManifest(manifest({})).report).toEqual(DESCRIPTOR);
    const csv = { id: 'report-csv', name: 'r.csv', size: 3, sha256: SHA, mediaType: 'text/csv' };
    const files = [...(decodeManifest(manifest({})).files ?? []), csv];
    expect(decodeManifest(manifest({ files })).files).toHaveLength(2);
  });

  it.each([
    ['a report object on an export', { kind: 'export' }],
    ['a report object on a backup', { kind: 'backup' }],
    ['no report object on a report', { report: undefined }],
    ['records on a report', { records: { format: 'casevault.records/1', size: 2, sha256: SHA, items: [] } }],
    ['custody on a report', { custody: [{ at: '2026-11-23T12:00:00Z', event: 'x' }] }],
    ['no model file', { files: [] }],
    ['another file', { files: [{ id: 'ev-1', name: 'x.txt', size: 1, sha256: SHA }] }],
    [
      'a model that is not JSON',
      { files: [{ id: 'report-json', name: 'r.json', size: 1, sha256: SHA, mediaType: 'text/html' }] },
    ],
    [
      'an oversized model',
      {
        files: [
          {
            id: 'report-json',
            name: 'r.json',
            size: 8 * 1024 * 1024 + 1,
            sha256: SHA,
            mediaType: 'application/json',
          },
        ],
      },
    ],
    ['a threshold below 3', { report: { ...DESCRIPTOR, threshold: 2 } }],
    ['an unknown key in the report object', { report: { ...DESCRIPTOR, cells: [] } }],
    ['a report id with a separator', { report: { ...DESCRIPTOR, reportId: '../x' } }],
  ])('refuses %s (EXPORT_MALFORMED)', (_what, patch) => {
    expect(malformed(manifest(patch))).toBe('EXPORT_MALFORMED');
  });
});

describe('received report model', () => {
  const announced = DESCRIPTOR;
  const check = (model: unknown) => parseReceivedReport(JSON.stringify(model), announced);
  it('accepts the vector model and refuses every altered one', () => {
    const good = vectorReportModel();
    expect(check(good)).toMatchObject({ ok: true });
    const bad: Array<[string, (m: ReturnType<typeof vectorReportModel>) => unknown]> = [
      [
        'a small count shown',
        (m) => {
          m.tables[0]!.rowTotals[1] = { status: 'shown', value: 2 } as never;
          return m;
        },
      ],
      [
        'a hidden cell with its value',
        (m) => {
          m.tables[0]!.rowTotals[2] = { status: 'protected', value: 7 } as never;
          return m;
        },
      ],
      [
        'a missing row total',
        (m) => {
          m.tables[0]!.rowTotals.pop();
          return m;
        },
      ],
      ['another report', (m) => ({ ...m, reportId: 'mrm' })],
      ['another period', (m) => ({ ...m, period: { ...m.period, to: '2026-12-31' } })],
      ['another threshold', (m) => ({ ...m, threshold: 10 })],
      ['an unknown key', (m) => ({ ...m, extra: 1 })],
      [
        'a statistic over a small count',
        (m) => {
          m.tables[0]!.statistics = [0, 1, 2, 3].map(() => ({
            n: { status: 'small', value: null },
            median: 3,
            q1: null,
            q3: null,
            mean: null,
          })) as never;
          return m;
        },
      ],
    ];
    for (const [what, alter] of bad)
      expect(check(alter(vectorReportModel())), what).toMatchObject({ ok: false });
    expect(parseReceivedReport('{"format":', announced)).toEqual({ ok: false, problem: 'not JSON' });
  });
});

/** A report file sealed and signed by `from` (a known contact of `to`) with any model bytes. */
async function forge(from: TestVault, to: TestVault, modelBytes: Uint8Array, name: string): Promise<string> {
  const sodium = await loadSodium();
  const own = from.identity.ownPublic();
  const signingSecretKey = from.identity.withOwnSecretKeys((k) => Uint8Array.from(k.signSecretKey));
  const request: SealRequest = {
    kind: 'report',
    sender: { signingPublicKey: own.signPublicKey, signingSecretKey, encryptionPublicKey: own.boxPublicKey },
    recipients: [{ type: 'x25519', publicKey: to.identity.ownPublic().boxPublicKey }],
    purpose: 'forged',
    records: null,
    files: [
      {
        id: 'report-json',
        name: 'r.json',
        size: modelBytes.length,
        mediaType: 'application/json',
        async *open() {
          yield modelBytes;
        },
      },
    ],
    report: DESCRIPTOR,
  };
  const file = path.join(fx.out, name);
  const stream = createWriteStream(file);
  await sealExport({ sodium }, request, writableSink(stream));
  await new Promise((resolve) => stream.end(resolve));
  return file;
}

describe('a signed report from a known sender with a bad model', () => {
  it('is refused with REPORT_RECEIVED_INVALID, storing nothing', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    addContact(b, a, 'coordination');
    const evidenceDir = path.join(b.dir, 'evidence');
    const blobs = () => (readdirSync(b.dir).includes('evidence') ? readdirSync(evidenceDir).length : 0);
    const before = blobs();
    const leaky = vectorReportModel();
    leaky.tables[0]!.rowTotals[1] = { status: 'shown', value: 2 } as never;
    const cases: Array<[string, Uint8Array]> = [
      ['leaky.cvx', new TextEncoder().encode(JSON.stringify(leaky))],
      ['not-json.cvx', new TextEncoder().encode('{"format": "casevault.report/1"')],
      ['not-utf8.cvx', Uint8Array.from([0xff, 0xfe, 0x00])],
      [
        'wrong-report.cvx',
        new TextEncoder().encode(JSON.stringify({ ...vectorReportModel(), reportId: 'mrm' })),
      ],
    ];
    for (const [name, bytes] of cases) {
      const file = await forge(a, b, bytes, name);
      // It verifies (the signature is genuine): only the content is wrong.
      expect(await b.sharing.verify(file)).toMatchObject({ kind: 'report', sender: { known: true } });
      await expect(b.sharing.import(file), name).rejects.toMatchObject({ code: 'REPORT_RECEIVED_INVALID' });
    }
    expect(b.sharing.receivedList()).toEqual([]);
    expect(blobs()).toBe(before);
  });
});
