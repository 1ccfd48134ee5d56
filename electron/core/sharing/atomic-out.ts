/**
 * An output file written atomically and never over an existing one: bytes go to a temporary name
 * in the same folder (created exclusively, mode 0600), which is fsynced, then hard-linked to the
 * final name (link fails with EEXIST if something is already there: no overwrite, no race) and
 * unlinked; the folder is fsynced. On failure the temporary file is removed. What is written
 * here is ciphertext (a sealed export or backup): never plaintext.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CaseVaultError } from '../../../shared/errors.ts';
import { type ByteSink, fileHandleSink } from '../export/index.ts';
import { ioError } from '../vault/files.ts';

export interface AtomicOut {
  sink: ByteSink;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomicOut(outPath: string): Promise<AtomicOut> {
  const dir = path.dirname(outPath);
  const tmp = path.join(dir, `.${path.basename(outPath)}.${randomBytes(6).toString('hex')}.part`);
  if (
    await fs.lstat(outPath).then(
      () => true,
      () => false,
    )
  )
    throw new CaseVaultError('FILE_EXISTS');
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(tmp, 'wx', 0o600);
  } catch (error) {
    throw ioError(error);
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    sink: fileHandleSink(handle),
    async commit() {
      try {
        await handle.sync();
        await close();
        try {
          await fs.link(tmp, outPath);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CaseVaultError('FILE_EXISTS');
          throw ioError(error);
        }
        await fs.unlink(tmp);
        const dirHandle = await fs.open(dir, 'r');
        try {
          await dirHandle.sync();
        } finally {
          await dirHandle.close();
        }
      } catch (error) {
        await fs.rm(tmp, { force: true }).catch(() => undefined);
        throw error instanceof CaseVaultError ? error : ioError(error);
      }
    },
    async abort() {
      await close().catch(() => undefined);
      await fs.rm(tmp, { force: true }).catch(() => undefined);
    },
  };
}
