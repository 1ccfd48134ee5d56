/**
 * Turns paths that came from the user's own gesture (the OS open dialog, or files dropped on the
 * window and resolved by the preload with webUtils.getPathForFile) into tokens. Each path is
 * checked here, in main, whatever the preload said: absolute, no NUL, and an existing REGULAR
 * file (a folder, a device, a FIFO or a missing path is refused and reported by base name).
 * MUST NOT import electron.
 */
import { stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import type { ChosenFile, FileTokenRegistry } from './file-tokens.ts';

export type RefusedReason = 'not-a-file' | 'missing';

export interface IssuedFile {
  token: string;
  name: string;
  size: number;
}

export interface IssueResult {
  files: IssuedFile[];
  refused: Array<{ name: string; reason: RefusedReason }>;
}

export const MAX_PATH_LENGTH = 4096;

/** Checks one path; `undefined` with a reason when it is not an existing regular file. */
export async function checkChosenPath(
  path: string,
): Promise<{ file: ChosenFile } | { name: string; reason: RefusedReason }> {
  const name = displayName(path);
  if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH_LENGTH) {
    return { name, reason: 'missing' };
  }
  if (path.includes('\0') || !isAbsolute(path)) return { name, reason: 'missing' };
  try {
    // stat follows a symlink the user dropped: what counts is what would be read.
    const info = await stat(path);
    if (!info.isFile()) return { name, reason: 'not-a-file' };
    return { file: { path, name, size: info.size } };
  } catch {
    return { name, reason: 'missing' };
  }
}

export async function issueTokens(
  registry: FileTokenRegistry,
  paths: readonly string[],
): Promise<IssueResult> {
  const result: IssueResult = { files: [], refused: [] };
  for (const path of paths) {
    const checked = await checkChosenPath(path);
    if ('file' in checked) {
      const { name, size } = checked.file;
      result.files.push({ token: registry.issue(checked.file), name, size });
    } else {
      result.refused.push(checked);
    }
  }
  return result;
}

/** The base name, bounded, for messages; never the folder part. */
function displayName(path: unknown): string {
  if (typeof path !== 'string') return '?';
  const name = basename(path.replace(/\0/g, '')) || '?';
  return name.slice(0, 255);
}
