/**
 * Case records at scale, through the real write and read paths, on both engines in one run:
 *
 * - ours: a vault made by createVault (SQLCipher 4 mode, the core's pragmas), written through
 *   `createRecord` with the RecordsService's own context;
 * - baseline: plain better-sqlite3 with the same page size and pragmas (read back from our
 *   connection, cipher ones aside), the same migrations (`MIGRATIONS[i].up`) and the same store
 *   functions, given a libsodium BLAKE2b MAC like the session's.
 *
 * Measured: the import rate of every case and child record in ONE transaction (as import does:
 * kept ids and timestamps, `audit: false`), including the commit and the checkpoint it triggers;
 * searchRecords latency over a fixed set of queries; listCases page time at several offsets.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import PlainDatabase from 'better-sqlite3';
import { loadSodium } from '../electron/core/crypto/sodium.ts';
import { withBulkCache } from '../electron/core/db/bulk.ts';
import { MIGRATIONS } from '../electron/core/db/migrations/index.ts';
import type { VaultDatabase } from '../electron/core/db/open.ts';
import { type CaseListFilter, listCases } from '../electron/core/records/queries.ts';
import { RecordsService } from '../electron/core/records/records-service.ts';
import { type SearchFilters, searchRecords } from '../electron/core/records/search.ts';
import { createRecord, type RecordContext } from '../electron/core/records/store.ts';
import { createVault } from '../electron/core/vault/vault.ts';
import { CHILDREN_PER_CASE, RecordsGenerator } from './records-data.ts';
import { median, round, seededRandom } from './stats.ts';

export const FULL_CASES = 100_000;

/** Cases imported at a BENCH_SCALE (at least 200, so every page and filter has rows). */
export function casesAtScale(scale: number): number {
  return Math.max(200, Math.round(FULL_CASES * scale));
}
export const SEARCH_QUERIES = 200;
const LIST_REPEATS = 15;
const BATCH_CASES = 500;
/**
 * The import stops with an explanation past this resident size instead of driving a machine without
 * swap into thrashing: createRecord prepares its statements on every call and each prepare keeps
 * about 3 KB of native memory for the life of the connection (docs/benchmarks.md, Findings).
 */
const RSS_LIMIT_BYTES = Math.floor(totalmem() * 0.6);
const MIB = 1024 * 1024;
const FAST_KDF = { opslimit: 2, memlimit: 64 * MIB };
/** Pragmas compared between the engines (and the ones set on the baseline, cipher ones aside). */
const COMPARED_PRAGMAS = [
  'page_size',
  'journal_mode',
  'synchronous',
  'cache_size',
  'cache_spill',
  'wal_autocheckpoint',
  'secure_delete',
  'temp_store',
  'foreign_keys',
  'auto_vacuum',
] as const;
/** Set on both engines in this order; page_size must come before the first table. */
const APPLIED_PRAGMAS = COMPARED_PRAGMAS.filter((name) => name !== 'auto_vacuum');

export interface Engine {
  name: 'encrypted' | 'plain';
  db: VaultDatabase;
  ctx: RecordContext;
  file: string;
}

export interface ImportFigures {
  /** createRecord calls (cases and children) per second, commit included, generation excluded. */
  recordsPerSec: number;
  totalMs: number;
  commitMs: number;
  /** Records per second over each tenth of the import: shows whether it slows as the file grows. */
  tenthsRecordsPerSec: number[];
  walBytesBeforeCommit: number;
  dbBytes: number;
}

export interface LatencyFigures {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** CPU time (user + system) per query: the latency with a core to itself, on a loaded machine. */
  cpuP50Ms?: number;
  cpuP95Ms?: number;
}

export interface CaseListFigures {
  label: string;
  offset: number;
  total: number;
  encryptedMedianMs: number;
  plainMedianMs: number;
  ratio: number;
}

export interface RecordsFigures {
  scale: number;
  cases: number;
  records: number;
  textRows: number;
  meanTextBytes: number;
  pragmas: { encrypted: Record<string, unknown>; plain: Record<string, unknown> };
  samePragmas: boolean;
  extraPragmas: string[];
  import: { encrypted: ImportFigures; plain: ImportFigures; ratio: number };
  search: {
    queries: number;
    encrypted: LatencyFigures;
    plain: LatencyFigures;
    p50Ratio: number;
    p95Ratio: number;
    sameResults: boolean;
    slowest: Array<{ query: string; filters: SearchFilters; encryptedMs: number; plainMs: number }>;
  };
  caseList: CaseListFigures[];
}

