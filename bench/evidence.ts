/**
 * Evidence intake on one generated file (1 GiB by default; BENCH_EVIDENCE_MIB to change): the full
 * intake (read, SHA-256, type, metadata, encrypt, write, fsync, rename, commit), once, against `cp`
 * of the same file on the same disk (spawned, page cache warm for both; median of 3), against `cp` +
 * fsync of the copy (median of 3),
 * and against libsodium's in-memory secretstream rate; peak RSS growth during the intake. Also the
 * in-memory rates of each stage, the intake thread's CPU time and the GC pauses during the intake,
 * and the load average, so a missed target says what costs what on a shared, loaded machine.
 * Runs inside `npm run bench`, or alone: `node bench/evidence.ts` (Node 24).
 */
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  promises as fsp,
  fsyncSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { loadSodium } from '../electron/core/crypto/sodium.ts';
import { BlobEncryptor } from '../electron/core/evidence/blob-format.ts';
import { writeBlob } from '../electron/core/evidence/blob-writer.ts';
import { EvidenceService } from '../electron/core/evidence/evidence-service.ts';
import { RecordsService } from '../electron/core/records/records-service.ts';
import { createVault } from '../electron/core/vault/vault.ts';
import { median, round } from './stats.ts';

const MIB = 1024 * 1024;
export const EVIDENCE_TARGETS = { intakeOverCp: 0.8, rssGrowthMiB: 64 };

export interface EvidenceBench {
  bytes: number;
  intakeMBps: number;
  cpMBps: number;
  cpFsyncMBps: number;
  intakeOverCp: number;
  intakeOverCpFsync: number;
  libsodiumSecretstreamMBps: number;
  intakeOverLibsodium: number;
  nativeSecretstreamMBps: number;
  sha256MBps: number;
  blobEncryptorMBps: number;
  verifyMBps: number;
  writerInlineHashMBps: number;
  writerThreadHashMBps: number;
  /** CPU time of the intake's own thread (ms): its critical path when the other core is free. */
  writerInlineHashThreadCpuMs: number;
  writerThreadHashThreadCpuMs: number;
  intakeThreadCpuMs: number;
  /** CPU time of the whole process during the intake (ms): every thread, the hash thread included. */
  intakeProcessCpuMs: number;
  /** Garbage-collection pauses on the intake's thread during the intake (ms, count). */
  intakeGcMs: number;
  intakeGcCount: number;
  loadAverage: [number, number];
  peakRssGrowthMiB: number;
  met: { intakeOverCp: boolean; rssGrowthMiB: boolean };
}

const mbps = (bytes: number, ms: number) => round(bytes / 1e6 / (ms / 1000), 1);

