/** A vault whose header or database was damaged or altered must be refused with exit 3. */
import { open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonOf, makeTempDir, removeDir, runCli } from './cli-harness.ts';

const PASSPHRASE = 'damage test passphrase';

describe('casevault CLI: damaged or altered vaults', () => {
  let tmp: string;
  let vault: string;
  let header: string;

  beforeEach(async () => {
    tmp = await makeTempDir();
    vault = path.join(tmp, 'vault');
    header = path.join(vault, 'casevault.header');
    expect((await runCli(['init', vault], { stdin: `${PASSPHRASE}\n` })).code).toBe(0);
  });
  afterEach(async () => {
    await removeDir(tmp);
  });

  it('a header that no longer parses: info and check exit 3 (HEADER_DAMAGED)', async () => {
    const text = await readFile(header, 'utf8');
    await writeFile(header, text.replace('"format"', '"formaT"'));
    expect((await runCli(['info', vault])).code).toBe(3);
    const run = await runCli(['check', vault, '--json'], { stdin: `${PASSPHRASE}\n` });
    expect(run.code).toBe(3);
    expect(jsonOf(run)).toMatchObject({ ok: false, error: { code: 'HEADER_DAMAGED' } });
  });

  it('a header edited into another valid one: the MAC catches it, exit 3 (HEADER_ALTERED)', async () => {
    const text = await readFile(header, 'utf8');
    const altered = text.replace(
      /"updatedAt":"(\d{4})/,
      (_whole, year: string) => `"updatedAt":"${Number(year) + 1}`,
    );
    expect(altered).not.toBe(text);
    await writeFile(header, altered);
    expect((await runCli(['info', vault])).code).toBe(0); // parses: only the key can tell
    const run = await runCli(['check', vault, '--json'], { stdin: `${PASSPHRASE}\n` });
    expect(run.code).toBe(3);
    expect(jsonOf(run)).toMatchObject({ ok: false, error: { code: 'HEADER_ALTERED' } });
  });

  it('KDF settings outside the safe range: exit 3 before any key derivation', async () => {
    const text = await readFile(header, 'utf8');
    await writeFile(header, text.replace(/"opslimit":\d+/, '"opslimit":1000'));
    const run = await runCli(['check', vault], { stdin: `${PASSPHRASE}\n` });
    expect(run.code).toBe(3);
  });

  it('database pages overwritten: exit 3', async () => {
    const db = path.join(vault, 'vault.db');
    const handle = await open(db, 'r+');
    try {
      const { size } = await handle.stat();
      // Every page after the first: SQLCipher's per-page HMAC fails on whichever is read.
      await handle.write(Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    } finally {
      await handle.close();
    }
    const run = await runCli(['check', vault], { stdin: `${PASSPHRASE}\n` });
    expect(run.code).toBe(3);
  });
});
