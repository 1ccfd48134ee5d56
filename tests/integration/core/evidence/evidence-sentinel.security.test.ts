/**
 * Threat: plaintext of evidence left on disk by the app (temp files, libvips spill files, caches).
 * A child process with its own TMPDIR adds a text file and a PNG whose decoded pixels (108 MB, above
 * libvips' default 100 MB disc threshold) repeat a sentinel, previews, redacts and extracts. Then
 * the vault folder, the child's TMPDIR and the OS temp folder (files changed during the run) must
 * not hold either sentinel anywhere; the extracted copy, which the user asked for, must.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/vault.ts';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'sentinel-child.ts');
const temp = tempDir('casevault-sentinel-');
afterAll(() => temp.cleanup());

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG whose every row is the sentinel repeated (filter 0), compressed so the file itself hides it. */
function sentinelPng(width: number, height: number, sentinel: Buffer): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let i = 1; i < row.length; i += sentinel.length)
    sentinel.copy(row, i, 0, Math.min(sentinel.length, row.length - i));
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Files under `root` changed since `since` that contain `needle`; unreadable entries are skipped. */
function scan(root: string, needles: Buffer[], since: number, skip: string[]): string[] {
  const hits: string[] = [];
  const buffer = Buffer.alloc(4 * 1024 * 1024);
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (skip.some((s) => file === s || file.startsWith(`${s}${path.sep}`))) continue;
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(file);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(file);
      else if (st.isFile() && st.mtimeMs >= since && st.size < 2 ** 30) {
        let fd: number;
        try {
          fd = openSync(file, 'r');
        } catch {
          continue;
        }
        try {
          let carry = Buffer.alloc(0);
          for (;;) {
            const n = readSync(fd, buffer, 0, buffer.length, null);
            if (n === 0) break;
            const window = Buffer.concat([carry, buffer.subarray(0, n)]);
            if (needles.some((needle) => window.includes(needle))) {
              hits.push(file);
              break;
            }
            carry = Buffer.from(window.subarray(Math.max(0, window.length - 64)));
          }
        } finally {
          closeSync(fd);
        }
      }
    }
  };
  walk(root);
  return hits;
}

describe('no plaintext evidence on disk', () => {
  it('after add, preview, redact and extract: sentinels only in the extracted copy', () => {
    const since = Date.now() - 1000;
    const textSentinel = randomBytes(24);
    const pixelSentinel = randomBytes(24);
    const src = path.join(temp.dir, 'src');
    const out = path.join(temp.dir, 'out');
    const childTmp = path.join(temp.dir, 'child-tmp');
    const vault = path.join(temp.dir, 'vault');
    for (const d of [src, out, childTmp]) mkdirSync(d);
    const textFile = path.join(src, 'note.txt');
    writeFileSync(textFile, Buffer.concat([Buffer.from('témoignage '), textSentinel, Buffer.from(' fin')]));
    const pngFile = path.join(src, 'photo.png');
    writeFileSync(pngFile, sentinelPng(6000, 6000, pixelSentinel));
    const outFile = path.join(out, 'copy.txt');

    const run = spawnSync(process.execPath, [CHILD, vault, textFile, pngFile, outFile], {
      env: { ...process.env, TMPDIR: childTmp, TMP: childTmp, TEMP: childTmp },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, copy: 'image/png', tmpOpened: [] });

    const needles = [textSentinel, pixelSentinel];
    // Positive control: the scanner finds the sentinel where the user asked for a decrypted copy.
    expect(scan(out, needles, since, [])).toEqual([outFile]);
    expect(scan(vault, needles, 0, [])).toEqual([]);
    expect(scan(childTmp, needles, 0, [])).toEqual([]);
    expect(scan(tmpdir(), needles, since, [src, out])).toEqual([]);
  }, 180_000);
});
