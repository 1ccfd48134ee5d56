/**
 * Export sealing and opening against `age` on the same bytes (docs/benchmarks.md, "Export"):
 * 1 GiB of generated file data plus a records JSON of 1,000 generated records, sealed to 3
 * recipients by sealExport and by `age -r … -r … -r …` (fed records ‖ data), opened by
 * verifyExport (+ extractExport, our second pass) and by `age -d`. Runs alternate ours and age so a
 * busy moment hurts both alike. Our seal runs as the app's export and backup do: the file's known
 * SHA-256 is trusted (`trustSha256`, as for evidence blobs, whose segments are authenticated) and
 * the sink is a file handle that releases its buffers (as atomic-out.ts). Two variants are timed in
 * the same rounds: the source re-hashed while sealing (an unauthenticated source), and the file hash
 * on a second thread (`parallelHash`); and the same seal fed as the app feeds it, from the data
 * stored as an encrypted evidence blob (`blobPlaintext`, evidence/blob-reader.ts: every segment
 * decrypted and authenticated on the way). CPU time (user + system, all threads) is reported beside
 * the wall time: on the shared machine it is the steadier figure. Peak RSS growth is sampled during our seal and open. Also measures
 * both secretstream engines and the effect of the chunk size on the raw stream cipher.
 *
 * Skips the age comparison, with a message, where `age` is not installed (`apt-get install age`).
 * `BENCH_EXPORT_MIB` sets the data size (default 1024); run alone with `node bench/export.ts`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createStreamCipher } from '../electron/core/crypto/secretstream.ts';
import { loadSodium, type Sodium } from '../electron/core/crypto/sodium.ts';
import { blobPlaintext } from '../electron/core/evidence/blob-reader.ts';
import { writeBlob } from '../electron/core/evidence/blob-writer.ts';
import {
  extractExport,
  fileHandleSink,
  fileSource,
  type SealRequest,
  type StreamEngine,
  sealExport,
  verifyExport,
  writableSink,
} from '../electron/core/export/index.ts';
import { median, round } from './stats.ts';

const MIB = 1024 * 1024;

export interface ExportFigures {
  dataMiB: number;
  records: number;
  recordsBytes: number;
  rounds: number;
  ours: {
    sealMs: number;
    /** CPU time of the seal (user + system, every thread of the process), median. */
    sealCpuMs: number;
    /** Same seal with the file re-hashed while it is encrypted (trustSha256 off). */
    sealRehashMs: number;
    sealRehashCpuMs: number;
    /** Same seal with the export file's SHA-256 on a second thread (parallelHash). */
    sealThreadMs: number;
    sealThreadCpuMs: number;
    /** Same seal with the data read from an encrypted evidence blob (the app's export source). */
    sealBlobMs: number;
    sealBlobCpuMs: number;
    verifyMs: number;
    extractMs: number;
    sealLibsodiumMs: number;
    verifyLibsodiumMs: number;
  };
  age: { sealMs: number; sealCpuMs: number; decryptMs: number } | { skipped: string };
  /** Load average (1 min) at the start and end of the measured rounds. */
  loadAverage: [number, number];
  /** Peak growth per export once warm (max over rounds), and the one-time growth of first use. */
  /** seal: the app path; sealThread: with the hash thread (its isolate and shared ring included). */
  rssGrowthMiB: { seal: number; sealThread: number; open: number; firstUse: number };
  exportBytes: number;
  ageBytes?: number;
  ratios: { sealVsAge?: number; sealCpuVsAge?: number; openVsAge?: number; verifyVsAge?: number };
  chunkSizes: Array<{ engine: StreamEngine; chunkBytes: number; mibPerSec: number }>;
}

