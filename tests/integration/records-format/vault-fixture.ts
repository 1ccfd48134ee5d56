import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RecordsService } from '../../../electron/core/records/records-service.ts';
import type { VaultSession } from '../../../electron/core/vault/session.ts';
import { createVault } from '../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../helpers/vault.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXAMPLE_PATH = path.join(ROOT, 'resources/examples/records-example.json');
export const exampleText = () => readFileSync(EXAMPLE_PATH, 'utf8');

export interface FormatVault {
  dir: string;
  session: VaultSession;
  records: RecordsService;
  auditCount(): number;
  cleanup(): void;
}

let clock = Date.parse('2026-02-10T09:00:00.000Z');
export const tick = () => {
  clock += 1000;
  return new Date(clock);
};

export async function openFormatVault(): Promise<FormatVault> {
  const temp = tempDir('casevault-format-');
  const dir = path.join(temp.dir, 'vault');
  const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
  return {
    dir,
    session,
    records: new RecordsService(session, { now: tick, newId: randomUUID }),
    auditCount: () => session.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
    cleanup() {
      if (!session.locked) session.lock();
      temp.cleanup();
    },
  };
}
