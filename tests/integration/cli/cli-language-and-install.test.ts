import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, runCli } from './cli-harness.ts';

describe('casevault CLI: languages, help, usage', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await makeTempDir();
  });
  afterAll(async () => {
    await removeDir(tmp);
  });

  it('speaks French with --lang fr', async () => {
    const run = await runCli(['info', path.join(tmp, 'none'), '--lang', 'fr']);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('Aucun coffre n’a été trouvé dans ce dossier.');
  });

  it('speaks French when LANG or LC_ALL says so, and --lang wins', async () => {
    const dir = path.join(tmp, 'none');
    expect((await runCli(['info', dir], { env: { LANG: 'fr_FR.UTF-8' } })).stderr).toContain('Aucun coffre');
    expect(
      (await runCli(['info', dir], { env: { LANG: 'en_GB.UTF-8', LC_ALL: 'fr_CA.UTF-8' } })).stderr,
    ).toContain('Aucun coffre');
    expect((await runCli(['info', dir, '--lang=en'], { env: { LANG: 'fr_FR.UTF-8' } })).stderr).toContain(
      'No vault was found',
    );
  });

  it('explains the refusal of a secret argument in French', async () => {
    const run = await runCli(['check', tmp, '--passphrase', 'secret words here', '--lang', 'fr']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('historique du shell');
  });

  it('--help prints usage with exit 0, per command and in French', async () => {
    const general = await runCli(['--help']);
    expect(general.code).toBe(0);
    expect(general.stdout).toContain('casevault <command>');
    const init = await runCli(['init', '--help', '--lang', 'fr']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Crée un coffre');
  });

  it.each([
    [[]],
    [['frobnicate', 'x']],
    [['info']],
    [['info', 'a', 'b']],
    [['info', 'a', '--unknown']],
    [['init', 'a', '--kdf', 'fast']],
    [['check', 'a', '--passphrase-file']],
    [['info', 'a', '--lang', 'de']],
  ])('usage error %j exits 1', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^casevault: /);
  });
});

describe('bin/casevault.mjs', () => {
  it('runs the CLI directly on a Node that strips types', async () => {
    const run = await runCli(['--help'], { shimNodeFlags: [] });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('casevault <command>');
  });

  it("re-execs with the project's Node 24 when type stripping is off, keeping argv and the exit code", async () => {
    const run = await runCli(['info', '/nonexistent/casevault', '--json'], {
      shimNodeFlags: ['--no-experimental-strip-types'],
    });
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'VAULT_NOT_FOUND' } });
  });
});
