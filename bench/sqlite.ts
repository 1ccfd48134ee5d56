/**
 * Insert and point-read rates through our encrypted database (openEncryptedDatabase: SQLCipher 4
 * mode, raw key) against plain better-sqlite3 on identical rows. The plain database gets the very
 * pragmas read back from the encrypted connection, so the only difference is encryption.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PlainDatabase from 'better-sqlite3';
import { closeDatabase, openEncryptedDatabase } from '../electron/core/db/open.ts';
import { median, seededRandom } from './stats.ts';

/** The subset of the better-sqlite3 API both engines share and the benchmark uses. */
interface Db {
  exec(sql: string): unknown;
  prepare(sql: string): { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown };
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  pragma(sql: string, options?: { simple: boolean }): unknown;
  close(): unknown;
}

type Row = [
  id: number,
  caseRef: string,
  title: string,
  author: string,
  tag: string,
  createdAt: string,
  body: string,
];

const COMPARED_PRAGMAS = [
  'journal_mode',
  'synchronous',
  'secure_delete',
  'temp_store',
  'foreign_keys',
] as const;

const SCHEMA = `CREATE TABLE records (
  id INTEGER PRIMARY KEY,
  case_ref TEXT NOT NULL,
  title TEXT NOT NULL,
  author TEXT NOT NULL,
  tag TEXT NOT NULL,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL
)`;

const WORDS =
  'témoin rapport incident village route école photo vidéo date lieu source vérifié déplacement abri eau santé nuit convoi frontière registre'.split(
    ' ',
  );

/** A realistic record: short texts, an ISO timestamp, about 200 bytes of body text. */
export function makeRows(count: number, seed = 42): Row[] {
  const random = seededRandom(seed);
  const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const rows: Row[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let id = 1; id <= count; id++) {
    let body = '';
    while (body.length < 200) body += `${word()} `;
    rows.push([
      id,
      `CASE-${String(Math.floor(random() * 10_000)).padStart(5, '0')}`,
      `${word()} ${word()} ${word()}`,
      `${word()}@example.org`,
      word(),
      new Date(start + Math.floor(random() * 3e10)).toISOString(),
      body.slice(0, 200),
    ]);
  }
  return rows;
}

export interface EngineFigures {
  insertRowsPerSec: number;
  readsPerSec: number;
  /** Same reads with a 64 MiB page cache on both engines: not the core's setting, shown for comparison. */
  readsPerSecBigCache: number;
  pragmas: Record<string, unknown>;
}

function pragmasOf(db: Db): Record<string, unknown> {
  return Object.fromEntries(COMPARED_PRAGMAS.map((name) => [name, db.pragma(name, { simple: true })]));
}

function insertAll(db: Db, rows: readonly Row[]): number {
  db.exec(SCHEMA);
  const insert = db.prepare(
    'INSERT INTO records (id, case_ref, title, author, tag, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMany = db.transaction((batch: readonly Row[]) => {
    for (const row of batch) insert.run(...row);
  });
  const started = performance.now();
  insertMany(rows);
  return rows.length / ((performance.now() - started) / 1000);
}

const BIG_CACHE_KIB = 64 * 1024;

function readAll(db: Db, ids: readonly number[]): number {
  const select = db.prepare('SELECT * FROM records WHERE id = ?');
  const started = performance.now();
  for (const id of ids) {
    if (!select.get(id)) throw new Error(`row ${id} missing`);
  }
  return ids.length / ((performance.now() - started) / 1000);
}

export async function benchSqlite(rowCount: number, readCount: number, rounds: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'casevault-bench-sqlite-'));
  try {
    const rows = makeRows(rowCount);
    const random = seededRandom(7);
    const ids = Array.from({ length: readCount }, () => 1 + Math.floor(random() * rowCount));
    const runs = () => ({
      inserts: [] as number[],
      reads: [] as number[],
      bigCacheReads: [] as number[],
      pragmas: {},
    });
    const encrypted: ReturnType<typeof runs> & { pragmas: Record<string, unknown> } = runs();
    const plain: ReturnType<typeof runs> & { pragmas: Record<string, unknown> } = runs();

    // Rounds alternate engines so a noisy moment hurts both alike.
    for (let round = 0; round < rounds; round++) {
      const key = new Uint8Array(randomBytes(32));
      const enc = openEncryptedDatabase(path.join(dir, `enc-${round}.db`), key, { create: true });
      key.fill(0);
      encrypted.pragmas = pragmasOf(enc);
      encrypted.inserts.push(insertAll(enc, rows));
      encrypted.reads.push(readAll(enc, ids));
      enc.pragma(`cache_size = -${BIG_CACHE_KIB}`);
      readAll(enc, ids); // fills the cache
      encrypted.bigCacheReads.push(readAll(enc, ids));
      closeDatabase(enc);

      const db = new PlainDatabase(path.join(dir, `plain-${round}.db`));
      for (const [name, value] of Object.entries(encrypted.pragmas)) db.pragma(`${name} = ${String(value)}`);
      plain.pragmas = pragmasOf(db);
      plain.inserts.push(insertAll(db, rows));
      plain.reads.push(readAll(db, ids));
      db.pragma(`cache_size = -${BIG_CACHE_KIB}`);
      readAll(db, ids);
      plain.bigCacheReads.push(readAll(db, ids));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }

    const figures = (runs: typeof encrypted): EngineFigures => ({
      insertRowsPerSec: median(runs.inserts),
      readsPerSec: median(runs.reads),
      readsPerSecBigCache: median(runs.bigCacheReads),
      pragmas: runs.pragmas,
    });
    const rowBytes = rows.slice(0, 1000).reduce((n, row) => n + Buffer.byteLength(row.join('')), 0) / 1000;
    return {
      rows: rowCount,
      reads: readCount,
      rounds,
      rowBytes,
      encrypted: figures(encrypted),
      plain: figures(plain),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
