/**
 * The search part of the records bench on its own, over a vault built once and kept, so that a
 * change to search can be measured in minutes instead of the full `npm run bench` (which imports
 * 1.1M records twice first):
 *
 *   node bench/search.ts build <dir> [scale]   generated cases (scale 1 = 100k cases, 1.1M records)
 *                                              imported into a new encrypted vault at <dir>
 *   node bench/search.ts probe <dir> [runs]    unlock it (pending migrations run, timed), then the
 *                                              bench's 200 queries `runs` times (default 3), wall
 *                                              clock and CPU time per query
 *
 * The vault holds generated text only, under a fixed passphrase: it is benchmark data, not a secret.
 * Delete <dir> when done (about 1 GiB at scale 1).
 */
import os from 'node:os';
import path from 'node:path';
import { RecordsService } from '../electron/core/records/records-service.ts';
import { searchRecords } from '../electron/core/records/search.ts';
import { createVault, unlockWithPassphrase } from '../electron/core/vault/vault.ts';
import { casesAtScale, importAll, makeQueries, percentile, SEARCH_QUERIES } from './records.ts';
import { RecordsGenerator } from './records-data.ts';
import { round } from './stats.ts';

const PASSPHRASE = 'benchmark passphrase, not a secret';
const MIB = 1024 * 1024;
const FAST_KDF = { opslimit: 2, memlimit: 64 * MIB };
const SEED = 2026;
const fixedNow = () => new Date('2026-11-22T12:00:00.000Z');
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function build(dir: string, scale: number): Promise<void> {
  const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
  try {
    const ctx = new RecordsService(session, { now: fixedNow }).context();
    const cases = casesAtScale(scale);
    console.log(`importing ${cases} cases × 11 records into ${dir} (load ${load()}) …`);
    const figures = importAll(
      { name: 'encrypted', db: session.db, ctx, file: path.join(dir, 'vault.db') },
      cases,
      SEED,
    );
    console.log(
      `done: ${round(figures.recordsPerSec, 0)} records/s, ${round(figures.totalMs / 1000, 1)} s (load ${load()})`,
    );
  } finally {
    session.lock();
  }
}

async function probe(dir: string, runs: number): Promise<void> {
  const unlockStarted = performance.now();
  const session = await unlockWithPassphrase(dir, PASSPHRASE, { now: fixedNow });
  console.log(`unlock (with any pending migration): ${round(performance.now() - unlockStarted, 0)} ms`);
  try {
    const db = session.db;
    const queries = makeQueries(new RecordsGenerator(SEED).vocabulary(), SEARCH_QUERIES);
    for (const text of ['menaces', 'threats', 'village', 'école', 'school', 'appel', 'night', 'nuit'])
      searchRecords(db, text);
    const perQuery: number[][] = queries.map(() => []);
    const figures = (ms: number[]) =>
      `p50 ${round(percentile(ms, 50), 2)} ms, p95 ${round(percentile(ms, 95), 2)} ms, max ${round(Math.max(...ms), 2)} ms`;
    for (let run = 0; run < runs; run++) {
      const cpu: number[] = [];
      const ms = queries.map((query, i) => {
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        searchRecords(db, query.text, query.filters);
        const spent = performance.now() - started;
        const used = process.cpuUsage(cpuBefore);
        cpu.push((used.user + used.system) / 1000);
        perQuery[i]!.push(spent);
        return spent;
      });
      // CPU time is what a query costs when it has a core to itself: on a loaded machine the wall
      // clock adds the time spent waiting for one (the data is in the OS cache, so no disk waits).
      console.log(`run ${run + 1}: wall ${figures(ms)}; CPU ${figures(cpu)} (load ${load()})`);
    }
    const slowest = queries
      .map((q, i) => ({ q, ms: Math.min(...perQuery[i]!) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12);
    console.log('slowest (best of the runs):');
    for (const { q, ms } of slowest)
      console.log(`  ${round(ms, 2)} ms  ${JSON.stringify(q.text)} ${JSON.stringify(q.filters)}`);
  } finally {
    session.lock();
  }
}

const [command, dir, arg] = process.argv.slice(2);
if (command === 'build' && dir) await build(dir, Number(arg ?? '1'));
else if (command === 'probe' && dir) await probe(dir, Number(arg ?? '3'));
else {
  console.error('usage: node bench/search.ts build <dir> [scale] | probe <dir> [runs]');
  process.exit(2);
}
