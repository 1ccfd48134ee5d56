/**
 * Sharing through the async VaultService the app uses (LocalVaultService here; the real worker
 * runs the same class): op names dispatch to the sharing op table, outputs parse with the schemas
 * of shared/sharing/schemas.ts (what the UI relies on), progress is reported for a task, a
 * cancelled export writes nothing, and every op refuses with VAULT_LOCKED once locked.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalVaultService } from '../../../../electron/core/service/local-vault-service.ts';
import type { VaultService } from '../../../../electron/core/service/types.ts';
import { WorkerVaultService } from '../../../../electron/host/worker-vault-service.ts';
import type { TaskProgress } from '../../../../shared/evidence/schemas.ts';
import {
  BackupStatus,
  ExportLogEntry,
  ExportPlan,
  ExportResult,
  ReceivedDetail,
  ReceivedSummary,
  VerifyReport,
} from '../../../../shared/sharing/schemas.ts';
import { PASSPHRASE, tempDir } from '../../../helpers/vault.ts';

const REAL_WORKER = new URL('../../../../electron/host/vault-worker.ts', import.meta.url);
let dir: string;
let cleanup: () => void;
const open: VaultService[] = [];
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
  cleanup();
});

for (const kind of ['local', 'worker'] as const) {
  describe(`VaultService.sharing (${kind})`, () => {
    it('plans, exports with progress, cancels cleanly, imports; outputs match the schemas', async () => {
      const make = (name: string): VaultService => {
        const vaultDir = path.join(dir, name);
        const s =
          kind === 'local'
            ? new LocalVaultService({ dir: vaultDir })
            : new WorkerVaultService({ dir: vaultDir, workerUrl: REAL_WORKER });
        open.push(s);
        return s;
      };
      const a = make('a');
      const b = make('b');
      await a.create(PASSPHRASE, 'moderate');
      await b.create(PASSPHRASE, 'moderate');
      const aCard = (
        (await a.identity('update', { name: 'Awa', organisation: 'R', role: 'x' })) as { cardText: string }
      ).cardText;
      const bCard = (
        (await b.identity('update', { name: 'Binta', organisation: 'C', role: 'y' })) as { cardText: string }
      ).cardText;
      const bAtA = (
        (await a.identity('contacts-import', { card: bCard, role: 'legal' })) as { contact: { id: string } }
      ).contact.id;
      await b.identity('contacts-import', { card: aCard, role: 'legal' });

      const kase = (await a.records('create', {
        entity: 'case',
        data: { code: 'SVC-S', kind: 'other', title: 't', openedOn: '2026-03-01' },
      })) as { id: string };
      const person = (await a.records('create', { entity: 'person', data: { alias: 'R' } })) as {
        id: string;
      };
      await a.records('create', {
        entity: 'consent',
        data: {
          caseId: kase.id,
          personId: person.id,
          givenBy: 'survivor',
          dataLevel: 'identifying',
          recipientKinds: ['legal'],
          purposes: 'x',
          method: 'written',
          recordedBy: 'y',
          givenOn: '2026-01-01',
        },
      });
      const big = path.join(dir, 'big.bin');
      writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 7));
      await a.evidence('add', { caseId: kase.id, path: big, source: { kind: 'device' } });

      const selection = { caseCodes: ['SVC-S'], recipientContactIds: [bAtA], mode: 'full' };
      const plan = ExportPlan.parse(await a.sharing('export-plan', selection));
      expect(plan).toMatchObject({ canExport: true, blockers: [] });
      expect(plan.recipients[0]!.issues).toEqual(['unverified']);

      const progress: TaskProgress[] = [];
      const off = a.onProgress((p) => {
        progress.push(p);
        if (p.taskId === 'cancel-me') void a.cancel('cancel-me');
      });
      const cancelledOut = path.join(dir, 'cancelled.cvexport');
      await expect(
        a.sharing(
          'export',
          { ...selection, outPath: cancelledOut, passphrase: PASSPHRASE },
          { taskId: 'cancel-me' },
        ),
      ).rejects.toMatchObject({ code: 'TASK_CANCELLED' });
      expect(existsSync(cancelledOut)).toBe(false);
      expect(readdirSync(dir).filter((n) => n.includes('cancelled'))).toEqual([]);
      expect(await a.sharing('exports-list', {})).toEqual([]);

      const outPath = path.join(dir, 'out.cvexport');
      const result = ExportResult.parse(
        await a.sharing(
          'export',
          { ...selection, outPath, passphrase: PASSPHRASE, purpose: 'p' },
          { taskId: 'export-1' },
        ),
      );
      off();
      const mine = progress.filter((p) => p.taskId === 'export-1');
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.at(-1)).toMatchObject({ done: 6 * 1024 * 1024, total: 6 * 1024 * 1024 });
      ExportLogEntry.array().parse(await a.sharing('exports-list', {}));

      const report = VerifyReport.parse(await b.sharing('open-verify', { path: outPath }));
      expect(report.sender.known).toBe(true);
      if (kind === 'local') {
        // In this thread the cancel lands synchronously from the first progress event: deterministic.
        const blobsBefore = readdirSync(path.join(dir, 'b')).includes('evidence')
          ? readdirSync(path.join(dir, 'b', 'evidence'))
          : [];
        const offImport = b.onProgress((p) => {
          if (p.taskId === 'cancel-import') void b.cancel('cancel-import');
        });
        await expect(
          b.sharing('open-import', { path: outPath }, { taskId: 'cancel-import' }),
        ).rejects.toMatchObject({
          code: 'TASK_CANCELLED',
        });
        offImport();
        expect(await b.sharing('received-list', {})).toEqual([]);
        expect(readdirSync(path.join(dir, 'b', 'evidence'))).toEqual(blobsBefore);
      }
      const received = ReceivedDetail.parse(await b.sharing('open-import', { path: outPath }));
      expect(received.exportId).toBe(result.exportId);
      ReceivedSummary.array().parse(await b.sharing('received-list', {}));
      BackupStatus.parse(await b.sharing('backup-status', {}));
      await expect(b.sharing('no-such-op', {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(b.sharing('open-verify', { path: outPath, extra: 1 })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });

      // Backup from B, restored through A's service (restore touches only the new folder).
      const backupPath = path.join(dir, 'b.cvbackup');
      await b.sharing('backup', {
        outPath: backupPath,
        backupPassphrase: 'phrase de sauvegarde B',
        passphrase: PASSPHRASE,
      });
      expect(BackupStatus.parse(await b.sharing('backup-status', {})).reminderDue).toBe(false);
      await expect(a.restoreBackup({ path: backupPath })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      const restored = await a.restoreBackup({
        path: backupPath,
        backupPassphrase: 'phrase de sauvegarde B',
        newDir: path.join(dir, 'restored'),
        newPassphrase: 'nouvelle phrase de passe',
      });
      expect(restored).toMatchObject({ files: 1 });
      expect(restored.recoveryKey.length).toBeGreaterThan(20);

      await b.lock('user');
      await expect(b.sharing('received-list', {})).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    });
  });
}
