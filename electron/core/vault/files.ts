/**
 * Where a vault's files live inside its folder, and how the header is written: temp file in the
 * same folder, fsync, rename over the old one, fsync the folder. A crash leaves either the old or
 * the new header, never a torn one. The temp file holds only header bytes (no vault content).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CaseVaultError } from '../../../shared/errors.ts';

export const HEADER_FILE = 'casevault.header';
export const DATABASE_FILE = 'vault.db';
export const DATABASE_SIDE_FILES = ['vault.db-wal', 'vault.db-shm', 'vault.db-journal'] as const;

export function vaultPaths(dir: string) {
  return {
    dir,
    header: path.join(dir, HEADER_FILE),
    database: path.join(dir, DATABASE_FILE),
    sideFiles: DATABASE_SIDE_FILES.map((name) => path.join(dir, name)),
  };
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw ioError(error);
  }
}

/** Maps a filesystem error to IO_ERROR with only its errno code as detail (paths may be sensitive). */
export function ioError(error: unknown): CaseVaultError {
  if (error instanceof CaseVaultError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  return new CaseVaultError('IO_ERROR', typeof code === 'string' ? code : undefined);
}

async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is durable enough there.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
    await fsyncDir(dir);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw ioError(error);
  }
}

/**
 * Overwrites a file in place with random bytes of the same length and syncs it, then unlinks it.
 * On an SSD or a copy-on-write filesystem the old blocks may survive; docs/threat-model.md says so.
 */
export async function shredFile(file: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof fs.open>> | undefined;
  try {
    handle = await fs.open(file, 'r+');
    const { size } = await handle.stat();
    const chunk = 1 << 20;
    for (let offset = 0; offset < size; offset += chunk) {
      const length = Math.min(chunk, size - offset);
      await handle.write(randomBytes(length), 0, length, offset);
    }
    await handle.sync();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw ioError(error);
  } finally {
    await handle?.close();
  }
  await fs.rm(file, { force: true });
}
