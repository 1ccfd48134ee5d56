/**
 * Threats: a passphrase leaking through the shell history or the process list (argv), through the
 * CLI's own output, or a wrong passphrase leaving a trace in the vault folder.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, makeTempDir, removeDir, runCli, snapshot, writeSecret } from './cli-harness.ts';

const PASSPHRASE = 'a passphrase that must not leak';

describe('casevault CLI: secrets never on the command line, never in the output', () => {
  let tmp: string;
  let vault: string;

  beforeAll(async () => {
    tmp = await makeTempDir();
    vault = path.join(tmp, 'vault');
    const run = await runCli(['init', vault], { stdin: `${PASSPHRASE}\n` });
    expect(run.code).toBe(0);
  });
  afterAll(async () => {
    await removeDir(tmp);
  });

  it.each([
    ['check', '--passphrase', PASSPHRASE],
    ['check', `--passphrase=${PASSPHRASE}`],
    ['passwd', '--new-passphrase', PASSPHRASE],
    ['recover', '--recovery-key', 'AAAA-BBBB'],
    ['init', '--password', PASSPHRASE],
    ['check', '-p', PASSPHRASE],
  ])(
    'refuses %s %s as an argument with exit 1, explains why, and does not echo the value',
    async (command, ...rest) => {
      const run = await runCli([command, vault, ...rest]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('shell history');
      expect(run.stderr).not.toContain(PASSPHRASE);
      expect(run.stdout).toBe('');
    },
  );

  it('refuses a secret argument in --json mode too, with INVALID_INPUT', async () => {
    const run = await runCli(['check', vault, '--json', `--passphrase=${PASSPHRASE}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain(PASSPHRASE);
    expect(jsonOf(run)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('a wrong passphrase exits 2 and writes nothing in the vault folder (hashes and mtimes)', async () => {
    const before = await snapshot(vault);
    const run = await runCli(['check', vault], { stdin: 'not the right passphrase\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Wrong passphrase');
    expect(await snapshot(vault)).toEqual(before);

    const viaPasswd = await runCli(['passwd', vault], {
      stdin: 'not the right passphrase\nanother new passphrase\n',
    });
    expect(viaPasswd.code).toBe(2);
    expect(await snapshot(vault)).toEqual(before);
  });

  it('never prints the passphrase, whichever way it came in', async () => {
    const file = await writeSecret(tmp, 'pass', PASSPHRASE);
    for (const args of [
      ['check', vault, '--passphrase-file', file],
      ['check', vault, '--json', '--passphrase-file', file],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(PASSPHRASE);
    }
  });

  it('an unreadable passphrase file or an empty stdin is bad input (exit 1), not a wrong passphrase', async () => {
    const missing = await runCli(['check', vault, '--passphrase-file', path.join(tmp, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--passphrase-file');
    expect((await runCli(['check', vault], { stdin: '' })).code).toBe(1);
    expect((await runCli(['check', vault], { stdin: '\n' })).code).toBe(1);
  });

  it('takes the first line of the file only, keeping inner spaces, dropping \\r\\n', async () => {
    const file = path.join(tmp, 'crlf');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, `${PASSPHRASE}\r\nsecond line\n`));
    expect((await runCli(['check', vault, '--passphrase-file', file])).code).toBe(0);
  });
});