function generateFile(file: string, bytes: number): void {
  const block = randomBytes(4 * MIB);
  const fd = openSync(file, 'w');
  try {
    for (let at = 0; at < bytes; at += block.length) {
      block.writeDoubleLE(at, 0); // every block differs a little
      writeSync(fd, block, 0, Math.min(block.length, bytes - at));
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads the file once through a 4 MiB buffer (not into one big buffer: that would skew the RSS figure). */
function warmPageCache(file: string): void {
  const buffer = Buffer.alloc(4 * MIB);
  const fd = openSync(file, 'r');
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

function timeMs(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** In-memory rate of a stage over `total` bytes fed in 64 KiB pieces. */
function rate(total: number, stage: (piece: Uint8Array) => void): number {
  const piece = randomBytes(64 * 1024);
  const start = performance.now();
  for (let done = 0; done < total; done += piece.length) stage(piece);
  return mbps(total, performance.now() - start);
}

export async function benchEvidence(
  bytes = Number(process.env.BENCH_EVIDENCE_MIB ?? 1024) * MIB,
): Promise<EvidenceBench> {
  const sodium = await loadSodium();
  const loadStart = os.loadavg()[0]!;
  const root = mkdtempSync(path.join(os.tmpdir(), 'casevault-bench-evidence-'));
  try {
    const source = path.join(root, 'source.bin');
    generateFile(source, bytes);
    warmPageCache(source); // for cp and intake alike (the file fits in RAM here)

    // cp and cp + fsync run three times each, around the intake (two before, one after, and the
    // other way round), and the medians are used: one cp of 1 GiB takes well under a second and
    // swings with what other jobs do to the disk at that moment.
    const copy = path.join(root, 'copy.bin');
    const cp = () => {
      const ms = timeMs(() => spawnSync('cp', [source, copy], { stdio: 'ignore' }));
      rmSync(copy);
      return ms;
    };
    const cpFsync = () => {
      const ms = timeMs(() => {
        spawnSync('cp', [source, copy], { stdio: 'ignore' });
        const fd = openSync(copy, 'r+');
        try {
          fsyncSync(fd); // as the intake does before its rename
        } finally {
          closeSync(fd);
        }
      });
      rmSync(copy);
      return ms;
    };
    const cpRuns = [cp(), cp()];
    const cpFsyncRuns = [cpFsync()];

    const { session } = await createVault(path.join(root, 'vault'), 'bench passphrase 2026 évidence', {
      kdf: { opslimit: 2, memlimit: 64 * MIB },
      recoveryKdf: { opslimit: 2, memlimit: 64 * MIB },
    });
    const caseId = new RecordsService(session).create('case', {
      code: 'BENCH-EV',
      kind: 'other',
      title: 'bench',
      openedOn: '2026-01-01',
    }).id;
    const evidence = new EvidenceService(session);
    // Warm-up: the first intake loads file-type and exifr; their code is not the intake's growth.
    const small = path.join(root, 'small.txt');
    writeFileSync(small, 'warm-up');
    await evidence.add({ caseId, path: small });
    // memoryUsage.rss() only reads RSS; memoryUsage() also walks V8's heap spaces, and at one call
    // per 10 ms that cost ~4% of the intake thread in a profile.
    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 10);
    let gcMs = 0;
    let gcCount = 0;
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        gcMs += entry.duration;
        gcCount++;
      }
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    const processCpu = process.cpuUsage();
    const threadCpu = process.threadCpuUsage();
    const start = performance.now();
    const item = await evidence.add({ caseId, path: source });
    const intakeMs = performance.now() - start;
    const intakeThread = process.threadCpuUsage(threadCpu);
    const intakeProcess = process.cpuUsage(processCpu);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    await new Promise((resolve) => setTimeout(resolve, 20)); // GC entries are delivered async
    gcObserver.disconnect();
    if (item.size !== bytes) throw new Error('intake size mismatch');
    const verifyStart = performance.now();
    const [verified] = await evidence.verify([item.id]);
    const verifyMs = performance.now() - verifyStart;
    if (!verified?.ok) throw new Error('verify failed');
    cpRuns.push(cp());
    cpFsyncRuns.push(cpFsync(), cpFsync());
    const cpMs = median(cpRuns);
    const cpFsyncMs = median(cpFsyncRuns);
    evidence.close();
    session.lock();

    // The blob writer alone, hashing on this thread and then on a second one (same file).
    const writerMBps = async (parallelHash: boolean) => {
      const handle = await fsp.open(source, 'r');
      const cpu = process.threadCpuUsage();
      const start = performance.now();
      try {
        const written = await writeBlob(
          sodium,
          path.join(root, 'writer'),
          sodium.randombytes_buf(32),
          { size: bytes, read: async (into, at) => (await handle.read(into, 0, into.length, at)).bytesRead },
          { parallelHash },
        );
        const ms = performance.now() - start;
        const used = process.threadCpuUsage(cpu);
        rmSync(path.join(root, 'writer', 'evidence', written.blobName));
        return { mbps: mbps(bytes, ms), threadCpuMs: Math.round((used.user + used.system) / 1000) };
      } finally {
        await handle.close();
      }
    };
    // Alternated (inline, thread, thread, inline) and averaged: the load moves during a run.
    const inlineA = await writerMBps(false);
    const threadA = await writerMBps(true);
    const threadB = await writerMBps(true);
    const inlineB = await writerMBps(false);
    const mean = (a: number, b: number) => round((a + b) / 2, 1);

    const sample = 256 * MIB;
    const key = sodium.randombytes_buf(32);
    const { state } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    const libsodiumMBps = rate(sample, (p) => {
      sodium.crypto_secretstream_xchacha20poly1305_push(state, p, null, 0);
    });
    const k = randomBytes(32);
    const nonce = randomBytes(12);
    const nativeMBps = rate(sample, (p) => {
      const c = createCipheriv('chacha20-poly1305', k, nonce, { authTagLength: 16 });
      c.update(p);
      c.final();
      c.getAuthTag();
    });
    const hash = createHash('sha256');
    const shaMBps = rate(sample, (p) => hash.update(p));
    const encryptor = new BlobEncryptor(sodium, key);
    const big = randomBytes(4 * MIB);
    const encStart = performance.now();
    for (let done = 0; done < sample; done += big.length) encryptor.push(big);
    encryptor.finish();
    const encryptorMBps = mbps(sample, performance.now() - encStart);

    const intakeMBps = mbps(bytes, intakeMs);
    const cpMBps = mbps(bytes, cpMs);
    const cpFsyncMBps = mbps(bytes, cpFsyncMs);
    const growth = round((peak - baseline) / MIB, 1);
    return {
      bytes,
      intakeMBps,
      cpMBps,
      cpFsyncMBps,
      intakeOverCp: round(intakeMBps / cpMBps, 3),
      intakeOverCpFsync: round(intakeMBps / cpFsyncMBps, 3),
      libsodiumSecretstreamMBps: libsodiumMBps,
      intakeOverLibsodium: round(intakeMBps / libsodiumMBps, 3),
      nativeSecretstreamMBps: nativeMBps,
      sha256MBps: shaMBps,
      blobEncryptorMBps: encryptorMBps,
      verifyMBps: mbps(bytes, verifyMs),
      writerInlineHashMBps: mean(inlineA.mbps, inlineB.mbps),
      writerThreadHashMBps: mean(threadA.mbps, threadB.mbps),
      writerInlineHashThreadCpuMs: Math.round(mean(inlineA.threadCpuMs, inlineB.threadCpuMs)),
      writerThreadHashThreadCpuMs: Math.round(mean(threadA.threadCpuMs, threadB.threadCpuMs)),
      intakeThreadCpuMs: Math.round((intakeThread.user + intakeThread.system) / 1000),
      intakeProcessCpuMs: Math.round((intakeProcess.user + intakeProcess.system) / 1000),
      intakeGcMs: Math.round(gcMs),
      intakeGcCount: gcCount,
      loadAverage: [round(loadStart, 2), round(os.loadavg()[0]!, 2)],
      peakRssGrowthMiB: growth,
      met: {
        intakeOverCp: intakeMBps / cpMBps >= EVIDENCE_TARGETS.intakeOverCp,
        rssGrowthMiB: growth <= EVIDENCE_TARGETS.rssGrowthMiB,
      },
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function evidenceRows(e: EvidenceBench): Array<[string, string, string, string]> {
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const gib = round(e.bytes / 1024 ** 3, 2);
  return [
    [
      `evidence intake of a ${gib} GiB file (hash, type, encrypt, write, fsync, commit)`,
      `${e.intakeMBps} MB/s`,
      `${e.cpMBps} MB/s cp`,
      `${e.intakeOverCp}× (target ≥ ${EVIDENCE_TARGETS.intakeOverCp}×: ${verdict(e.met.intakeOverCp)})`,
    ],
    [
      '  same, against cp + fsync of the copy',
      `${e.intakeMBps} MB/s`,
      `${e.cpFsyncMBps} MB/s`,
      `${e.intakeOverCpFsync}×`,
    ],
    [
      '  against libsodium secretstream in memory (WASM, 64 KiB)',
      `${e.intakeMBps} MB/s`,
      `${e.libsodiumSecretstreamMBps} MB/s`,
      `${e.intakeOverLibsodium}×`,
    ],
    [
      '  intake CPU: its own thread | whole process | GC pauses on its thread',
      `${e.intakeThreadCpuMs} | ${e.intakeProcessCpuMs} | ${e.intakeGcMs} ms (${e.intakeGcCount} GCs)`,
      '',
      `load average ${e.loadAverage[0]} → ${e.loadAverage[1]}`,
    ],
    [
      '  peak RSS growth during the intake',
      `${e.peakRssGrowthMiB} MiB`,
      '',
      `target ≤ ${EVIDENCE_TARGETS.rssGrowthMiB} MiB: ${verdict(e.met.rssGrowthMiB)}`,
    ],
    ['  verify of the same item (decrypt, authenticate, re-hash)', `${e.verifyMBps} MB/s`, '', ''],
    [
      '  blob writer alone (no database), SHA-256 on a second thread vs inline',
      `${e.writerThreadHashMBps} MB/s`,
      `${e.writerInlineHashMBps} MB/s inline`,
      `${round(e.writerThreadHashMBps / e.writerInlineHashMBps, 3)}×`,
    ],
    [
      "  same, CPU of the writer's own thread: hash thread vs inline",
      `${e.writerThreadHashThreadCpuMs} ms`,
      `${e.writerInlineHashThreadCpuMs} ms inline`,
      `${round(e.writerThreadHashThreadCpuMs / e.writerInlineHashThreadCpuMs, 3)}×`,
    ],
    [
      '  stages in memory: SHA-256 | native ChaCha20-Poly1305 | our blob encryptor',
      `${e.sha256MBps} | ${e.nativeSecretstreamMBps} | ${e.blobEncryptorMBps} MB/s`,
      '',
      '',
    ],
  ];
}

if (import.meta.main) {
  const result = await benchEvidence();
  for (const row of evidenceRows(result)) console.log(row.join('  '));
  console.log(`BENCH_EVIDENCE_JSON ${JSON.stringify(result)}`);
}
