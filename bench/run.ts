/**
 * `npm run bench` (through scripts/bench.mjs). One run measures both sides of every comparison, so
 * the figures that matter are the ratios; absolute numbers only describe this machine today.
 * Prints a table for people and a final `BENCH_JSON {...}` line for machines.
 */
import os from 'node:os';
import { benchEvidence, evidenceRows } from './evidence.ts';
import { benchExport, type ExportFigures, exportRows } from './export.ts';
import { benchRecords, casesAtScale } from './records.ts';
import { benchReports } from './reports.ts';
import { benchSqlite } from './sqlite.ts';
import { round } from './stats.ts';
import { benchUnlock } from './unlock.ts';

const UNLOCK_RUNS = 5;
const ROWS = 100_000;
const READS = 200_000;
const SQLITE_ROUNDS = 3;
/** Targets from the case-records issue, printed next to the figures (never asserted). */
const TARGETS = { importRatio: 0.8, searchP95Ms: 20, caseListPageMs: 5 };

/** BENCH_SCALE=0.1 shrinks the records section (100k cases, 1M child records at 1) for quick runs. */
const scale = Number(process.env.BENCH_SCALE ?? '1');
if (!(scale > 0 && scale <= 10)) {
  console.error(`bench: BENCH_SCALE must be a number in (0, 10], got ${process.env.BENCH_SCALE}`);
  process.exit(1);
}
/** Investigation only: `;`-separated pragmas set on BOTH engines before the records import. */
const extraPragmas = (process.env.BENCH_RECORDS_PRAGMAS ?? '')
  .split(';')
  .map((p) => p.trim())
  .filter(Boolean);

const started = performance.now();
console.log(
  `CaseVault bench — Node ${process.version}, ${os.cpus().length} CPU(s), ${os.platform()}/${os.arch()}`,
);