function pragmasOf(db: VaultDatabase): Record<string, unknown> {
  return Object.fromEntries(COMPARED_PRAGMAS.map((name) => [name, db.pragma(name, { simple: true })]));
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

async function openEncrypted(dir: string, fixedNow: () => Date): Promise<Engine & { lock(): void }> {
  const vaultDir = path.join(dir, 'vault');
  const { session } = await createVault(vaultDir, 'benchmark passphrase, not a secret', {
    kdf: FAST_KDF,
    recoveryKdf: FAST_KDF,
  });
  const ctx = new RecordsService(session, { now: fixedNow }).context();
  return {
    name: 'encrypted',
    db: session.db,
    ctx,
    file: path.join(vaultDir, 'vault.db'),
    lock: () => session.lock(),
  };
}

async function openPlain(
  dir: string,
  pragmas: Record<string, unknown>,
  fixedNow: () => Date,
): Promise<Engine & { close(): void }> {
  const file = path.join(dir, 'plain.db');
  const plain = new PlainDatabase(file);
  // Same API as the vault's better-sqlite3-multiple-ciphers handle; only the types differ.
  const db = plain as unknown as VaultDatabase;
  for (const name of APPLIED_PRAGMAS) db.pragma(`${name} = ${String(pragmas[name])}`);
  for (const migration of MIGRATIONS) {
    db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        fixedNow().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  const sodium = await loadSodium();
  const macKey = new Uint8Array(randomBytes(32));
  const ctx: RecordContext = {
    db,
    mac: (bytes) => sodium.crypto_generichash(32, bytes, macKey),
    now: fixedNow,
    newId: () => {
      throw new Error('the benchmark passes every id');
    },
    actor: 'owner',
  };
  return { name: 'plain', db, ctx, file, close: () => plain.close() };
}

/** Every record of `cases` cases through createRecord, in one transaction. */
export function importAll(engine: Engine, cases: number, seed: number): ImportFigures {
  const generator = new RecordsGenerator(seed);
  const { db, ctx } = engine;
  const tenths: number[] = [];
  let generationMs = 0;
  let tenthStarted = performance.now();
  let tenthGenerationMs = 0;
  let tenthRecords = 0;
  let nextTenth = 1;
  const started = performance.now();
  // The product's bulk path: a large page cache for the length of the import (electron/core/db/bulk.ts).
  return withBulkCache(db, () => {
    db.exec('BEGIN');
    try {
      for (let first = 0; first < cases; first += BATCH_CASES) {
        const generated = performance.now();
        const batch = [];
        for (let i = first; i < Math.min(cases, first + BATCH_CASES); i++)
          batch.push(...generator.caseWithChildren(i));
        const spent = performance.now() - generated;
        generationMs += spent;
        tenthGenerationMs += spent;
        for (const record of batch) {
          createRecord(ctx, record.kind, record.data, {
            id: record.id,
            createdAt: record.createdAt,
            updatedAt: record.updatedAt,
            audit: false,
          });
        }
        tenthRecords += batch.length;
        const rss = process.memoryUsage.rss();
        if (rss > RSS_LIMIT_BYTES) {
          const gib = (n: number) => `${round(n / 1024 ** 3, 1)} GiB`;
          throw new Error(
            `records import (${engine.name}) stopped after ${first + batch.length / (1 + CHILDREN_PER_CASE)} of ${cases} cases: the process holds ${gib(rss)} (limit ${gib(RSS_LIMIT_BYTES)}, 60% of RAM). Something on the write path holds memory per record (docs/benchmarks.md §1 was such a case); run with BENCH_SCALE=0.1 meanwhile.`,
          );
        }
        const done = Math.min(cases, first + BATCH_CASES);
        if (done >= (nextTenth * cases) / 10) {
          const now = performance.now();
          tenths.push(round(tenthRecords / ((now - tenthStarted - tenthGenerationMs) / 1000), 0));
          tenthStarted = now;
          tenthGenerationMs = 0;
          tenthRecords = 0;
          while (done >= (nextTenth * cases) / 10) nextTenth++;
        }
      }
      const walBytesBeforeCommit = fileSize(`${engine.file}-wal`);
      const commitStarted = performance.now();
      db.exec('COMMIT');
      const ended = performance.now();
      const totalMs = ended - started - generationMs;
      return {
        recordsPerSec: (cases * (1 + CHILDREN_PER_CASE)) / (totalMs / 1000),
        totalMs,
        commitMs: ended - commitStarted,
        tenthsRecordsPerSec: tenths,
        walBytesBeforeCommit,
        dbBytes: fileSize(engine.file),
      };
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  });
}

export interface Query {
  text: string;
  filters: SearchFilters;
}

/** Single and two-word queries from the generated vocabulary, a quarter of them with a filter. */
export function makeQueries(vocabulary: { common: string[]; places: string[] }, count: number): Query[] {
  const random = seededRandom(99);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const filters: SearchFilters[] = [
    { entity: 'incident' },
    { entity: 'note' },
    { caseStatus: 'active' },
    { caseKind: 'child-protection' },
    { from: '2020-01-01', to: '2021-12-31' },
    { country: 'SN' },
    { entity: 'riskEntry', caseStatus: 'referred' },
    { tag: 'urgent' },
  ];
  const queries: Query[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    const text =
      r < 0.35
        ? pick(vocabulary.common)
        : r < 0.6
          ? pick(vocabulary.places)
          : r < 0.8
            ? `${pick(vocabulary.common)} ${pick(vocabulary.common)}`
            : `${pick(vocabulary.common)} ${pick(vocabulary.places)}`;
    queries.push({ text, filters: random() < 0.25 ? pick(filters) : {} });
  }
  return queries;
}

function timeSearch(engine: Engine, query: Query): { ms: number; cpuMs: number; ids: string } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const hits = searchRecords(engine.db, query.text, query.filters);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, ids: hits.map((h) => h.recordId).join(',') };
}

function benchSearch(enc: Engine, plain: Engine, queries: readonly Query[]): RecordsFigures['search'] {
  // Warm-up with other words, so the timed queries do not pay for loading the FTS structure.
  for (const text of ['menaces', 'threats', 'village', 'école', 'school', 'appel', 'night', 'nuit']) {
    timeSearch(enc, { text, filters: {} });
    timeSearch(plain, { text, filters: {} });
  }
  const encMs: number[] = [];
  const plainMs: number[] = [];
  const encCpuMs: number[] = [];
  const plainCpuMs: number[] = [];
  let sameResults = true;
  // Alternating which engine goes first, so a busy moment on the machine hurts both alike.
  for (const [i, query] of queries.entries()) {
    const [a, b] = i % 2 === 0 ? [enc, plain] : [plain, enc];
    const first = timeSearch(a, query);
    const second = timeSearch(b, query);
    const [e, p] = i % 2 === 0 ? [first, second] : [second, first];
    encMs.push(e.ms);
    plainMs.push(p.ms);
    encCpuMs.push(e.cpuMs);
    plainCpuMs.push(p.cpuMs);
    if (e.ids !== p.ids) sameResults = false;
  }
  const figures = (ms: number[], cpu: number[]): LatencyFigures => ({
    p50Ms: round(percentile(ms, 50), 3),
    p95Ms: round(percentile(ms, 95), 3),
    maxMs: round(Math.max(...ms), 3),
    cpuP50Ms: round(percentile(cpu, 50), 3),
    cpuP95Ms: round(percentile(cpu, 95), 3),
  });
  const slowest = queries
    .map((q, i) => ({
      query: q.text,
      filters: q.filters,
      encryptedMs: round(encMs[i]!, 2),
      plainMs: round(plainMs[i]!, 2),
    }))
    .sort((x, y) => y.encryptedMs - x.encryptedMs)
    .slice(0, 5);
  const encrypted = figures(encMs, encCpuMs);
  const plainFigures = figures(plainMs, plainCpuMs);
  return {
    queries: queries.length,
    encrypted,
    plain: plainFigures,
    p50Ratio: round(encrypted.p50Ms / plainFigures.p50Ms, 3),
    p95Ratio: round(encrypted.p95Ms / plainFigures.p95Ms, 3),
    sameResults,
    slowest,
  };
}

function benchCaseList(enc: Engine, plain: Engine, cases: number): CaseListFigures[] {
  const referred = listCases(enc.db, { status: 'referred' }, 0, 1).total ?? 0;
  const at = (filter: CaseListFilter, offset: number) => ({ filter, offset });
  const places: Array<{ label: string; filter: CaseListFilter; offset: number }> = [
    { label: 'all, offset 0', ...at({}, 0) },
    { label: `all, offset ${Math.floor(cases / 2)}`, ...at({}, Math.floor(cases / 2)) },
    { label: `all, offset ${cases - 100} (last page)`, ...at({}, Math.max(0, cases - 100)) },
    { label: 'status=referred, offset 0', ...at({ status: 'referred' }, 0) },
    {
      label: `status=referred, offset ${Math.max(0, referred - 100)} (last page)`,
      ...at({ status: 'referred' }, Math.max(0, referred - 100)),
    },
  ];
  // Each place two ways: a jump there by offset, with the count (what the first page of a filter or
  // a scrollbar drag costs), and the next page after the row before it, without the count (what
  // scrolling on costs: the UI pages this way when it holds the previous page).
  const pages = places.flatMap((place) => {
    const jump = { ...place, label: `${place.label}, by offset + count`, after: undefined };
    if (place.offset === 0) return [jump];
    const prev = listCases(enc.db, place.filter, place.offset - 1, 1, { count: false }).rows[0]!;
    return [jump, { ...place, label: `${place.label}, after previous row`, after: prev }];
  });
  return pages.map(({ label, filter, offset, after }) => {
    const time = (engine: Engine) => {
      const started = performance.now();
      const page = after
        ? listCases(engine.db, filter, offset, 100, { after, count: false })
        : listCases(engine.db, filter, offset, 100);
      return { ms: performance.now() - started, page };
    };
    const first = time(enc);
    const reference = time(plain);
    if (JSON.stringify(first.page.rows) !== JSON.stringify(reference.page.rows))
      throw new Error(`case list ${label}: engines disagree`);
    if (after) {
      const byOffset = listCases(enc.db, filter, offset, 100, { count: false }).rows;
      if (JSON.stringify(byOffset) !== JSON.stringify(first.page.rows))
        throw new Error(`case list ${label}: keyset page differs from offset page`);
    }
    const encMs: number[] = [];
    const plainMs: number[] = [];
    let total = referred;
    for (let i = 0; i < LIST_REPEATS; i++) {
      const order = i % 2 === 0 ? [enc, plain] : [plain, enc];
      for (const engine of order) {
        const { ms, page } = time(engine);
        (engine === enc ? encMs : plainMs).push(ms);
        if (page.rows.length === 0) throw new Error(`case list ${label}: empty page`);
        if (page.total !== null) total = page.total;
      }
    }
    const encryptedMedianMs = round(median(encMs), 3);
    const plainMedianMs = round(median(plainMs), 3);
    return {
      label,
      offset,
      total,
      encryptedMedianMs,
      plainMedianMs,
      ratio: round(encryptedMedianMs / plainMedianMs, 3),
    };
  });
}

/** `extraPragmas` (e.g. `cache_size = -262144`) are set on BOTH engines before the import. */
export async function benchRecords(
  scale: number,
  extraPragmas: readonly string[] = [],
): Promise<RecordsFigures> {
  const cases = casesAtScale(scale);
  const dir = await mkdtemp(path.join(tmpdir(), 'casevault-bench-records-'));
  const fixedNow = () => new Date('2026-11-22T12:00:00.000Z');
  let enc: (Engine & { lock(): void }) | undefined;
  let plain: (Engine & { close(): void }) | undefined;
  try {
    enc = await openEncrypted(dir, fixedNow);
    const encPragmas = pragmasOf(enc.db);
    plain = await openPlain(dir, encPragmas, fixedNow);
    for (const pragma of extraPragmas) {
      enc.db.pragma(pragma);
      plain.db.pragma(pragma);
    }
    const pragmas = { encrypted: pragmasOf(enc.db), plain: pragmasOf(plain.db) };

    const seed = 2026;
    const encImport = importAll(enc, cases, seed);
    const plainImport = importAll(plain, cases, seed);
    const records = cases * (1 + CHILDREN_PER_CASE);
    for (const engine of [enc, plain]) {
      const n = engine.db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number;
      if (n !== records) throw new Error(`${engine.name}: ${n} records indexed, expected ${records}`);
    }

    const generator = new RecordsGenerator(seed);
    const sample = Array.from({ length: 200 }, (_, i) => generator.caseWithChildren(i)).flat();
    const texts = sample.flatMap((r) =>
      ['summary', 'description', 'notes', 'action', 'body']
        .map((field) => r.data[field])
        .filter((v): v is string => typeof v === 'string'),
    );
    const meanTextBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / texts.length;

    const search = benchSearch(enc, plain, makeQueries(generator.vocabulary(), SEARCH_QUERIES));
    const caseList = benchCaseList(enc, plain, cases);

    return {
      scale,
      cases,
      records,
      textRows: cases * CHILDREN_PER_CASE,
      meanTextBytes: round(meanTextBytes, 0),
      pragmas,
      samePragmas: JSON.stringify(pragmas.encrypted) === JSON.stringify(pragmas.plain),
      extraPragmas: [...extraPragmas],
      import: {
        encrypted: encImport,
        plain: plainImport,
        ratio: round(encImport.recordsPerSec / plainImport.recordsPerSec, 3),
      },
      search,
      caseList,
    };
  } finally {
    enc?.lock();
    plain?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
