/**
 * Runs the real CLI in a child process on the Node running the tests (Node 24, type stripping), in
 * a clean locale, with the test-only minimum Argon2id cost so each unlock takes ~0.2 s.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI_ENTRY = path.join(ROOT, 'electron/cli/main.ts');
export const BIN_SHIM = path.join(ROOT, 'bin/casevault.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string>;
  /** Runs bin/casevault.mjs with these Node flags instead of electron/cli/main.ts. */
  shimNodeFlags?: string[];
}

export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CASEVAULT_TEST_KDF: 'minimum',
    LANG: 'C.UTF-8',
    ...options.env,
  };
  for (const name of ['LC_ALL', 'LC_MESSAGES'] as const) if (!options.env?.[name]) delete env[name];
  const nodeArgs = options.shimNodeFlags ? [...options.shimNodeFlags, BIN_SHIM] : [CLI_ENTRY];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, ...args], { env, cwd: ROOT, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Parses the single JSON document a --json run prints on stdout. */
export function jsonOf(run: CliRun): Record<string, unknown> & { ok: boolean } {
  const lines = run.stdout.trim().split('\n');
  if (lines.length !== 1) throw new Error(`expected one JSON line, got ${lines.length}: ${run.stdout}`);
  return JSON.parse(lines[0]!) as Record<string, unknown> & { ok: boolean };
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'casevault-cli-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function writeSecret(dir: string, name: string, secret: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return file;
}

/** Name → sha256, size and mtime of every file in a folder: equal snapshots mean nothing was written. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const file = path.join(dir, name);
    const info = await stat(file);
    const hash = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    out[name] = `${hash} ${info.size} ${info.mtimeMs}`;
  }
  return out;
}

export const RECOVERY_KEY_PATTERN = /\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5,}\b/;
