import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KdfParams } from '../../electron/core/crypto/kdf.ts';

/** The cheapest Argon2id the bounds allow: tests that are not about the KDF cost use it. */
export const FAST_KDF: KdfParams = { opslimit: 2, memlimit: 64 * 1024 * 1024 };
export const PASSPHRASE = 'rivière-sous-la-pluie 2026';

export function tempDir(prefix = 'casevault-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Name → sha256 and size of every file in a folder: "nothing written" means this is unchanged. */
export function snapshotFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const st = statSync(file);
    if (!st.isFile()) continue;
    out[name] = `${createHash('sha256').update(readFileSync(file)).digest('hex')}:${st.size}:${st.mtimeMs}`;
  }
  return out;
}

export function allFileBytes(dir: string): Array<{ name: string; bytes: Buffer }> {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
}
