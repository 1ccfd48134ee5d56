/**
 * Where blobs live and how their files are made durable. Blobs sit in `<vault>/evidence/` under a
 * random 32-hex-digit name with no extension; an intake writes `<name>.part` first (same folder,
 * same filesystem), fsyncs it, renames it, then fsyncs the folder, and only then commits the row.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ioError } from '../vault/files.ts';

export const EVIDENCE_DIR = 'evidence';
export const PART_SUFFIX = '.part';
const BLOB_NAME = /^[0-9a-f]{32}$/;

export function evidenceDir(vaultDir: string): string {
  return path.join(vaultDir, EVIDENCE_DIR);
}

export function blobPath(vaultDir: string, name: string): string {
  if (!BLOB_NAME.test(name)) throw new Error('bad blob name');
  return path.join(evidenceDir(vaultDir), name);
}

export function newBlobName(): string {
  return randomBytes(16).toString('hex');
}

export async function ensureEvidenceDir(vaultDir: string): Promise<string> {
  const dir = evidenceDir(vaultDir);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw ioError(error);
  }
  return dir;
}

export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Every file in the evidence folder (blobs, leftover `.part` files, strays); [] when there is no folder. */
export async function listEvidenceFiles(vaultDir: string): Promise<string[]> {
  try {
    return (await fs.readdir(evidenceDir(vaultDir))).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw ioError(error);
  }
}
