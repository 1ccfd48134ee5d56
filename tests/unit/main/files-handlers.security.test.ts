/**
 * Threat: the renderer gets main to read a file it named. `files:pick` takes no path (main opens
 * the dialog), `files:dropped` checks every path itself, and both return tokens, not paths.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIpcRegistry } from '../../../electron/main/ipc/registry.ts';
import { makeDeps } from './helpers/deps.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function files() {
  const { deps, dir } = makeDeps();
  made.push(dir);
  const note = join(dir, 'note.txt');
  writeFileSync(note, 'hello');
  mkdirSync(join(dir, 'folder'));
  return { deps, dir, note };
}

describe('files:pick', () => {
  it('opens main’s dialog and returns tokens, names and sizes, never the path', async () => {
    const { deps, dir, note } = files();
    deps.openDialog = vi.fn(async () => [note]);
    const result = await createIpcRegistry(deps).invoke('files:pick', { multiple: true });
    expect(deps.openDialog).toHaveBeenCalledWith({ multiple: true });
    expect(result).toEqual({
      ok: true,
      value: {
        files: [{ token: expect.stringMatching(/^[0-9a-f]{64}$/), name: 'note.txt', size: 5 }],
        refused: [],
      },
    });
    expect(JSON.stringify(result)).not.toContain(dir);
  });

  it('returns nothing when the user cancels', async () => {
    const { deps } = files();
    expect(await createIpcRegistry(deps).invoke('files:pick', {})).toEqual({
      ok: true,
      value: { files: [], refused: [] },
    });
  });

  it('refuses a path in the input', async () => {
    const { deps, note } = files();
    const result = await createIpcRegistry(deps).invoke('files:pick', { multiple: true, path: note });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: 'input' } });
    expect(deps.openDialog).not.toHaveBeenCalled();
  });
});

describe('files:dropped', () => {
  it('issues a token for a regular file and refuses a directory and a missing file', async () => {
    const { deps, dir, note } = files();
    const result = await createIpcRegistry(deps).invoke('files:dropped', {
      paths: [note, join(dir, 'folder'), join(dir, 'missing.jpg')],
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        files: [{ name: 'note.txt', size: 5 }],
        refused: [
          { name: 'folder', reason: 'not-a-file' },
          { name: 'missing.jpg', reason: 'missing' },
        ],
      },
    });
  });

  it.each([
    [{ paths: [] }, 'input.paths'],
    [{ paths: Array.from({ length: 101 }, () => '/tmp/x') }, 'input.paths'],
    [{ paths: [42] }, 'input.paths.0'],
  ])('refuses %j before touching the disk', async (input, detail) => {
    const { deps } = files();
    expect(await createIpcRegistry(deps).invoke('files:dropped', input)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', detail },
    });
    expect(deps.fileTokens.size).toBe(0);
  });
});
