/**
 * Sealed reports between two real vaults: A seals a built report to B; B verifies, imports and reads
 * back exactly A's protected model; no small count is anywhere in the file's plaintext; the exports
 * log, the audit chain and receipts work as for exports; recipient rules are the exporter's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportsDataGenerator, seedReportsData } from '../../../../bench/reports-data.ts';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import { extractExport, fileSource, verifyExport } from '../../../../electron/core/export/index.ts';
import { ReportsService } from '../../../../electron/core/reports/reports-service.ts';
import type { ReportModel } from '../../../../shared/reports/model.ts';
import type { ReportExportResult } from '../../../../shared/sharing/schemas.ts';
import { PASSPHRASE } from '../../../helpers/vault.ts';
import { addContact, type SharingFixture, sharingFixture, type TestVault, tick } from './fixture.ts';

let fx: SharingFixture;
beforeEach(() => {
  fx = sharingFixture();
});
afterEach(() => fx.cleanup());

const QUERY = { reportId: 'intake', from: '2026-01-01', to: '2026-06-30', granularity: 'quarter' as const };

function seed(v: TestVault, cases = 70): ReportModel {
  seedReportsData(
    v.records.context(),
    new ReportsDataGenerator({ seed: 5, from: '2026-01-01', to: '2026-06-30' }),
    cases,
  );
  return new ReportsService(v.session.db, v.session.auditMac, { now: tick }).build(QUERY);
}

/** Every file of a sealed report in clear, as the recipient's key opens it (test only). */
async function plaintextFiles(v: TestVault, file: string): Promise<Map<string, string>> {
  const sodium = await loadSodium();
  const own = v.identity.ownPublic();
  const secretKey = v.identity.withOwnSecretKeys((k) => Uint8Array.from(k.boxSecretKey));
  const identity = { type: 'x25519' as const, publicKey: own.boxPublicKey, secretKey };
  const verified = await verifyExport({ sodium }, fileSource(file), identity, { kinds: ['report'] });
  const out = new Map<string, string>();
  await extractExport(
    { sodium },
    verified,
    fileSource(file),
    identity,
    {
      file(entry) {
        const parts: Uint8Array[] = [];
        return {
          async write(bytes) {
            parts.push(Uint8Array.from(bytes));
          },
          async close() {
            out.set(entry.id, Buffer.concat(parts).toString('utf8'));
          },
          async abort() {},
        };
      },
    },
    { kinds: ['report'] },
  );
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

async function send(a: TestVault, to: string[], name = 'report.cvx'): Promise<ReportExportResult> {
  return (await a.sharing.reportExport({
    query: QUERY,
    lang: 'fr',
    recipientContactIds: to,
    purpose: 'Coordination mensuelle',
    outPath: path.join(fx.out, name),
    passphrase: PASSPHRASE,
  })) as ReportExportResult;
}

describe('sealed report', () => {
  it('round-trips: B reads exactly A’s protected model, and no small count is in the plaintext', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const bAtA = addContact(a, b, 'coordination');
    addContact(b, a, 'coordination');
    const model = seed(a);
    const small = model.tables.flatMap((t) => [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals]);
    // The data must hold small counts, or this test could not fail.
    expect(small.filter((c) => c.status === 'small').length).toBeGreaterThan(0);

    const result = await send(a, [bAtA]);
    expect(result.report).toMatchObject({
      reportId: 'intake',
      from: '2026-01-01',
      threshold: 5,
      language: 'fr',
    });
    expect(result.unverified).toEqual([]);

    const files = await plaintextFiles(b, result.outPath);
    expect([...files.keys()].sort()).toEqual(['report-csv', 'report-json']);
    const json = files.get('report-json')!;
    expect(JSON.parse(json)).toEqual(model);
    // A shown count is 0 or at least the threshold: no value from 1 to 4 anywhere in the model.
    for (let n = 1; n < model.threshold; n++) expect(json).not.toMatch(new RegExp(`"value": ${n}\\b`));
    expect(files.get('report-csv')).toContain('<5');

    const report = await b.sharing.verify(result.outPath);
    expect(report).toMatchObject({ kind: 'report', sender: { known: true }, report: { reportId: 'intake' } });
    const received = await b.sharing.import(result.outPath);
    expect(received).toMatchObject({ kind: 'report', report: { reportId: 'intake', threshold: 5 } });
    expect(received.fileList.map((f) => f.exportFileId).sort()).toEqual(['report-csv', 'report-json']);
    expect(await b.sharing.receivedReport(received.id)).toEqual(model);
    expect(b.sharing.receivedList()[0]).toMatchObject({ kind: 'report', sender: { known: true } });
    await expect(b.sharing.import(result.outPath)).rejects.toMatchObject({
      code: 'RECEIVED_ALREADY_IMPORTED',
    });
    // Stored encrypted: no byte of either vault folder, nor the sealed file, holds the report in clear.
    for (const file of [...filesUnder(b.dir), ...filesUnder(a.dir), result.outPath]) {
      const bytes = readFileSync(file);
      expect(bytes.includes('casevault.report/1'), file).toBe(false);
      expect(bytes.includes(model.tables[0]!.label.en), file).toBe(false);
    }

    // A: logged with its kind, audited as a sealed report export.
    const logged = a.sharing.exportsList()[0]!;
    expect(logged).toMatchObject({
      exportId: result.exportId,
      kind: 'report',
      report: { reportId: 'intake' },
    });
    const audit = a.session.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'report.export'")
      .pluck()
      .all() as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!)).toMatchObject({
      via: 'sealed',
      fileSha256: result.fileSha256,
      recipients: [{ contactId: bAtA, fingerprintId: b.identity.ownPublic().fingerprint.id }],
    });

    // B's receipt closes A's log entry, as for an export.
    const receiptPath = path.join(fx.out, 'receipt.cvx');
    await b.sharing.receiptCreate({ receivedId: received.id, outPath: receiptPath });
    await a.sharing.receiptImport(receiptPath);
    expect(a.sharing.exportsList()[0]!.acknowledgements).toHaveLength(1);
    // Nothing in clear was left next to the file.
    expect(readdirSync(fx.out).sort()).toEqual(['receipt.cvx', 'report.cvx']);
  });

  it('applies the exporter’s recipient rules: passphrase, changed key, unverified warning', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const bAtA = addContact(a, b, 'coordination', false);
    seed(a, 20);
    await expect(
      a.sharing.reportExport({
        query: QUERY,
        lang: 'en',
        recipientContactIds: [bAtA],
        purpose: '',
        outPath: path.join(fx.out, 'x.cvx'),
        passphrase: 'not the passphrase',
      }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const result = await send(a, [bAtA]);
    expect(result.unverified).toEqual([bAtA]);

    // B changes identity (a new key): A holds the change pending and may not seal to it.
    const b2 = await fx.vault('Bintou2');
    b2.identity.updateProfile({ name: 'Bintou', organisation: 'Org Bintou', role: 'Test' });
    a.identity.importCard({ card: b2.identity.ownCardText(), role: 'coordination', contactId: bAtA });
    await expect(send(a, [bAtA], 'changed.cvx')).rejects.toMatchObject({ code: 'SHARING_NOT_SENDABLE' });
    expect(readdirSync(fx.out)).toEqual(['report.cvx']);
    expect(a.sharing.exportsList()).toHaveLength(1);
  });

  it('imports a report from an unknown sender with that provenance: not known, its fingerprint', async () => {
    const c = await fx.vault('Chantal');
    const b = await fx.vault('Bintou');
    const bAtC = addContact(c, b, 'coordination');
    seed(c, 20);
    const result = await send(c, [bAtC]);
    const received = await b.sharing.import(result.outPath);
    expect(received.kind).toBe('report');
    expect(received.sender).toMatchObject({
      known: false,
      fingerprintId: c.identity.ownPublic().fingerprint.id,
      name: 'Chantal',
    });
    expect(received.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Once B imports C's card, the same entry shows C as known (looked up again on every read).
    addContact(b, c, 'coordination');
    expect(b.sharing.receivedGet(received.id).sender.known).toBe(true);
  });

  it('is refused by an opener that accepts only exports', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const bAtA = addContact(a, b, 'coordination');
    seed(a, 20);
    const result = await send(a, [bAtA]);
    const sodium = await loadSodium();
    const own = b.identity.ownPublic();
    const secretKey = b.identity.withOwnSecretKeys((k) => Uint8Array.from(k.boxSecretKey));
    await expect(
      verifyExport({ sodium }, fileSource(result.outPath), {
        type: 'x25519',
        publicKey: own.boxPublicKey,
        secretKey,
      }),
    ).rejects.toMatchObject({ code: 'EXPORT_MALFORMED', detail: 'unexpected kind report' });
  });
});
