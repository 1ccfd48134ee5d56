/**
 * The sharing commands through the real CLI between two vaults: export (refused by consent with
 * exit 7 and nothing written; then allowed), open (verify, import into Received, sender known),
 * receipt create/import, backup and restore (same identity fingerprint), extract needs --yes.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../electron/cli/messages.ts';
import { RecordsService } from '../../../electron/core/records/records-service.ts';
import { unlockWithPassphrase } from '../../../electron/core/vault/vault.ts';
import { jsonOf, makeTempDir, removeDir, runCli, writeSecret } from './cli-harness.ts';

const PASS = 'sharing passphrase for cli tests';
let tmp: string;
let alice: string;
let bob: string;
let pw: string;
const run = (args: string[], stdin?: string) => runCli([...args, '--passphrase-file', pw], { stdin });

beforeAll(async () => {
  tmp = await makeTempDir();
  alice = path.join(tmp, 'alice');
  bob = path.join(tmp, 'bob');
  pw = await writeSecret(tmp, 'pw', PASS);
  for (const [dir, name] of [
    [alice, 'Alice'],
    [bob, 'Maître Bob'],
  ] as const) {
    expect((await runCli(['init', dir, '--passphrase-file', pw])).code).toBe(0);
    expect((await run(['identity', 'set', dir, '--name', name])).code).toBe(0);
    expect((await run(['identity', 'export-card', dir, '--out', `${dir}.cvcard`])).code).toBe(0);
  }
  expect((await run(['contact', 'add', alice, `${bob}.cvcard`, '--role', 'legal'])).code).toBe(0);
  expect((await run(['contact', 'add', bob, `${alice}.cvcard`, '--role', 'coordination'])).code).toBe(0);
  // Records with consents, written through the core (the CLI has no consent command).
  const session = await unlockWithPassphrase(alice, PASS);
  const records = new RecordsService(session);
  for (const [code, dataLevel] of [
    ['CLI-OK', 'identifying'],
    ['CLI-ANON', 'anonymised'],
  ] as const) {
    const kase = records.create('case', {
      code,
      kind: 'defender-protection',
      title: code,
      openedOn: '2026-01-01',
    });
    const person = records.create('person', { alias: 'R', realName: 'Vrai Nom' });
    records.linkPerson(kase.id, person.id, 'survivor');
    records.create('consent', {
      caseId: kase.id,
      personId: person.id,
      givenBy: 'survivor',
      dataLevel,
      recipientKinds: ['legal'],
      purposes: 'x',
      method: 'written',
      recordedBy: 'y',
      givenOn: '2026-01-01',
    });
  }
  session.lock();
  const note = await writeSecret(tmp, 'note.txt', 'témoignage');
  expect((await run(['evidence', 'add', alice, note, '--case', 'CLI-OK'])).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await removeDir(tmp);
});

describe('casevault export, open, receipt, backup, restore', () => {
  let exportFile: string;
  let receivedId: string;

  it('refuses a full export the consent does not allow (exit 7, nothing written), then exports', async () => {
    const refusedOut = path.join(tmp, 'refused.cvexport');
    const refused = await run([
      'export',
      alice,
      '--to',
      'Maître Bob',
      '--case',
      'CLI-OK',
      '--case',
      'CLI-ANON',
      '--out',
      refusedOut,
      '--json',
    ]);
    expect(refused.code).toBe(7);
    expect(JSON.stringify(jsonOf(refused))).toContain('anonymised-only');
    expect(existsSync(refusedOut)).toBe(false);

    const text = await run([
      'export',
      alice,
      '--to',
      'Maître Bob',
      '--case',
      'CLI-OK',
      '--case',
      'CLI-ANON',
      '--redacted',
      '--dry-run',
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('CLI-ANON');

    exportFile = path.join(tmp, 'to-bob.cvexport');
    const done = await run([
      'export',
      alice,
      '--to',
      'Maître Bob',
      '--case',
      'CLI-OK',
      '--purpose',
      'Conseil',
      '--out',
      exportFile,
      '--json',
    ]);
    expect(done.code).toBe(0);
    const result = (jsonOf(done) as unknown as { result: { files: number; fileSha256: string } }).result;
    expect(result.files).toBe(1);
    expect(existsSync(exportFile)).toBe(true);
  });

  it('opens: verifies, shows the known sender, imports into Received; extract needs --yes', async () => {
    const verify = await run(['open', exportFile, '--vault', bob, '--verify-only']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('Alice');
    const opened = jsonOf(await run(['open', exportFile, '--vault', bob, '--json'])) as unknown as {
      report: { sender: { known: boolean; name: string } };
      received: { id: string; files: number };
    };
    expect(opened.report.sender).toMatchObject({ known: true, name: 'Alice' });
    expect(opened.received.files).toBe(1);
    receivedId = opened.received.id;
    const noYes = await run(['open', exportFile, '--vault', bob, '--extract', path.join(tmp, 'x')]);
    expect(noYes.code).toBe(1);
    // Opened by a vault it was not sealed to: exit 2 (wrong key).
    expect((await run(['open', exportFile, '--vault', alice])).code).toBe(2);
  });

  it('sends a receipt back and the sender imports it', async () => {
    const receiptFile = path.join(tmp, 'receipt.cvexport');
    expect((await run(['receipt', 'create', bob, receivedId, '--out', receiptFile])).code).toBe(0);
    const imported = await run(['receipt', 'import', alice, receiptFile, '--json']);
    expect(imported.code).toBe(0);
    expect(jsonOf(imported)).toMatchObject({ responder: { known: true, name: 'Maître Bob' } });
  });

  it('backs up and restores into a new folder with the same identity', async () => {
    const bp = await writeSecret(tmp, 'bp', 'backup passphrase for the cli test');
    const backupFile = path.join(tmp, 'alice.cvbackup');
    const backup = await run(['backup', alice, '--out', backupFile, '--backup-passphrase-file', bp]);
    expect(backup.code, backup.stderr).toBe(0);
    const status = jsonOf(await run(['backup', alice, '--status', '--json']));
    expect(status).toMatchObject({ reminderDue: false });
    const restoredDir = path.join(tmp, 'restored');
    const restored = await runCli([
      'restore',
      backupFile,
      restoredDir,
      '--backup-passphrase-file',
      bp,
      '--new-passphrase-file',
      pw,
      '--json',
    ]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(jsonOf(restored)).toMatchObject({ files: 1, history: { segments: 1 } });
    // The audit history came along and `check` verifies it in the restored vault.
    const checked = await run(['check', restoredDir, '--json']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(jsonOf(checked)).toMatchObject({ auditChain: { ok: true, history: { segments: 1 } } });
    const before = jsonOf(await run(['identity', 'show', alice, '--json']));
    const after = jsonOf(await run(['identity', 'show', restoredDir, '--json']));
    expect(after.fingerprint).toEqual(before.fingerprint);
    // Restoring again over the restored vault is refused (exit 4), nothing changes.
    const names = readdirSync(restoredDir).sort();
    const again = await runCli([
      'restore',
      backupFile,
      restoredDir,
      '--backup-passphrase-file',
      bp,
      '--new-passphrase-file',
      pw,
    ]);
    expect(again.code).toBe(4);
    expect(readdirSync(restoredDir).sort()).toEqual(names);
  });

  it('restores a backup made before history travelled, and says history was not included', async () => {
    const bp = await writeSecret(tmp, 'old-bp', 'sauvegarde ancienne 2026');
    const fixture = path.join(import.meta.dirname, '../../fixtures/backup/v1-no-history.cvx');
    const out = await runCli([
      'restore',
      fixture,
      path.join(tmp, 'from-old'),
      '--backup-passphrase-file',
      bp,
      '--new-passphrase-file',
      pw,
    ]);
    expect(out.code, out.stderr).toBe(0);
    const notices = [t('en', 'restoreNoHistory'), t('fr', 'restoreNoHistory')];
    expect(
      notices.some((notice) => out.stdout.includes(notice)),
      out.stdout,
    ).toBe(true);
  });
});