const unlock = await benchUnlock(UNLOCK_RUNS);
const sqlite = await benchSqlite(ROWS, READS, SQLITE_ROUNDS);
const recordsCases = casesAtScale(scale);
console.log(
  `records: importing ${recordsCases} cases × 11 records on each engine (BENCH_SCALE=${scale}), then search and case list …`,
);
const records = await benchRecords(scale, extraPragmas);
console.log('evidence: intake of a 1 GiB generated file against cp, libsodium in memory, RSS …');
const evidence = await benchEvidence();
/** Export section (bench/export.ts): BENCH_EXPORT_MIB sets the data size (default 1024), 0 skips it. */
const exportMiB = Number(process.env.BENCH_EXPORT_MIB ?? '1024');
const EXPORT_TARGETS = { sealVsAge: 1.0, rssGrowthMiB: 64 };
const exportFigures: ExportFigures | undefined = exportMiB > 0 ? await benchExport(exportMiB) : undefined;
console.log(
  `reports: seeding ${casesAtScale(scale)} generated cases into a vault, then building each report …`,
);
const reports = await benchReports(scale);
/** From the reports issue: each report built over 100k cases in at most 500 ms (printed, never asserted). */
const REPORT_TARGET_MS = 500;

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
  recordsImportEncryptedOverPlain: records.import.ratio,
  recordsSearchP50EncryptedOverPlain: records.search.p50Ratio,
  recordsSearchP95EncryptedOverPlain: records.search.p95Ratio,
  recordsCaseListEncryptedOverPlain: Object.fromEntries(records.caseList.map((p) => [p.label, p.ratio])),
};

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const ms = (value: number) => `${round(value, 2)} ms`;
const searchP95Ok = records.search.encrypted.p95Ms <= TARGETS.searchP95Ms;
const slowestPageMs = Math.max(...records.caseList.map((p) => p.encryptedMedianMs));
const targets = {
  importRatio: { target: TARGETS.importRatio, value: records.import.ratio },
  searchP95Ms: { target: TARGETS.searchP95Ms, value: records.search.encrypted.p95Ms },
  caseListPageMs: { target: TARGETS.caseListPageMs, value: slowestPageMs },
  met: {
    importRatio: records.import.ratio >= TARGETS.importRatio,
    searchP95Ms: searchP95Ok,
    caseListPageMs: slowestPageMs <= TARGETS.caseListPageMs,
  },
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
  [
    `records import: ${records.cases} cases + ${records.textRows} child records (~${records.meanTextBytes} B texts), 1 transaction`,
    `${Math.round(records.import.encrypted.recordsPerSec)} records/s`,
    `${Math.round(records.import.plain.recordsPerSec)} records/s plain`,
    `${records.import.ratio}× (target ≥ ${TARGETS.importRatio}×: ${verdict(targets.met.importRatio)})`,
  ],
  [
    '  of which the commit (WAL write-out + checkpoint)',
    ms(records.import.encrypted.commitMs),
    ms(records.import.plain.commitMs),
    `${round(records.import.encrypted.commitMs / records.import.plain.commitMs, 3)}× time`,
  ],
  [
    `search p50, ${records.search.queries} queries (searchRecords)`,
    ms(records.search.encrypted.p50Ms),
    `${ms(records.search.plain.p50Ms)} plain`,
    `${records.search.p50Ratio}× time`,
  ],
  [
    'search p95',
    ms(records.search.encrypted.p95Ms),
    `${ms(records.search.plain.p95Ms)} plain`,
    `${records.search.p95Ratio}× time (target ≤ ${TARGETS.searchP95Ms} ms: ${verdict(searchP95Ok)})`,
  ],
  ...records.caseList.map((page): [string, string, string, string] => [
    `case list page of 100 (listCases), ${page.label}, median of 15`,
    ms(page.encryptedMedianMs),
    `${ms(page.plainMedianMs)} plain`,
    `${page.ratio}× time (target ≤ ${TARGETS.caseListPageMs} ms: ${verdict(page.encryptedMedianMs <= TARGETS.caseListPageMs)})`,
  ]),
  ...evidenceRows(evidence),
  ...(exportFigures ? exportRows(exportFigures, EXPORT_TARGETS) : []),
];
for (const r of reports.reports) {
  const baseline = reports.baselineMs[r.period]!;
  const previous = reports.previous[r.period]!;
  const [load0, load1] = reports.loadAverage[r.period]!;
  table.push([
    `report ${r.reportId}, ${r.period}, ${reports.cases} cases: cold build (median of 3; load ${load0}–${load1})`,
    `${ms(r.medianMs)} (CPU ${ms(r.cpuMs)})`,
    `${ms(previous.medianMs)} (CPU ${ms(previous.cpuMs)}) previous engine; ${ms(baseline)} plain GROUP BY`,
    `${round(r.medianMs / previous.medianMs, 2)}× previous (CPU ${round(r.cpuMs / previous.cpuMs, 2)}×), ${round(r.medianMs / REPORT_TARGET_MS, 1)}× target (≤ ${REPORT_TARGET_MS} ms: ${verdict(r.medianMs <= REPORT_TARGET_MS)})`,
  ]);
  table.push([
    '  same report, another one of the period built before (cached base)',
    ms(r.warmMs),
    '',
    `target ≤ ${REPORT_TARGET_MS} ms: ${verdict(r.warmMs <= REPORT_TARGET_MS)}`,
  ]);
}
const widths = [0, 1, 2, 3].map((col) => Math.max(...table.map((row) => row[col]!.length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log(`pragmas (both engines): ${JSON.stringify(sqlite.encrypted.pragmas)}`);
const samePragmas = JSON.stringify(sqlite.encrypted.pragmas) === JSON.stringify(sqlite.plain.pragmas);
if (!samePragmas) console.log(`WARNING: plain pragmas differ: ${JSON.stringify(sqlite.plain.pragmas)}`);
console.log(`records pragmas (both engines): ${JSON.stringify(records.pragmas.encrypted)}`);
if (!records.samePragmas)
  console.log(`WARNING: records plain pragmas differ: ${JSON.stringify(records.pragmas.plain)}`);
if (records.extraPragmas.length > 0)
  console.log(
    `records: extra pragmas on both engines (BENCH_RECORDS_PRAGMAS): ${records.extraPragmas.join('; ')}`,
  );
console.log(
  `records import per tenth, records/s: ours ${records.import.encrypted.tenthsRecordsPerSec.join(' ')} | plain ${records.import.plain.tenthsRecordsPerSec.join(' ')}`,
);
console.log(
  `records search: same hits on both engines: ${records.search.sameResults}; slowest (ours/plain ms): ${records.search.slowest
    .map(
      (q) =>
        `"${q.query}"${Object.keys(q.filters).length ? ` ${JSON.stringify(q.filters)}` : ''} ${q.encryptedMs}/${q.plainMs}`,
    )
    .join(', ')}`,
);
if (exportFigures) {
  console.log(
    `export: secretstream push by chunk size, MiB/s: ${exportFigures.chunkSizes
      .map((c) => `${c.engine} ${c.chunkBytes / 1024} KiB ${c.mibPerSec}`)
      .join(', ')}`,
  );
} else console.log('export: skipped (BENCH_EXPORT_MIB=0)');
const elapsedS = round((performance.now() - started) / 1000, 1);
console.log(`total ${elapsedS} s`);

console.log(
  `BENCH_JSON ${JSON.stringify({
    node: process.version,
    cpus: os.cpus().length,
    platform: `${os.platform()}/${os.arch()}`,
    unlock,
    sqlite: { ...sqlite, samePragmas },
    records,
    evidence,
    reports: { ...reports, targetMs: REPORT_TARGET_MS },
    ratios,
    targets,
    export: exportFigures ? { ...exportFigures, targets: EXPORT_TARGETS } : null,
    elapsedS,
  })}`,
);
