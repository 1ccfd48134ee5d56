/**
 * `casevault report … --seal-to` and `casevault open` of a sealed report, through the real CLI
 * between two vaults: the report goes sealed (no clear file), the unverified contact is warned
 * about, `open` verifies, imports and prints the report, a second open says it is already there,
 * and usage errors exit 1 with nothing written.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportsDataGenerator, seedReportsData } from '../../../bench/reports-data.ts';
import { RecordsService } from '../../../electron/core/records/records-service.ts';
import { unlockWithPassphrase } from '../../../electron/core/vault/vault.ts';
import { jsonOf, makeTempDir, removeDir, runCli, writeSecret } from './cli-harness.ts';

const PASS = 'report seal passphrase for cli tests';
let tmp: string;
let alice: string;
let bob: string;
let pw: string;
const run = (args: string[]) => runCli([...args, '--passphrase-file', pw]);
const QUERY = ['--kind', 'intake', '--from', '2025-01-01', '--to', '2025-12-31'];

beforeAll(async () => {
  tmp = await makeTempDir();
  alice = path.join(tmp, 'alice');
  bob = path.join(tmp, 'bob');
  pw = await writeSecret(tmp, 'pw', PASS);
  for (const [dir, name] of [
    [alice, 'Alice'],
    [bob, 'Coordination Bob'],
  ] as const) {
    expect((await runCli(['init', dir, '--passphrase-file', pw])).code).toBe(0);
    expect((await run(['identity', 'set', dir, '--name', name])).code).toBe(0);
    expect((await run(['identity', 'export-card', dir, '--out', `${dir}.cvcard`])).code).toBe(0);
  }
  expect((await run(['contact', 'add', alice, `${bob}.cvcard`, '--role', 'coordination'])).code).toBe(0);
  expect((await run(['contact', 'add', bob, `${alice}.cvcard`, '--role', 'coordination'])).code).toBe(0);
  const session = await unlockWithPassphrase(alice, PASS);
  try {
    seedReportsData(new RecordsService(session).context(), new ReportsDataGenerator({ seed: 3 }), 120);
  } finally {
    session.lock();
  }
}, 120_000);
afterAll(async () => {
  await removeDir(tmp);
});

describe('casevault report --seal-to, casevault open', () => {
  it('needs --out with --seal-to (exit 1, nothing written)', async () => {
    const result = await run(['report', alice, ...QUERY, '--seal-to', 'Coordination Bob']);
    expect(result.code).toBe(1);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.cvx'))).toEqual([]);
  });

  it('seals the report to a contact, warns that the fingerprint is unverified, then Bob opens it', async () => {
    const out = path.join(tmp, 'intake.cvx');
    const sealed = await run([
      'report',
      alice,
      ...QUERY,
      '--seal-to',
      'Coordination Bob',
      '--purpose',
      'Coordination',
      '--out',
      out,
      '--lang',
      'en',
    ]);
    expect(sealed.code, sealed.stderr).toBe(0);
    expect(sealed.stdout).toContain('fingerprint not verified');
    expect(sealed.stdout).toContain('sealed to 1 contact(s)');
    expect(existsSync(out)).toBe(true);
    // No clear copy of the report next to it.
    expect(readdirSync(tmp).filter((f) => /\.(csv|json)$/.test(f))).toEqual([]);

    const json = jsonOf(await run(['report', alice, ...QUERY, '--json'])) as unknown as {
      report: { notes: { suppressedCells: number } };
    };

    const opened = await run(['open', out, '--vault', bob, '--json']);
    expect(opened.code, opened.stderr).toBe(0);
    const body = jsonOf(opened) as unknown as {
      report: { kind: string; sender: { known: boolean }; report: { reportId: string } };
      model: { reportId: string; notes: { suppressedCells: number } };
    };
    expect(body.report).toMatchObject({
      kind: 'report',
      sender: { known: true },
      report: { reportId: 'intake' },
    });
    expect(body.model.reportId).toBe('intake');
    expect(body.model.notes.suppressedCells).toBe(json.report.notes.suppressedCells);

    const again = await run(['open', out, '--vault', bob, '--lang', 'fr']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Un rapport scellé : intake');
    expect(again.stdout).toContain('Déjà dans l’espace Reçus');
  });
});
