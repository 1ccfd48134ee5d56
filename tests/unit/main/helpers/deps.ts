import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { EvidenceTasks } from '../../../../electron/main/evidence-tasks.ts';
import { FileTokenRegistry } from '../../../../electron/main/files/file-tokens.ts';
import type { IpcDeps } from '../../../../electron/main/ipc/registry.ts';
import { PreferencesStore } from '../../../../electron/main/preferences.ts';
import { FakeVaultService } from './fake-vault-service.ts';

export function makeDeps(overrides: Partial<IpcDeps> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'casevault-main-'));
  const service = new FakeVaultService();
  const progress = vi.fn();
  const deps = {
    service,
    preferences: new PreferencesStore({
      file: join(dir, 'preferences.json'),
      defaults: { language: 'en', autoLockMinutes: 5 },
    }),
    appInfo: () => ({ version: '0.1.0', platform: 'linux', systemLanguage: 'en' as const }),
    panic: vi.fn(async () => {}),
    activity: vi.fn(),
    openDialog: vi.fn(async (_options: { multiple: boolean }) => [] as string[]),
    saveDialog: vi.fn(async (_options: { defaultName: string }) => undefined as string | undefined),
    fileTokens: new FileTokenRegistry(),
    tasks: new EvidenceTasks(service, progress),
    ...overrides,
  } satisfies IpcDeps;
  return { deps, service, dir, progress };
}