function ageAvailable(): string | undefined {
  const found = spawnSync('age', ['--version'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Samples RSS every 10 ms; `peakGrowth` is the largest RSS seen minus the RSS at start. */
function rssSampler() {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return (peak - start) / MIB;
    },
  };
}

function generateData(file: string, mib: number): string {
  const block = Buffer.alloc(16 * MIB);
  const hash = createHash('sha256');
  writeFileSync(file, new Uint8Array(0));
  for (let written = 0; written < mib * MIB; written += block.length) {
    randomFillSync(block);
    const part = block.subarray(0, Math.min(block.length, mib * MIB - written));
    hash.update(part);
    writeFileSync(file, part, { flag: 'a' });
  }
  return hash.digest('hex');
}

function generateRecords(count: number): { bytes: Uint8Array; items: Array<{ kind: string; id: string }> } {
  const cases = Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    createdAt: '2026-11-23T12:00:00Z',
    updatedAt: '2026-11-23T12:00:00Z',
    code: `CASE-${String(i).padStart(5, '0')}`,
    kind: 'defender',
    title: `Dossier ${i}: menaces répétées après une intervention publique`,
    status: 'open',
    sensitivity: 'high',
    openedOn: '2026-01-15',
    location: { country: 'Sénégal', region: 'Dakar' },
    summary: 'Intimidations signalées par téléphone et en personne; mesures de protection en cours. '.repeat(
      3,
    ),
    tags: ['menaces', 'protection'],
  }));
  const doc = {
    format: 'casevault.records/1',
    exportedAt: '2026-11-23T12:00:00Z',
    identities: 'omitted',
    cases,
  };
  return {
    bytes: new TextEncoder().encode(JSON.stringify(doc)),
    items: cases.map((c) => ({ kind: 'case', id: c.id })),
  };
}

