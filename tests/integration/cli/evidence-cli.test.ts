/**
 * `casevault evidence …` and the evidence part of `check` through the real CLI: add (JSON output,
 * GPS warning, OCSEA refusal), list, verify, extract (FR+EN warning, never overwrites, custody),
 * redact, and damage: a flipped blob byte is exit 3 naming the item; an orphan is reported and only
 * `check --repair` removes it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, makeTempDir, ROOT, removeDir, runCli, writeSecret } from './cli-harness.ts';

const PASSPHRASE = 'evidence passphrase for cli tests';
let tmp: string;
let vault: string;
let pw: string;
let photo: string;
let note: string;
const run = (args: string[]) => runCli([...args, '--passphrase-file', pw]);

beforeAll(async () => {
  tmp = await makeTempDir();
  vault = path.join(tmp, 'vault');
  pw = await writeSecret(tmp, 'pw', PASSPHRASE);
  expect((await runCli(['init', vault, '--passphrase-file', pw])).code).toBe(0);
  expect(
    (await run(['import', vault, path.join(ROOT, 'resources/examples/records-example.json')])).code,
  ).toBe(0);
  photo = path.join(tmp, 'photo.jpg');
  writeFileSync(
    photo,
    await sharp({ create: { width: 120, height: 80, channels: 3, background: '#3366aa' } })
      .jpeg()
      .withExif({
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '12/1 22/1 0/1',
          GPSLongitudeRef: 'W',
          GPSLongitude: '1/1 31/1 0/1',
        },
      })
      .toBuffer(),
  );
  note = path.join(tmp, 'note.txt');
  writeFileSync(note, 'Menace reçue par SMS le 2 mars.\n');
});
afterAll(async () => {
  await removeDir(tmp);
});

const blobs = () => readdirSync(path.join(vault, 'evidence')).filter((n) => /^[0-9a-f]{32}$/.test(n));

describe('casevault evidence', () => {
  let photoId = '';
  let noteId = '';

  it('adds files to a case, warns about GPS, prints JSON with hashes', async () => {
    const text = await run([
      'evidence',
      'add',
      vault,
      '--case',
      'DEF-SN-2025-014',
      '--source',
      'received',
      '--from',
      'la militante',
      photo,
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Added photo\.jpg \(image\/jpeg/);
    expect(text.stdout).toMatch(/GPS location/);
    expect(text.stderr).toBe('');
    const json = jsonOf(await run(['evidence', 'add', vault, '--case', 'DEF-SN-2025-014', note, '--json']));
    const items = json.items as Array<{ id: string; type: string; sha256: string }>;
    expect(items).toHaveLength(1);
    expect(items[0]!.type).toBe('text/plain');
    noteId = items[0]!.id;
    const list = jsonOf(await run(['evidence', 'list', vault, '--case', 'DEF-SN-2025-014', '--json']));
    expect(list.total).toBe(2);
    photoId = (list.items as Array<{ id: string; hasLocation: boolean }>).find((i) => i.hasLocation)!.id;
  });

  it('refuses an image in an OCSEA case (exit 1, nothing written) unless acknowledged', async () => {
    const before = blobs();
    const refused = await run(['evidence', 'add', vault, '--case', 'OCSEA-2026-002', photo, '--json']);
    expect(refused.code).toBe(1);
    expect((jsonOf(refused) as unknown as { error: { code: string } }).error.code).toBe(
      'EVIDENCE_OCSEA_WARNING',
    );
    expect(blobs()).toEqual(before);
    const unknownCase = await run(['evidence', 'add', vault, '--case', 'NOPE', note]);
    expect(unknownCase.code).toBe(1);
  });

  it('extracts a decrypted copy with a warning in both languages, never over an existing file', async () => {
    const out = path.join(tmp, 'copy.txt');
    const first = await run(['evidence', 'extract', vault, noteId.slice(0, 8), '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/DECRYPTED/);
    expect(first.stderr).toMatch(/DÉCHIFFRÉE/);
    expect(readFileSync(out, 'utf8')).toBe('Menace reçue par SMS le 2 mars.\n');
    const again = await run(['evidence', 'extract', vault, noteId, '--out', out, '--json']);
    expect(again.code).toBe(4);
    expect((jsonOf(again) as unknown as { error: { code: string } }).error.code).toBe('FILE_EXISTS');
  });

  it('redacts an image into a new item without GPS', async () => {
    const result = jsonOf(
      await run([
        'evidence',
        'redact',
        vault,
        photoId,
        '--region',
        '0,0,0.5,0.5',
        '--region',
        '0.6,0.6,0.2,0.2',
        '--json',
      ]),
    );
    const copy = result.copy as { redactedOf: string; hasLocation: boolean; type: string };
    expect(copy).toMatchObject({ redactedOf: photoId, hasLocation: false, type: 'image/jpeg' });
    const bad = await run(['evidence', 'redact', vault, photoId, '--region', '0.8,0,0.5,0.5']);
    expect(bad.code).toBe(1);
  });

  it('verify and check pass; a flipped byte is exit 3 naming the item; orphans need --repair', async () => {
    expect((await run(['evidence', 'verify', vault])).code).toBe(0);
    expect((await run(['check', vault])).code).toBe(0);
    const names = blobs();
    // Flip one byte in every blob: each item is reported damaged.
    for (const name of names) {
      const file = path.join(vault, 'evidence', name);
      const bytes = readFileSync(file);
      bytes[bytes.length - 3]! ^= 0xff;
      writeFileSync(file, bytes);
    }
    const verify = await run(['evidence', 'verify', vault, '--json']);
    expect(verify.code).toBe(3);
    const results = (jsonOf(verify) as unknown as { results: Array<{ id: string; ok: boolean }> }).results;
    expect(results.filter((r) => !r.ok).map((r) => r.id)).toContain(photoId);
    const check = await run(['check', vault]);
    expect(check.code).toBe(3);
    expect(check.stdout).toContain(photoId);
    // Restore, then leave an orphan.
    for (const name of names) {
      const file = path.join(vault, 'evidence', name);
      const bytes = readFileSync(file);
      bytes[bytes.length - 3]! ^= 0xff;
      writeFileSync(file, bytes);
    }
    writeFileSync(path.join(vault, 'evidence', `${'c'.repeat(32)}.part`), 'partial');
    const reported = await run(['check', vault]);
    expect(reported.code).toBe(0);
    expect(reported.stdout).toMatch(/orphan.*--repair/);
    expect(readdirSync(path.join(vault, 'evidence'))).toContain(`${'c'.repeat(32)}.part`);
    const repaired = await run(['check', vault, '--repair']);
    expect(repaired.code).toBe(0);
    expect(readdirSync(path.join(vault, 'evidence'))).not.toContain(`${'c'.repeat(32)}.part`);
  });

  it('a subcommand is required', async () => {
    const none = await run(['evidence', vault]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/subcommand/);
  });
});
