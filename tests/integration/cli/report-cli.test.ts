/**
 * `casevault report` through the real CLI on a vault seeded with generated records: CSV with BOM,
 * CRLF and FR/EN headers on stdout, JSON, --out never overwriting and audited, refusals with codes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportsDataGenerator, seedReportsData } from '../../../bench/reports-data.ts';
import { RecordsService } from '../../../electron/core/records/records-service.ts';
import { unlockWithPassphrase } from '../../../electron/core/vault/vault.ts';
import { jsonOf, makeTempDir, removeDir, runCli, snapshot, writeSecret } from './cli-harness.ts';

const PASSPHRASE = 'report passphrase for cli tests';
let tmp: string;
let vault: string;
let pw: string;
const run = (args: string[]) => runCli([...args, '--passphrase-file', pw]);
const PERIOD = ['--from', '2025-01-01', '--to', '2025-12-31'];

beforeAll(async () => {
  tmp = await makeTempDir();
  vault = path.join(tmp, 'vault');
  pw = await writeSecret(tmp, 'pw', PASSPHRASE);
  expect((await runCli(['init', vault, '--passphrase-file', pw])).code).toBe(0);
  const session = await unlockWithPassphrase(vault, PASSPHRASE);
  try {
    seedReportsData(new RecordsService(session).context(), new ReportsDataGenerator({ seed: 3 }), 300);
  } finally {
    session.lock();
  }
});
afterAll(async () => {
  await removeDir(tmp);
});

describe('casevault report', () => {
  it('prints CSV with a BOM, CRLF line ends and headers in the chosen language', async () => {
    const en = await run(['report', vault, '--kind', 'mrm', ...PERIOD, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout.startsWith('\uFEFFreport,from,to,threshold,table,')).toBe(true);
    expect(en.stdout).toContain('\r\n');
    expect(en.stdout).toMatch(/,<5,small count hidden\r\n/);
    const fr = await run(['report', vault, '--kind', 'mrm', ...PERIOD, '--lang', 'fr']);
    expect(fr.code).toBe(0);
    expect(fr.stdout.startsWith('\uFEFFrapport,du,au,seuil,tableau,')).toBe(true);
    expect(fr.stdout).toContain('Violations vérifiées par mois');
  });

  it('prints the JSON report, whose hidden cells carry no value', async () => {
    const result = await run([
      'report',
      vault,
      '--kind',
      'gbv-psea',
      ...PERIOD,
      '--format',
      'json',
      '--threshold',
      '4',
    ]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ format: 'casevault.report/1', reportId: 'gbv-psea', threshold: 4 });
    for (const t of doc.tables)
      for (const c of [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total])
        if (c.status !== 'shown') expect(c.value).toBeNull();
        else expect(c.value === 0 || c.value >= 4).toBe(true);
  });

  it('writes a new file with --out, refuses to overwrite it, and records the export in the audit log', async () => {
    const out = path.join(tmp, 'intake.csv');
    const first = await run(['report', vault, '--kind', 'intake', ...PERIOD, '--out', out, '--json']);
    expect(first.code).toBe(0);
    expect(jsonOf(first)).toMatchObject({ ok: true, out, report: 'intake', format: 'csv' });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const before = readFileSync(out);
    const vaultBefore = await snapshot(vault);
    const again = await run(['report', vault, '--kind', 'intake', ...PERIOD, '--out', out, '--json']);
    expect(again.code).toBe(1);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(await snapshot(vault)).toEqual(vaultBefore);
    const audit = jsonOf(await run(['audit', vault, '--json', '--limit', '5'])) as unknown as {
      entries: Array<{ action: string; detail: string }>;
    };
    const entry = audit.entries.find((e) => e.action === 'report.export');
    expect(entry).toBeDefined();
    expect(JSON.parse(entry!.detail)).toMatchObject({
      report: 'intake',
      format: 'csv',
      threshold: 5,
      via: 'cli',
    });
  });

  it('refuses a threshold below 3, an unknown kind, a bad period and missing options, with exit 1', async () => {
    const low = await run(['report', vault, '--kind', 'mrm', ...PERIOD, '--threshold', '2', '--json']);
    expect(low.code).toBe(1);
    expect((jsonOf(low) as unknown as { error: { code: string } }).error.code).toBe(
      'REPORT_THRESHOLD_INVALID',
    );
    const kind = await run(['report', vault, '--kind', 'nope', ...PERIOD, '--json']);
    expect(kind.code).toBe(1);
    const period = await run([
      'report',
      vault,
      '--kind',
      'mrm',
      '--from',
      '2025-12-01',
      '--to',
      '2025-01-01',
      '--json',
    ]);
    expect(period.code).toBe(1);
    expect((jsonOf(period) as unknown as { error: { code: string } }).error.code).toBe(
      'REPORT_PERIOD_INVALID',
    );
    const missing = await run(['report', vault, '--kind', 'mrm', '--json']);
    expect(missing.code).toBe(1);
  });
});
