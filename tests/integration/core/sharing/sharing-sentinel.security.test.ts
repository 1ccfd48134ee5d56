/**
 * Threat: plaintext left on disk by sharing (temp files next to an export, staged received files,
 * a backup's content, a restore's staging). A text item repeating a random sentinel goes through
 * export, import into Received, receipt, backup and restore; then no file changed during the run in
 * the vault folders, the output folder or the OS temp folder holds the sentinel — except the folder
 * the user explicitly extracted into, which must.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../../electron/core/sharing/restore.ts';
import { FAST_KDF, PASSPHRASE } from '../../../helpers/vault.ts';
import { addContact, type SharingFixture, sharingFixture } from './fixture.ts';

let fx: SharingFixture;
beforeEach(() => {
  fx = sharingFixture();
});
afterEach(() => fx.cleanup());

function scan(root: string, needle: Buffer, since: number, skip: string[]): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (skip.some((s) => file === s || file.startsWith(`${s}${path.sep}`))) continue;
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(file);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(file);
      else if (st.isFile() && st.mtimeMs >= since && st.size < 64 * 1024 * 1024) {
        try {
          if (readFileSync(file).includes(needle)) hits.push(file);
        } catch {}
      }
    }
  };
  walk(root);
  return hits;
}

describe('no plaintext side files from sharing', () => {
  it('export, import, receipt, backup and restore leave the sentinel nowhere but the chosen extract folder', async () => {
    const since = Date.now() - 1000;
    const sentinel = Buffer.from(`SHARING-SENTINEL-${randomBytes(12).toString('hex')}`);
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const bAtA = addContact(a, b, 'legal');
    addContact(b, a, 'legal');
    const kase = a.records.create('case', {
      code: 'SN-1',
      kind: 'defender-protection',
      title: 't',
      openedOn: '2026-01-01',
    });
    const person = a.records.create('person', { alias: 'R' });
    a.records.create('consent', {
      caseId: kase.id,
      personId: person.id,
      givenBy: 'survivor',
      dataLevel: 'identifying',
      recipientKinds: ['legal'],
      purposes: 'x',
      method: 'written',
      recordedBy: 'y',
      givenOn: '2026-01-01',
    });
    const text = Buffer.concat(
      Array.from({ length: 20_000 }, () => Buffer.concat([sentinel, Buffer.from('\n')])),
    );
    await a.evidence.add({
      caseId: kase.id,
      path: fx.file('sentinel.txt', text),
      source: { kind: 'device' },
    });

    const exportPath = path.join(fx.out, 'e.cvexport');
    await a.sharing.export({
      caseCodes: ['SN-1'],
      caseIds: [],
      recipientContactIds: [bAtA],
      mode: 'full',
      includeEvidence: true,
      purpose: '',
      outPath: exportPath,
      passphrase: PASSPHRASE,
    });
    const received = await b.sharing.import(exportPath);
    await a.sharing.receiptImport(
      (await b.sharing.receiptCreate({ receivedId: received.id, outPath: path.join(fx.out, 'r.cvexport') }))
        .outPath,
    );
    const backupPath = path.join(fx.out, 'b.cvbackup');
    await b.sharing.backup({
      outPath: backupPath,
      backupPassphrase: 'phrase de sauvegarde',
      passphrase: PASSPHRASE,
    });
    await restoreBackup({
      path: backupPath,
      backupPassphrase: 'phrase de sauvegarde',
      newDir: path.join(fx.root, 'restored'),
      newPassphrase: 'nouvelle phrase 2026 ok',
      kdf: FAST_KDF,
    });

    const extractDir = path.join(fx.root, 'extract');
    mkdirSync(extractDir);
    await expect(b.sharing.extractTo(exportPath, fx.out)).rejects.toMatchObject({
      code: 'EXTRACT_DIR_NOT_EMPTY',
    });
    const extracted = await b.sharing.extractTo(exportPath, extractDir);
    expect(extracted.files).toEqual([{ name: 'sentinel.txt', size: text.length }]);
    expect(readFileSync(path.join(extractDir, 'sentinel.txt')).equals(text)).toBe(true);

    // The scan finds the sentinel where it is (so an empty result below means something).
    expect(scan(extractDir, sentinel, since, [])).toEqual([path.join(extractDir, 'sentinel.txt')]);
    const skip = [fx.files, extractDir];
    expect(scan(fx.root, sentinel, since, skip)).toEqual([]);
    expect(scan(tmpdir(), sentinel, since, [fx.root])).toEqual([]);
  });
});
