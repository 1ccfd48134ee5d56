/**
 * Evidence through the async VaultService: LocalVaultService in this thread and WorkerVaultService
 * with the real vault worker (progress messages, cancel, lock aborting an intake, errors by code).
 */
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalVaultService } from '../../../../electron/core/service/local-vault-service.ts';
import type { VaultService } from '../../../../electron/core/service/types.ts';
import { WorkerVaultService } from '../../../../electron/host/worker-vault-service.ts';
import type { TaskProgress } from '../../../../shared/evidence/schemas.ts';
import { PASSPHRASE } from '../../../helpers/vault.ts';
import { patternBytes } from './fixture.ts';

const REAL_WORKER = new URL('../../../../electron/host/vault-worker.ts', import.meta.url);
const open: VaultService[] = [];
const roots: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function setup(kind: 'local' | 'worker') {
  const root = mkdtempSync(path.join(tmpdir(), 'casevault-evsvc-'));
  roots.push(root);
  const dir = path.join(root, 'vault');
  const service: VaultService =
    kind === 'local'
      ? new LocalVaultService({ dir })
      : new WorkerVaultService({ dir, workerUrl: REAL_WORKER });
  open.push(service);
  const file = (name: string, bytes: Uint8Array) => {
    const at = path.join(root, name);
    writeFileSync(at, bytes);
    return at;
  };
  const blobs = () => {
    try {
      return readdirSync(path.join(dir, 'evidence'));
    } catch {
      return [];
    }
  };
  return { service, file, blobs };
}

async function withCase(service: VaultService): Promise<string> {
  await service.create(PASSPHRASE, 'moderate');
  const kase = (await service.records('create', {
    entity: 'case',
    data: { code: 'SVC-1', kind: 'other', title: 't', openedOn: '2026-03-01' },
  })) as { id: string };
  return kase.id;
}

for (const kind of ['local', 'worker'] as const) {
  describe(`evidence through ${kind} VaultService`, () => {
    it('adds with progress, reads a range, lists, refuses bad input by code', async () => {
      const { service, file } = setup(kind);
      const caseId = await withCase(service);
      const progress: TaskProgress[] = [];
      service.onProgress((p) => progress.push(p));
      const bytes = patternBytes(9_000_000, 5);
      const item = (await service.evidence(
        'add',
        { caseId, path: file('a.bin', bytes) },
        { taskId: 't1' },
      )) as {
        id: string;
        size: number;
      };
      expect(item.size).toBe(bytes.length);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)).toMatchObject({
        taskId: 't1',
        done: bytes.length,
        total: bytes.length,
        item: expect.any(String),
      });
      const range = (await service.evidence('read-range', {
        id: item.id,
        start: 1_048_570,
        end: 1_048_590,
      })) as {
        bytes: Uint8Array;
      };
      expect([...range.bytes]).toEqual([...bytes.subarray(1_048_570, 1_048_590)]);
      const list = (await service.evidence('list', { caseId })) as { total: number };
      expect(list.total).toBe(1);
      await expect(service.evidence('nope', {})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(
        service.evidence('read-range', { id: item.id, start: 0, end: 10 ** 9 }),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
      await expect(
        service.evidence('get', { id: '00000000-0000-4000-8000-000000000000' }),
      ).rejects.toMatchObject({
        code: 'EVIDENCE_NOT_FOUND',
      });
      // Redaction runs sharp (libvips) in this thread or in the vault worker.
      const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#884422' } })
        .jpeg()
        .withExif({ IFD0: { Make: 'Acme' } })
        .toBuffer();
      const original = (await service.evidence('add', { caseId, path: file('p.jpg', photo) })) as {
        id: string;
      };
      const copy = (await service.evidence('redact', {
        id: original.id,
        regions: [{ x: 0, y: 0, w: 0.5, h: 1 }],
      })) as {
        redactedOf: string;
        detectedType: { mime: string };
      };
      expect(copy).toMatchObject({ redactedOf: original.id, detectedType: { mime: 'image/jpeg' } });
      await service.evidence('view-start', { id: item.id });
      await service.evidence('read-range', { id: item.id, start: 0, end: 100 });
      await service.lock();
      await expect(service.evidence('list', {})).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
      await expect(service.evidence('read-range', { id: item.id, start: 0, end: 100 })).rejects.toMatchObject(
        {
          code: 'VAULT_LOCKED',
        },
      );
      // No descriptor of this process is left open on a blob once locked (Linux /proc).
      if (existsSync('/proc/self/fd')) {
        const open = readdirSync('/proc/self/fd')
          .map((fd) => {
            try {
              return readlinkSync(`/proc/self/fd/${fd}`);
            } catch {
              return '';
            }
          })
          .filter((target) => target.includes(`${path.sep}evidence${path.sep}`));
        expect(open).toEqual([]);
      }
    });

    it('cancel stops an intake and leaves no file; lock aborts a running intake', async () => {
      const { service, file, blobs } = setup(kind);
      const caseId = await withCase(service);
      const big = file('big.bin', patternBytes(60_000_000, 9));
      let cancelled = false;
      service.onProgress((p) => {
        if (p.taskId === 'c1' && p.done > 2_000_000 && !cancelled) {
          cancelled = true;
          void service.cancel('c1');
        }
      });
      await expect(service.evidence('add', { caseId, path: big }, { taskId: 'c1' })).rejects.toMatchObject({
        code: 'TASK_CANCELLED',
      });
      expect(blobs()).toEqual([]);
      const running = service.evidence('add', { caseId, path: big }, { taskId: 'c2' });
      const settled = running.then(
        () => 'done',
        (error: { code?: string }) => error.code,
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
      await service.lock();
      expect(['TASK_CANCELLED', 'done']).toContain(await settled);
      await service.unlock(PASSPHRASE);
      const list = (await service.evidence('check', { repair: false })) as {
        orphans: string[];
        items: number;
      };
      expect(list.orphans).toEqual([]);
      expect(blobs().length).toBe(list.items);
    });
  });
}
