/** A real encrypted vault seeded with generated report data (bench/reports-data.ts). */
import path from 'node:path';
import {
  ReportsDataGenerator,
  type ReportsDataOptions,
  seedReportsData,
} from '../../../../bench/reports-data.ts';
import { RecordsService } from '../../../../electron/core/records/records-service.ts';
import type { VaultSession } from '../../../../electron/core/vault/session.ts';
import { createVault } from '../../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../../helpers/vault.ts';

export interface ReportsFixture {
  dir: string;
  session: VaultSession;
  records: RecordsService;
  cleanup(): void;
}

export const TODAY = '2026-01-15';

export async function openReportsFixture(
  cases: number,
  options: ReportsDataOptions = {},
): Promise<ReportsFixture> {
  const temp = tempDir();
  const dir = path.join(temp.dir, 'vault');
  const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
  const records = new RecordsService(session, { now: () => new Date('2026-01-15T10:00:00Z') });
  seedReportsData(records.context(), new ReportsDataGenerator(options), cases);
  return {
    dir,
    session,
    records,
    cleanup() {
      if (!session.locked) session.lock();
      temp.cleanup();
    },
  };
}
