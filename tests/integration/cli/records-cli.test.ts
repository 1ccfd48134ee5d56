/**
 * The records commands through the real CLI: import the example, then list, show, search, audit
 * and export-json; a bad import writes nothing; an audit row edited in the database is caught by
 * `audit` and `check` (exit 3, naming the entry).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passphraseBytes } from '../../../electron/core/crypto/kdf.ts';
import { loadSodium } from '../../../electron/core/crypto/sodium.ts';
import { deriveSubkey } from '../../../electron/core/crypto/subkeys.ts';
import { closeDatabase, openEncryptedDatabase } from '../../../electron/core/db/open.ts';
import { openKeyslot } from '../../../electron/core/vault/keyslots.ts';
import { readHeaderFile } from '../../../electron/core/vault/vault.ts';
import { jsonOf, makeTempDir, ROOT, removeDir, runCli, snapshot, writeSecret } from './cli-harness.ts';

const PASSPHRASE = 'records passphrase for cli tests';
const EXAMPLE = path.join(ROOT, 'resources/examples/records-example.json');

let tmp: string;
let vault: string;
let pw: string;
const run = (args: string[]) => runCli([...args, '--passphrase-file', pw]);

beforeAll(async () => {
  tmp = await makeTempDir();
  vault = path.join(tmp, 'vault');
  pw = await writeSecret(tmp, 'pw', PASSPHRASE);
  expect((await runCli(['init', vault, '--passphrase-file', pw])).code).toBe(0);
});
afterAll(async () => {
  await removeDir(tmp);
});

describe('casevault records commands', () => {
  it('a bad import exits 1 naming line and field, and writes nothing', async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    doc.incidents[3].occurredOn = '2025-13-01';
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify(doc, null, 2));
    const before = await snapshot(vault);
    const result = await run(['import', vault, bad, '--json']);
    expect(result.code).toBe(1);
    const out = jsonOf(result) as unknown as { error: { code: string; message: string } };
    expect(out.error.code).toBe('IMPORT_INVALID');
    expect(out.error.message).toMatch(/line \d+, incidents\[3\]\.occurredOn: not a real date/);
    expect(await snapshot(vault)).toEqual(before);
  });

  it('imports the example', async () => {
    const result = await run(['import', vault, EXAMPLE, '--json']);
    expect(result.code).toBe(0);
    expect(jsonOf(result)).toMatchObject({ ok: true, format: 'json', counts: { cases: 4, referrals: 2 } });
  });

  it('imports a CSV by extension', async () => {
    const csv = path.join(tmp, 'cases.csv');
    writeFileSync(
      csv,
      '\uFEFFcode;type;date_ouverture;titre\r\nCP-2026-001;Protection de l’enfance;05/01/2026;Suivi 116\r\n',
    );
    const result = await run(['import', vault, csv, '--json']);
    expect(result.code).toBe(0);
    expect(jsonOf(result)).toMatchObject({ format: 'csv', delimiter: ';', counts: { cases: 1 } });
  });

  it('lists cases with filters', async () => {
    const all = jsonOf(await run(['list', vault, '--json'])) as unknown as { total: number };
    expect(all.total).toBe(5);
    const psea = jsonOf(await run(['list', vault, '--kind', 'psea-complaint', '--json'])) as unknown as {
      cases: Array<{ code: string }>;
    };
    expect(psea.cases.map((c) => c.code)).toEqual(['PSEA-BF-2025-003']);
    const bad = await run(['list', vault, '--status', 'archived']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--status');
  });

  it('shows a case by aliases only, with the risk trend and overdue measures first', async () => {
    const result = await run(['show', vault, 'DEF-SN-2025-014', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Colibri');
    expect(result.stdout).toContain('trend: rising');
    expect(result.stdout).toContain('Si je suis convoquée ou arrêtée par la police');
    expect(result.stdout).not.toContain('Personne Fictive Exemple');
    const json = jsonOf(await run(['show', vault, 'PSEA-BF-2025-003', '--json'])) as Record<string, unknown>;
    expect(JSON.stringify(json)).not.toContain('realName');
    expect((json.referrals as unknown[]).length).toBe(2);
    const missing = await run(['show', vault, 'NOPE-1']);
    expect(missing.code).toBe(4);
  });

  it('searches', async () => {
    const hits = jsonOf(await run(['search', vault, 'classrooms', '--json'])) as unknown as {
      hits: Array<{ entity: string; caseCode: string }>;
    };
    expect(hits.hits[0]).toMatchObject({ entity: 'incident', caseCode: 'MRM-BF-2025-021' });
    const scoped = jsonOf(
      await run(['search', vault, 'Colibri', '--kind', 'person', '--json']),
    ) as unknown as {
      hits: Array<{ entity: string }>;
    };
    expect(scoped.hits.every((h) => h.entity === 'person')).toBe(true);
  });

  it('export-json: warns in both languages, pipes without --yes, refuses --out without --yes or over a file', async () => {
    const piped = await run(['export-json', vault, '--case', 'PSEA-BF-2025-003']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toContain('PLAINTEXT');
    expect(piped.stderr).toContain('en CLAIR');
    const doc = JSON.parse(piped.stdout);
    expect(doc).toMatchObject({
      format: 'casevault.records/1',
      identities: 'omitted',
      scope: 'PSEA-BF-2025-003',
    });

    const out = path.join(tmp, 'export.json');
    const refused = await run(['export-json', vault, '--out', out]);
    expect(refused.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    const written = await run([
      'export-json',
      vault,
      '--out',
      out,
      '--yes',
      '--include-identities',
      '--json',
    ]);
    expect(written.code).toBe(0);
    expect(jsonOf(written)).toMatchObject({ identities: 'included', counts: { cases: 5 } });
    expect(readFileSync(out, 'utf8')).toContain('Personne Fictive Exemple');
    const again = await run(['export-json', vault, '--out', out, '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect((await run(['export-json', vault, '--json'])).code).toBe(1);
  });

  it('audit verifies the chain and lists the last entries', async () => {
    const result = jsonOf(await run(['audit', vault, '--limit', '3', '--json'])) as unknown as {
      chain: { ok: boolean; entries: number };
      entries: Array<{ action: string }>;
    };
    expect(result.chain.ok).toBe(true);
    expect(result.entries).toHaveLength(3);
    expect(result.entries[0]?.action).toBe('records.export');
  });

  it('an audit row edited in the database: audit and check exit 3 naming the entry', async () => {
    const sodium = await loadSodium();
    const header = await readHeaderFile(vault);
    const master = openKeyslot(
      sodium,
      header.body.keyslots[0]!,
      passphraseBytes(PASSPHRASE),
      header.body.vaultId,
      'WRONG_PASSPHRASE',
    );
    const db = openEncryptedDatabase(path.join(vault, 'vault.db'), deriveSubkey(sodium, master, 'database'));
    db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 2").run();
    closeDatabase(db);

    const audit = await run(['audit', vault]);
    expect(audit.code).toBe(3);
    expect(audit.stdout).toContain('BROKEN at entry #2');
    const auditJson = jsonOf(await run(['audit', vault, '--json'])) as unknown as {
      chain: { broken: { seq: number } };
      error: { code: string };
    };
    expect(auditJson.chain.broken.seq).toBe(2);
    expect(auditJson.error.code).toBe('AUDIT_CHAIN_BROKEN');

    const check = await run(['check', vault, '--json']);
    expect(check.code).toBe(3);
    expect(jsonOf(check)).toMatchObject({
      error: { code: 'AUDIT_CHAIN_BROKEN' },
      auditChain: { ok: false, broken: { seq: 2, reason: 'mac' } },
    });
  });
});
