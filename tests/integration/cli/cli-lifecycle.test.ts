import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryKey, generateRecoveryKey } from '../../../electron/core/crypto/recovery-key.ts';
import { loadSodium } from '../../../electron/core/crypto/sodium.ts';
import {
  jsonOf,
  makeTempDir,
  RECOVERY_KEY_PATTERN,
  removeDir,
  runCli,
  snapshot,
  writeSecret,
} from './cli-harness.ts';

const FIRST = 'first passphrase for tests';
const SECOND = 'second passphrase for tests';
const THIRD = 'third passphrase, after recovery';

describe('casevault CLI: a vault from init to erase', () => {
  let tmp: string;
  let vault: string;
  let recoveryKey: string;

  beforeAll(async () => {
    tmp = await makeTempDir();
    vault = path.join(tmp, 'vault');
  });
  afterAll(async () => {
    await removeDir(tmp);
  });

  it('init creates the files and prints the recovery key once, with the warning in both languages', async () => {
    const run = await runCli(['init', vault], { stdin: `${FIRST}\n` });
    expect(run.code).toBe(0);
    const match = run.stdout.match(RECOVERY_KEY_PATTERN);
    expect(match).not.toBeNull();
    recoveryKey = match![0];
    expect(run.stdout).toContain('Write this recovery key down on paper');
    expect(run.stdout).toContain('Notez cette clé de récupération sur papier');
    expect(run.stdout).not.toContain(FIRST);
    expect(existsSync(path.join(vault, 'casevault.header'))).toBe(true);
    expect(existsSync(path.join(vault, 'vault.db'))).toBe(true);
  });

  it('init refuses a folder that already holds a vault (exit 4) and leaves it alone', async () => {
    const before = await snapshot(vault);
    const run = await runCli(['init', vault], { stdin: `${SECOND}\n` });
    expect(run.code).toBe(4);
    expect(await snapshot(vault)).toEqual(before);
  });

  it('info reads the header without any key', async () => {
    const run = await runCli(['info', vault]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/[0-9a-f]{32}/);
    expect(run.stdout).toContain('argon2id13');
  });

  it('check unlocks and finds the vault intact', async () => {
    const run = await runCli(['check', vault], { stdin: `${FIRST}\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The vault is intact');
  });

  it('passwd: the old passphrase is refused afterwards, the new one works', async () => {
    const next = await writeSecret(tmp, 'next', SECOND);
    const current = await writeSecret(tmp, 'current', FIRST);
    const run = await runCli(['passwd', vault, '--passphrase-file', current, '--new-passphrase-file', next]);
    expect(run.code).toBe(0);
    expect((await runCli(['check', vault], { stdin: `${FIRST}\n` })).code).toBe(2);
    expect((await runCli(['check', vault], { stdin: `${SECOND}\n` })).code).toBe(0);
  });

  it('passwd refuses a too-short new passphrase (exit 1) and keeps the current one', async () => {
    const run = await runCli(['passwd', vault], { stdin: `${SECOND}\nshort\n` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('12');
    expect((await runCli(['check', vault], { stdin: `${SECOND}\n` })).code).toBe(0);
  });

  it('recover sets a new passphrase from the recovery key file; the key keeps working', async () => {
    const keyFile = await writeSecret(tmp, 'recovery', recoveryKey);
    const next = await writeSecret(tmp, 'third', THIRD);
    const run = await runCli([
      'recover',
      vault,
      '--recovery-key-file',
      keyFile,
      '--new-passphrase-file',
      next,
    ]);
    expect(run.code).toBe(0);
    expect((await runCli(['check', vault], { stdin: `${SECOND}\n` })).code).toBe(2);
    expect((await runCli(['check', vault], { stdin: `${THIRD}\n` })).code).toBe(0);
  });

  it('recover: a mistyped recovery key is bad input (exit 1), a well-formed one of no use is wrong (exit 2)', async () => {
    const mistyped = recoveryKey.replace(/^..../, (group) => (group === 'AAAA' ? 'BBBB' : 'AAAA'));
    expect((await runCli(['recover', vault], { stdin: `${mistyped}\n${FIRST}\n` })).code).toBe(1);
    const sodium = await loadSodium();
    const other = formatRecoveryKey(sodium, generateRecoveryKey(sodium));
    const before = await snapshot(vault);
    expect((await runCli(['recover', vault], { stdin: `${other}\n${FIRST}\n` })).code).toBe(2);
    expect(await snapshot(vault)).toEqual(before);
  });

  it('erase refuses without --yes and changes nothing', async () => {
    const before = await snapshot(vault);
    const run = await runCli(['erase', vault]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--yes');
    expect(await snapshot(vault)).toEqual(before);
  });

  it('erase --yes destroys the vault: check and info then exit 4', async () => {
    expect((await runCli(['erase', vault, '--yes'])).code).toBe(0);
    expect(existsSync(path.join(vault, 'casevault.header'))).toBe(false);
    expect((await runCli(['check', vault], { stdin: `${THIRD}\n` })).code).toBe(4);
    expect((await runCli(['info', vault])).code).toBe(4);
    const keyFile = await writeSecret(tmp, 'recovery2', recoveryKey);
    expect(
      (await runCli(['recover', vault, '--recovery-key-file', keyFile], { stdin: `${THIRD}\n` })).code,
    ).toBe(4);
  });
});

describe('casevault CLI: --json on every command', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await makeTempDir();
  });
  afterAll(async () => {
    await removeDir(tmp);
  });

  it('each command prints exactly one parseable JSON document, errors included', async () => {
    const vault = path.join(tmp, 'vault');
    const init = jsonOf(await runCli(['init', vault, '--json'], { stdin: `${FIRST}\n` }));
    expect(init).toMatchObject({ ok: true, command: 'init', kdf: 'moderate' });
    expect(init.recoveryKey).toMatch(RECOVERY_KEY_PATTERN);

    const info = jsonOf(await runCli(['info', vault, '--json']));
    expect(info).toMatchObject({ ok: true, command: 'info', info: { formatVersion: 1 } });
    expect((info.info as { keyslots: unknown[] }).keyslots).toHaveLength(2);

    const check = jsonOf(await runCli(['check', vault, '--json'], { stdin: `${FIRST}\n` }));
    expect(check).toMatchObject({
      ok: true,
      command: 'check',
      report: { ok: true, header: 'ok', integrity: ['ok'] },
    });

    const passwd = jsonOf(await runCli(['passwd', vault, '--json'], { stdin: `${FIRST}\n${SECOND}\n` }));
    expect(passwd).toMatchObject({ ok: true, command: 'passwd' });

    const keyFile = await writeSecret(tmp, 'key', String(init.recoveryKey));
    const recover = jsonOf(
      await runCli(['recover', vault, '--json', '--recovery-key-file', keyFile], { stdin: `${THIRD}\n` }),
    );
    expect(recover).toMatchObject({ ok: true, command: 'recover' });

    const wrong = await runCli(['check', vault, '--json'], { stdin: `${FIRST}\n` });
    expect(wrong.code).toBe(2);
    expect(jsonOf(wrong)).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase. Nothing was changed.' },
    });

    const refused = await runCli(['erase', vault, '--json']);
    expect(refused.code).toBe(1);
    expect(jsonOf(refused)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const erase = jsonOf(await runCli(['erase', vault, '--json', '--yes']));
    expect(erase).toMatchObject({ ok: true, command: 'erase' });

    const gone = await runCli(['info', vault, '--json']);
    expect(gone.code).toBe(4);
    expect(jsonOf(gone)).toMatchObject({ ok: false, error: { code: 'VAULT_NOT_FOUND' } });
  });
});
