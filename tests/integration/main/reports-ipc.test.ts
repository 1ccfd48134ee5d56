/**
 * The reports channels through the real IPC registry and a real vault (LocalVaultService): the
 * contract refuses stray input, a hidden cell never crosses with a value, and "Export CSV" writes
 * the file main-side at the path the save dialog gave, audited; a cancelled dialog writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportsDataGenerator, seedReportsData } from '../../../bench/reports-data.ts';
import { RecordsService } from '../../../electron/core/records/records-service.ts';
import { LocalVaultService } from '../../../electron/core/service/local-vault-service.ts';
import { createVault } from '../../../electron/core/vault/vault.ts';
import { type AppServices, createAppServices } from '../../../electron/main/app-services.ts';
import type { IpcRegistry } from '../../../electron/main/ipc/registry.ts';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../helpers/vault.ts';

let temp: ReturnType<typeof tempDir>;
let service: LocalVaultService;
let registry: IpcRegistry;
let services: AppServices;
let answer: string | undefined;
const saveDialog = vi.fn(async () => answer);
const QUERY = { reportId: 'intake', from: '2025-01-01', to: '2025-12-31' };

beforeAll(async () => {
  temp = tempDir();
  const dir = path.join(temp.dir, 'vault');
  const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
  seedReportsData(new RecordsService(session).context(), new ReportsDataGenerator({ seed: 5 }), 200);
  session.lock();
  service = new LocalVaultService({ dir });
  await service.unlock(PASSPHRASE);
  services = createAppServices({
    vaultDir: dir,
    preferencesFile: path.join(temp.dir, 'preferences.json'),
    service,
    hideWindow: () => {},
    sendEvent: () => {},
    appInfo: () => ({ version: '0', platform: 'linux', systemLanguage: 'fr' }),
    saveDialog,
  });
  registry = services.registry;
});
afterAll(async () => {
  await services.dispose();
  temp.cleanup();
});

describe('reports IPC', () => {
  it('lists the ready-made reports and builds one; hidden cells cross without a value', async () => {
    const list = await registry.invoke('reports:list', {});
    expect(list.ok && (list.value as Array<{ id: string }>).map((r) => r.id)).toEqual([
      'mrm',
      'gbv-psea',
      'intake',
      'defender-threats',
    ]);
    const built = await registry.invoke('reports:build', { ...QUERY, reportId: 'mrm', threshold: 5 });
    expect(built.ok).toBe(true);
    const model = (
      built as { value: { tables: Array<{ cells: Array<Array<{ status: string; value: unknown }>> }> } }
    ).value;
    const cells = model.tables.flatMap((t) => t.cells.flat());
    expect(cells.some((c) => c.status === 'small')).toBe(true);
    for (const c of cells) if (c.status !== 'shown') expect(c.value).toBeNull();
  });

  it('refuses stray fields (no path from the renderer) and a threshold below 3, with codes', async () => {
    expect(await registry.invoke('reports:build', { ...QUERY, out: '/tmp/x.csv' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await registry.invoke('reports:export-csv', { ...QUERY, lang: 'fr', path: '/tmp/x.csv' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await registry.invoke('reports:build', { ...QUERY, threshold: 2 })).toMatchObject({
      ok: false,
      error: { code: 'REPORT_THRESHOLD_INVALID' },
    });
    expect(await registry.invoke('reports:build', { ...QUERY, reportId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'REPORT_UNKNOWN' },
    });
  });

  it('writes the CSV where the save dialog says, in main, and records it in the audit log', async () => {
    const target = path.join(temp.dir, 'rapport.csv');
    answer = target;
    const result = await registry.invoke('reports:export-csv', { ...QUERY, lang: 'fr' });
    expect(result).toEqual({ ok: true, value: { saved: true, fileName: 'rapport.csv' } });
    expect(saveDialog).toHaveBeenLastCalledWith({
      defaultName: 'casevault-intake-2025-01-01-2025-12-31.csv',
      filters: [{ name: 'Tableur CSV', extensions: ['csv'] }],
    });
    const text = readFileSync(target, 'utf8');
    expect(text.startsWith('\uFEFFrapport,du,au,seuil')).toBe(true);
    const audit = (await registry.invoke('records:audit', { limit: 3 })) as {
      ok: true;
      value: Array<{ action: string; detail: string }>;
    };
    expect(audit.value[0]!.action).toBe('report.export');
    expect(JSON.parse(audit.value[0]!.detail)).toMatchObject({ report: 'intake', format: 'csv', via: 'app' });
  });

  it('writes nothing and logs nothing when the dialog is cancelled', async () => {
    answer = undefined;
    const before = (await registry.invoke('records:audit', { limit: 1 })) as {
      value: Array<{ seq: number }>;
    };
    expect(await registry.invoke('reports:export-csv', { ...QUERY, lang: 'en' })).toEqual({
      ok: true,
      value: { saved: false },
    });
    const after = (await registry.invoke('records:audit', { limit: 1 })) as { value: Array<{ seq: number }> };
    expect(after.value[0]!.seq).toBe(before.value[0]!.seq);
    expect(existsSync(path.join(temp.dir, 'casevault-intake-2025-01-01-2025-12-31.csv'))).toBe(false);
  });
});
