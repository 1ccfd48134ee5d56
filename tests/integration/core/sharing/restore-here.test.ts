/**
 * Restoring in the app: the VaultService the app runs (LocalVaultService, and the same class in the
 * real worker thread) verifies a backup without writing anything (who signed, when, what), then
 * restores it into ITS OWN folder with progress and stays unlocked on the restored vault, custody
 * history included. A wrong backup passphrase leaves the folder as it was; a vault already there
 * is refused. Outputs parse with the schemas the IPC contract uses.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalVaultService } from '../../../../electron/core/service/local-vault-service.ts';
import type { VaultService } from '../../../../electron/core/service/types.ts';
import { WorkerVaultService } from '../../../../electron/host/worker-vault-service.ts';
import type { CustodyEntry, TaskProgress } from '../../../../shared/evidence/schemas.ts';
import { BackupInspection, RestoreOutcome } from '../../../../shared/sharing/restore-schemas.ts';
import { PASSPHRASE } from '../../../helpers/vault.ts';
import { type SharingFixture, seedCase, sharingFixture } from './fixture.ts';

const REAL_WORKER = new URL('../../../../electron/host/vault-worker.ts', import.meta.url);
const BACKUP_PASS = 'une autre phrase pour la sauvegarde';
const NEW_PASS = 'nouvelle phrase de passe 2026';
let fx: SharingFixture;
const services: VaultService[] = [];
beforeEach(() => {
  fx = sharingFixture();
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.dispose()));
  fx.cleanup();
});

for (const kind of ['local', 'worker'] as const) {
  describe(`VaultService.restoreHere (${kind})`, () => {
    it('verifies, then restores into its own folder and stays unlocked with the custody history', async () => {
      const a = await fx.vault('Alice');
      const seeded = await seedCase(a, fx, 'RH-1', null);
      const before = a.evidence.custody(seeded.photoId);
      const backupPath = path.join(fx.out, 'a.cvx');
      await a.sharing.backup({ outPath: backupPath, backupPassphrase: BACKUP_PASS, passphrase: PASSPHRASE });

      const dir = path.join(fx.root, `app-${kind}`);
      const service =
        kind === 'local'
          ? new LocalVaultService({ dir })
          : new WorkerVaultService({ dir, workerUrl: REAL_WORKER });
      services.push(service);
      const progress: TaskProgress[] = [];
      service.onProgress((p) => progress.push(p));

      await expect(
        service.inspectBackup({ path: backupPath, backupPassphrase: 'pas la bonne' }),
      ).rejects.toMatchObject({ code: 'EXPORT_NOT_FOR_YOU' });
      const inspection = BackupInspection.parse(
        await service.inspectBackup({ path: backupPath, backupPassphrase: BACKUP_PASS }, { taskId: 'v1' }),
      );
      expect(inspection).toMatchObject({ history: true, files: 3, signer: { name: 'Alice' } });
      expect(inspection.signer.fingerprintId).toBe(a.identity.ownPublic().fingerprint.id);
      expect(progress.some((p) => p.taskId === 'v1' && p.done === p.total)).toBe(true);
      expect((await service.status()).state).toBe('none');

      await expect(
        service.restoreHere({
          path: backupPath,
          backupPassphrase: 'pas la bonne',
          newPassphrase: NEW_PASS,
          kdf: 'moderate',
        }),
      ).rejects.toMatchObject({ code: 'EXPORT_NOT_FOR_YOU' });
      expect((await service.status()).state).toBe('none');
      expect(readdirSync(fx.root)).not.toContain(`app-${kind}`);

      const outcome = RestoreOutcome.parse(
        await service.restoreHere(
          { path: backupPath, backupPassphrase: BACKUP_PASS, newPassphrase: NEW_PASS, kdf: 'moderate' },
          { taskId: 'r1' },
        ),
      );
      expect(outcome).toMatchObject({ files: 3, history: { segments: 1 } });
      expect(outcome.recoveryKey).toMatch(/\S/);
      expect(progress.filter((p) => p.taskId === 'r1').at(-1)).toMatchObject({ done: expect.any(Number) });
      expect((await service.status()).state).toBe('unlocked');
      const timeline = (await service.evidence('custody', { id: seeded.photoId })) as CustodyEntry[];
      expect(timeline.slice(0, before.length).map((e) => [e.seq, e.action, e.at])).toEqual(
        before.map((e) => [e.seq, e.action, e.at]),
      );
      expect(timeline.at(-1)?.action).toBe('restore');

      await service.lock();
      await expect(
        service.restoreHere({
          path: backupPath,
          backupPassphrase: BACKUP_PASS,
          newPassphrase: NEW_PASS,
          kdf: 'moderate',
        }),
      ).rejects.toMatchObject({ code: 'VAULT_ALREADY_EXISTS' });
      await service.unlock(NEW_PASS);
      expect((await service.records('verify-audit', {})) as { ok: boolean }).toMatchObject({ ok: true });
    });
  });
}
