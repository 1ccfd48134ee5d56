/**
 * `npm run bench` (through scripts/bench.mjs). One run measures both sides of every comparison, so
 * the figures that matter are the ratios; absolute numbers only describe this machine today.
 * Prints a table for people and a final `BENCH_JSON {...}` line for machines.
 */
import os from 'node:os';
import { benchSqlite } from './sqlite.ts';
import { round } from './stats.ts';
import { benchUnlock } from './unlock.ts';

const UNLOCK_RUNS = 5;
const ROWS = 100_000;
const READS = 200_000;
const SQLITE_ROUNDS = 3;

const started = performance.now();
console.log(
  `CaseVault bench — Node ${process.version}, ${os.cpus().length} CPU(s), ${os.platform()}/${os.arch()}`,
);

const unlock = await benchUnlock(UNLOCK_RUNS);
const sqlite = await benchSqlite(ROWS, READS, SQLITE_ROUNDS);

const ratios = {
  unlockKdfShare: round(unlock.kdfMs / (unlock.kdfMs + unlock.restMs), 3),
  unlockRestOverKdf: round(unlock.restMs / unlock.kdfMs, 3),
  unlockKdfOverRawArgon2id: round(unlock.kdfMs / unlock.rawArgon2idMs, 3),
  insertEncryptedOverPlain: round(sqlite.encrypted.insertRowsPerSec / sqlite.plain.insertRowsPerSec, 3),
  readEncryptedOverPlain: round(sqlite.encrypted.readsPerSec / sqlite.plain.readsPerSec, 3),
  readEncryptedOverPlainBigCache: round(
    sqlite.encrypted.readsPerSecBigCache / sqlite.plain.readsPerSecBigCache,
    3,
  ),
};

const MIB = 1024 * 1024;
const table: Array<[string, string, string, string]> = [
  ['measure', 'ours', 'baseline', 'ratio'],
  [
    `unlock: Argon2id (moderate ${unlock.opslimit}×${unlock.memlimit / MIB} MiB), median of ${unlock.runs}`,
    `${round(unlock.kdfMs, 1)} ms`,
    `${round(unlock.rawArgon2idMs, 1)} ms bare crypto_pwhash`,
    `${ratios.unlockKdfOverRawArgon2id}×`,
  ],
  [
    'unlock: the rest (header, MAC, open db, schema, migrations)',
    `${round(unlock.restMs, 1)} ms`,
    `${round(unlock.kdfMs, 1)} ms Argon2id`,
    `${ratios.unlockRestOverKdf}×`,
  ],
  ['unlock: total (wall clock)', `${round(unlock.totalMs, 1)} ms`, '', `KDF share ${ratios.unlockKdfShare}`],
  [
    `insert ${ROWS / 1000}k rows (~${Math.round(sqlite.rowBytes)} B), 1 transaction, median of ${SQLITE_ROUNDS}`,
    `${Math.round(sqlite.encrypted.insertRowsPerSec)} rows/s`,
    `${Math.round(sqlite.plain.insertRowsPerSec)} rows/s plain`,
    `${ratios.insertEncryptedOverPlain}×`,
  ],
  [
    `point read by primary key, ${READS / 1000}k random ids`,
    `${Math.round(sqlite.encrypted.readsPerSec)} reads/s`,
    `${Math.round(sqlite.plain.readsPerSec)} reads/s plain`,
    `${ratios.readEncryptedOverPlain}×`,
  ],
  [
    '  same reads, 64 MiB page cache on both (not the core setting)',
    `${Math.round(sqlite.encrypted.readsPerSecBigCache)} reads/s`,
    `${Math.round(sqlite.plain.readsPerSecBigCache)} reads/s plain`,
    `${ratios.readEncryptedOverPlainBigCache}×`,
  ],
];
const widths = [0, 1, 2, 3].map((col) => Math.max(...table.map((row) => row[col]!.length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log(`pragmas (both engines): ${JSON.stringify(sqlite.encrypted.pragmas)}`);
const samePragmas = JSON.stringify(sqlite.encrypted.pragmas) === JSON.stringify(sqlite.plain.pragmas);
if (!samePragmas) console.log(`WARNING: plain pragmas differ: ${JSON.stringify(sqlite.plain.pragmas)}`);
const elapsedS = round((performance.now() - started) / 1000, 1);
console.log(`total ${elapsedS} s`);

console.log(
  `BENCH_JSON ${JSON.stringify({
    node: process.version,
    cpus: os.cpus().length,
    platform: `${os.platform()}/${os.arch()}`,
    unlock,
    sqlite: { ...sqlite, samePragmas },
    ratios,
    elapsedS,
  })}`,
);
