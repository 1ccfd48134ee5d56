/**
 * Threat: a path that reaches main from a drop (resolved by the preload) or a dialog is not an
 * ordinary file the user chose: a folder, a missing file, a relative path, a device, a NUL trick.
 * Main checks each one itself; only existing regular files get a token.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkChosenPath, issueTokens } from '../../../../electron/main/files/chosen-files.ts';
import { FileTokenRegistry } from '../../../../electron/main/files/file-tokens.ts';
import { tempDir } from '../../../helpers/vault.ts';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function folder() {
  const temp = tempDir('casevault-chosen-');
  cleanup = temp.cleanup;
  const file = join(temp.dir, 'note.txt');
  writeFileSync(file, 'hello');
  const sub = join(temp.dir, 'Photos');
  mkdirSync(sub);
  return { dir: temp.dir, file, sub };
}

describe('checking chosen paths', () => {
  it('accepts an existing regular file with its base name and size', async () => {
    const { file } = folder();
    expect(await checkChosenPath(file)).toEqual({ file: { path: file, name: 'note.txt', size: 5 } });
  });

  it('refuses a directory', async () => {
    const { sub } = folder();
    expect(await checkChosenPath(sub)).toEqual({ name: 'Photos', reason: 'not-a-file' });
  });

  it('refuses a symlink that leads to a directory', async () => {
    const { dir, sub } = folder();
    const link = join(dir, 'link');
    symlinkSync(sub, link);
    expect(await checkChosenPath(link)).toEqual({ name: 'link', reason: 'not-a-file' });
  });

  it('refuses a missing file', async () => {
    const { dir } = folder();
    expect(await checkChosenPath(join(dir, 'gone.jpg'))).toEqual({ name: 'gone.jpg', reason: 'missing' });
  });

  it.each([
    ['a relative path', 'note.txt'],
    ['an empty path', ''],
    ['a NUL byte', '/tmp/x\0.txt'],
    ['an over-long path', `/${'a'.repeat(5000)}`],
  ])('refuses %s', async (_what, path) => {
    expect(await checkChosenPath(path)).toMatchObject({ reason: 'missing' });
  });

  it('refuses a device and a FIFO (not regular files)', async () => {
    expect(await checkChosenPath('/dev/null')).toEqual({ name: 'null', reason: 'not-a-file' });
    const { dir } = folder();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(await checkChosenPath(fifo)).toEqual({ name: 'pipe', reason: 'not-a-file' });
  });

  it('issues tokens only for the regular files of a mixed drop, and reports the rest by name', async () => {
    const { file, sub, dir } = folder();
    const registry = new FileTokenRegistry();
    const result = await issueTokens(registry, [file, sub, join(dir, 'gone')]);
    expect(result.files).toEqual([
      { token: expect.stringMatching(/^[0-9a-f]{64}$/), name: 'note.txt', size: 5 },
    ]);
    expect(result.refused).toEqual([
      { name: 'Photos', reason: 'not-a-file' },
      { name: 'gone', reason: 'missing' },
    ]);
    expect(JSON.stringify(result)).not.toContain(dir);
    expect(registry.take([result.files[0]!.token])).toEqual([{ path: file, name: 'note.txt', size: 5 }]);
  });
});