function identity(sodium: Sodium) {
  const box = sodium.crypto_box_keypair();
  const sign = sodium.crypto_sign_keypair();
  return {
    sender: {
      signingPublicKey: sign.publicKey,
      signingSecretKey: sign.privateKey,
      encryptionPublicKey: box.publicKey,
    },
    opener: { type: 'x25519' as const, publicKey: box.publicKey, secretKey: box.privateKey },
  };
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Wall and CPU time (user + system, all threads of this process) of `run`. */
async function timeCpu(run: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  settleWriteback();
  const cpu = process.cpuUsage();
  const ms = await timeAsync(run);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

function timeShell(command: string): number {
  const started = performance.now();
  execFileSync('sh', ['-c', command], { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - started;
}

/**
 * Flushes dirty pages before a timed run. Writing 1 GiB leaves most of it to be written back, and
 * the kernel makes the NEXT writer do that work once the dirty limit is reached (measured with dd:
 * 0.2 s or 2.1 s of system time for the same 1 GiB write): without this, each run pays part of the
 * previous run's writeback.
 */
function settleWriteback(): void {
  spawnSync('sync');
}

/** A shell command's wall time and its children's CPU time (via /usr/bin/time when present). */
function timeShellCpu(command: string): { ms: number; cpuMs: number | undefined } {
  settleWriteback();
  const hasTime = spawnSync('/usr/bin/time', ['-f', '%U %S', 'true'], { encoding: 'utf8' }).status === 0;
  if (!hasTime) return { ms: timeShell(command), cpuMs: undefined };
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', 'sh', '-c', command], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command}: ${run.stderr}`);
  const [user, system] = (/CPU ([\d.]+) ([\d.]+)/.exec(run.stderr) ?? []).slice(1).map(Number);
  return { ms, cpuMs: user !== undefined && system !== undefined ? (user + system) * 1000 : undefined };
}

function chunkSizeEffect(sodium: Sodium): ExportFigures['chunkSizes'] {
  const out: ExportFigures['chunkSizes'] = [];
  const total = 128 * MIB;
  for (const engine of ['native', 'libsodium'] as const) {
    for (const chunkBytes of [16 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024]) {
      const stream = createStreamCipher(
        sodium,
        sodium.randombytes_buf(32),
        sodium.randombytes_buf(24),
        engine,
      );
      const message = new Uint8Array(chunkBytes);
      const started = performance.now();
      for (let done = 0; done < total; done += chunkBytes) stream.push(message, 0);
      out.push({
        engine,
        chunkBytes,
        mibPerSec: round(total / MIB / ((performance.now() - started) / 1000), 0),
      });
    }
  }
  return out;
}

export async function benchExport(
  dataMiB = Number(process.env.BENCH_EXPORT_MIB ?? '1024'),
  rounds = 2,
): Promise<ExportFigures> {
  const sodium = await loadSodium();
  const dir = mkdtempSync(path.join(tmpdir(), 'casevault-bench-export-'));
  try {
    const data = path.join(dir, 'data.bin');
    const recordsFile = path.join(dir, 'records.json');
    const sealed = path.join(dir, 'out.cvx');
    const ageOut = path.join(dir, 'out.age');
    console.log(`export: generating ${dataMiB} MiB of data and 1,000 records in ${dir} …`);
    const dataSha256 = generateData(data, dataMiB);
    const records = generateRecords(1000);
    writeFileSync(recordsFile, records.bytes);
    // The same bytes as an evidence blob, as the app's export reads them (blobSources in
    // sharing/seal-to-file.ts): the seal's source then decrypts and authenticates every segment.
    const vaultDir = path.join(dir, 'vault');
    const fileKey = sodium.randombytes_buf(32);
    const dataHandle = await open(data, 'r');
    const blob = await writeBlob(sodium, vaultDir, fileKey, {
      size: dataMiB * MIB,
      read: async (into, position) => (await dataHandle.read(into, 0, into.length, position)).bytesRead,
    }).finally(() => dataHandle.close());
    if (blob.sha256 !== dataSha256) throw new Error('evidence blob: hash differs from the data file');
    const blobRef = { blobName: blob.blobName, size: dataMiB * MIB };
    const sender = identity(sodium);
    const recipients = [identity(sodium), identity(sodium), identity(sodium)];
    const request = (trustSha256 = true, fromBlob = false): SealRequest => ({
      sender: sender.sender,
      recipients: recipients.map((r) => ({ type: 'x25519', publicKey: r.opener.publicKey })),
      purpose: 'benchmark',
      records,
      // The evidence store keeps each file's SHA-256, trusted for its authenticated blobs.
      files: [
        {
          id: 'data',
          name: 'data.bin',
          size: dataMiB * MIB,
          sha256: dataSha256,
          trustSha256,
          open: fromBlob ? () => blobPlaintext(sodium, vaultDir, blobRef, fileKey) : () => fileSource(data),
        },
      ],
    });
    const seal = async (
      options: {
        engine?: StreamEngine;
        trustSha256?: boolean;
        parallelHash?: boolean;
        fromBlob?: boolean;
      } = {},
    ) => {
      const handle = await open(sealed, 'w');
      try {
        await sealExport(
          {
            sodium,
            ...(options.engine ? { engine: options.engine } : {}),
            parallelHash: options.parallelHash,
          },
          request(options.trustSha256 ?? true, options.fromBlob ?? false),
          fileHandleSink(handle),
        );
      } finally {
        await handle.close();
      }
    };
    const discard = { file: () => ({ write() {}, close() {}, abort() {} }), records() {} };

    const ageVersion = ageAvailable();
    const keys = ageVersion
      ? recipients.map((_, i) => {
          const keyFile = path.join(dir, `age-${i}.txt`);
          execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
          return {
            keyFile,
            recipient: execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim(),
          };
        })
      : [];
    if (!ageVersion)
      console.log('export: `age` is not installed (apt-get install age): the age comparison is skipped.');

    // First use in a process grows RSS once (JIT, V8 heap sizing, libsodium's WebAssembly memory,
    // which never shrinks): measured apart on a 64 MiB export, so the rounds show per-export growth.
    const warmRss = rssSampler();
    const warmData = path.join(dir, 'warm.bin');
    const warmSha256 = generateData(warmData, 64);
    const warmOut = createWriteStream(sealed, { highWaterMark: MIB });
    await sealExport(
      { sodium },
      {
        ...request(),
        files: [
          { id: 'w', name: 'w.bin', size: 64 * MIB, sha256: warmSha256, open: () => fileSource(warmData) },
        ],
      },
      writableSink(warmOut),
    );
    warmOut.end();
    await once(warmOut, 'close');
    await verifyExport({ sodium }, fileSource(sealed), recipients[0]!.opener);
    const firstUseRssMiB = round(warmRss.stop(), 1);

    const ours = {
      seal: [] as number[],
      sealCpu: [] as number[],
      rehash: [] as number[],
      rehashCpu: [] as number[],
      thread: [] as number[],
      threadCpu: [] as number[],
      blob: [] as number[],
      blobCpu: [] as number[],
      verify: [] as number[],
      extract: [] as number[],
    };
    const age = { seal: [] as number[], sealCpu: [] as number[], decrypt: [] as number[] };
    let rssSeal = 0;
    let rssThread = 0;
    let rssOpen = 0;
    const loadStart = round(loadavg()[0]!, 1);
    for (let round_ = 0; round_ < rounds; round_++) {
      const sealRss = rssSampler();
      const main = await timeCpu(() => seal());
      rssSeal = Math.max(rssSeal, sealRss.stop());
      ours.seal.push(main.ms);
      ours.sealCpu.push(main.cpuMs);
      if (ageVersion) {
        const r = keys.map((k) => `-r ${k.recipient}`).join(' ');
        const timed = timeShellCpu(`cat '${recordsFile}' '${data}' | age ${r} -o '${ageOut}'`);
        age.seal.push(timed.ms);
        if (timed.cpuMs !== undefined) age.sealCpu.push(timed.cpuMs);
      }
      const rehash = await timeCpu(() => seal({ trustSha256: false }));
      ours.rehash.push(rehash.ms);
      ours.rehashCpu.push(rehash.cpuMs);
      const threadRss = rssSampler();
      const thread = await timeCpu(() => seal({ parallelHash: true }));
      rssThread = Math.max(rssThread, threadRss.stop());
      ours.thread.push(thread.ms);
      ours.threadCpu.push(thread.cpuMs);
      const fromBlob = await timeCpu(() => seal({ fromBlob: true }));
      ours.blob.push(fromBlob.ms);
      ours.blobCpu.push(fromBlob.cpuMs);
      const openRss = rssSampler();
      let verified: Awaited<ReturnType<typeof verifyExport>> | undefined;
      ours.verify.push(
        await timeAsync(async () => {
          verified = await verifyExport({ sodium }, fileSource(sealed), recipients[0]!.opener);
        }),
      );
      ours.extract.push(
        await timeAsync(() =>
          extractExport({ sodium }, verified!, fileSource(sealed), recipients[0]!.opener, discard),
        ),
      );
      rssOpen = Math.max(rssOpen, openRss.stop());
      if (ageVersion) age.decrypt.push(timeShell(`age -d -i '${keys[0]!.keyFile}' -o /dev/null '${ageOut}'`));
    }
    const loadEnd = round(loadavg()[0]!, 1);
    const sealLibsodiumMs = await timeAsync(() => seal({ engine: 'libsodium' }));
    const verifyLibsodiumMs = await timeAsync(() =>
      verifyExport({ sodium, engine: 'libsodium' }, fileSource(sealed), recipients[0]!.opener),
    );

    const sealMs = median(ours.seal);
    const verifyMs = median(ours.verify);
    const extractMs = median(ours.extract);
    const figures: ExportFigures = {
      dataMiB,
      records: 1000,
      recordsBytes: records.bytes.length,
      rounds,
      ours: {
        sealMs,
        sealCpuMs: median(ours.sealCpu),
        sealRehashMs: median(ours.rehash),
        sealRehashCpuMs: median(ours.rehashCpu),
        sealThreadMs: median(ours.thread),
        sealThreadCpuMs: median(ours.threadCpu),
        sealBlobMs: median(ours.blob),
        sealBlobCpuMs: median(ours.blobCpu),
        verifyMs,
        extractMs,
        sealLibsodiumMs,
        verifyLibsodiumMs,
      },
      age: ageVersion
        ? {
            sealMs: median(age.seal),
            sealCpuMs: age.sealCpu.length > 0 ? median(age.sealCpu) : Number.NaN,
            decryptMs: median(age.decrypt),
          }
        : { skipped: 'age is not installed' },
      loadAverage: [loadStart, loadEnd],
      rssGrowthMiB: {
        seal: round(rssSeal, 1),
        sealThread: round(rssThread, 1),
        open: round(rssOpen, 1),
        firstUse: firstUseRssMiB,
      },
      exportBytes: statSync(sealed).size,
      ratios: {},
      chunkSizes: chunkSizeEffect(sodium),
    };
    if (ageVersion) {
      const a = figures.age as { sealMs: number; sealCpuMs: number; decryptMs: number };
      figures.ageBytes = statSync(ageOut).size;
      // Rate ratios (ours ÷ age): 1.0× = as fast as age, higher is better.
      figures.ratios = {
        sealVsAge: round(a.sealMs / sealMs, 3),
        sealCpuVsAge: round(a.sealCpuMs / figures.ours.sealCpuMs, 3),
        verifyVsAge: round(a.decryptMs / verifyMs, 3),
        openVsAge: round(a.decryptMs / (verifyMs + extractMs), 3),
      };
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Table rows for bench/run.ts: [measure, ours, baseline, ratio]. */
export function exportRows(f: ExportFigures, targets: { sealVsAge: number; rssGrowthMiB: number }) {
  const s = (ms: number) => `${round(ms / 1000, 2)} s (${round(f.dataMiB / (ms / 1000), 0)} MiB/s)`;
  const age = 'skipped' in f.age ? undefined : f.age;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const rss = Math.max(f.rssGrowthMiB.seal, f.rssGrowthMiB.sealThread, f.rssGrowthMiB.open);
  const cpu = (ms: number) => `${round(ms / 1000, 2)} s CPU`;
  return [
    [
      `export seal: ${f.dataMiB} MiB + ${f.records} records, 3 recipients (load ${f.loadAverage.join('–')})`,
      s(f.ours.sealMs),
      age ? `${s(age.sealMs)} age` : 'age not installed',
      age
        ? `${f.ratios.sealVsAge}× (target ≥ ${targets.sealVsAge}×: ${verdict(f.ratios.sealVsAge! >= targets.sealVsAge)})`
        : '',
    ],
    [
      '  same, CPU time (user + system, all threads)',
      cpu(f.ours.sealCpuMs),
      age ? `${cpu(age.sealCpuMs)} age (+ cat)` : '',
      age ? `${f.ratios.sealCpuVsAge}×` : '',
    ],
    [
      '  same, file re-hashed while sealing (trustSha256 off)',
      `${s(f.ours.sealRehashMs)}, ${cpu(f.ours.sealRehashCpuMs)}`,
      '',
      age ? `${round(age.sealMs / f.ours.sealRehashMs, 3)}×` : '',
    ],
    [
      '  same, export file hash on a second thread (parallelHash)',
      `${s(f.ours.sealThreadMs)}, ${cpu(f.ours.sealThreadCpuMs)}`,
      '',
      age ? `${round(age.sealMs / f.ours.sealThreadMs, 3)}×` : '',
    ],
    [
      "  same, from an encrypted evidence blob (the app's source: blobPlaintext)",
      `${s(f.ours.sealBlobMs)}, ${cpu(f.ours.sealBlobCpuMs)}`,
      '',
      age
        ? `${round(age.sealMs / f.ours.sealBlobMs, 3)}× (CPU ${round(age.sealCpuMs / f.ours.sealBlobCpuMs, 3)}×)`
        : '',
    ],
    [
      '  same, libsodium WebAssembly secretstream engine',
      s(f.ours.sealLibsodiumMs),
      '',
      age ? `${round(age.sealMs / f.ours.sealLibsodiumMs, 3)}×` : '',
    ],
    [
      'export open, phase 1: verify everything (plaintext discarded)',
      s(f.ours.verifyMs),
      age ? `${s(age.decryptMs)} age -d` : '',
      age ? `${f.ratios.verifyVsAge}×` : '',
    ],
    [
      'export open, phases 1 + 2 (verify, then decrypt again to sinks)',
      s(f.ours.verifyMs + f.ours.extractMs),
      age ? `${s(age.decryptMs)} age -d` : '',
      age ? `${f.ratios.openVsAge}×` : '',
    ],
    ['  verify with the libsodium engine', s(f.ours.verifyLibsodiumMs), '', ''],
    [
      'export peak RSS growth per export (seal / seal with hash thread / open)',
      `${f.rssGrowthMiB.seal} / ${f.rssGrowthMiB.sealThread} / ${f.rssGrowthMiB.open} MiB`,
      `first use in the process: ${f.rssGrowthMiB.firstUse} MiB (once)`,
      `target ≤ ${targets.rssGrowthMiB} MiB: ${verdict(rss <= targets.rssGrowthMiB)}`,
    ],
  ] as Array<[string, string, string, string]>;
}

if (import.meta.main) {
  const figures = await benchExport();
  for (const row of exportRows(figures, { sealVsAge: 1, rssGrowthMiB: 64 })) console.log(row.join('  |  '));
  console.log(
    `chunk sizes (raw push, MiB/s): ${figures.chunkSizes.map((c) => `${c.engine} ${c.chunkBytes / 1024} KiB ${c.mibPerSec}`).join(', ')}`,
  );
  console.log(`BENCH_EXPORT_JSON ${JSON.stringify(figures)}`);
}
