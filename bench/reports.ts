/**
 * Reports at scale: a real vault (createVault, SQLCipher) holding `casesAtScale(scale)` generated
 * cases (100k at scale 1, with their people, consents, ~2 incidents, referrals, risk entries and
 * measures each: bench/reports-data.ts), then the time to build each ready-made report — facts,
 * every table of every report, disclosure control — over a year and over three years.
 *
 * The rows are written straight into the store's tables with the store's own column mapping
 * (ENTITIES) after validation with the shared schemas, skipping the search index and history that
 * reports never read: createRecord prepares its statements on every call, which at a million
 * records exhausts native memory (docs/benchmarks.md, Findings), and this bench measures reports,
 * not writes.
 *
 * Baselines, in the same run and on the same vault: the previous engine (frozen in
 * bench/previous-report-engine/, one SQL join per unit and one object per fact), building the same
 * protected base; and one plain GROUP BY over the incidents of the period (kind × month, json_extract
 * of one field). Runs alternate the two engines so a busy moment of the shared machine hurts both.
 * Each cold build also gives its process CPU time, less sensitive to other jobs than the wall time,
 * and the load average is printed with the figures (docs/benchmarks.md, Reports).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { VaultDatabase } from '../electron/core/db/open.ts';
import { ENTITIES } from '../electron/core/records/entities.ts';
import type { Universe } from '../electron/core/reports/engine.ts';
import { buildReport, reportFromUniverse } from '../electron/core/reports/report-model.ts';
import { ReportsService } from '../electron/core/reports/reports-service.ts';
import { createVault } from '../electron/core/vault/vault.ts';
import { REPORT_DEFINITIONS } from '../shared/reports/definitions.ts';
import { buildUniverse as previousUniverse } from './previous-report-engine/engine.ts';
import { casesAtScale } from './records.ts';
import { ReportsDataGenerator } from './reports-data.ts';
import { median, round } from './stats.ts';

const MIB = 1024 * 1024;
const FAST_KDF = { opslimit: 2, memlimit: 64 * MIB };
const RUNS = 3;
const TODAY = '2026-01-15';
const PERIODS = [
  { label: '1 year by month', from: '2025-01-01', to: '2025-12-31', granularity: 'month' as const },
  { label: '3 years by quarter', from: '2023-01-01', to: '2025-12-31', granularity: 'quarter' as const },
];

export interface ReportsFigures {
  cases: number;
  rows: number;
  seedSeconds: number;
  baselineMs: Record<string, number>;
  /** Per period: the previous engine's cold build (median of RUNS), wall and CPU. */
  previous: Record<string, { medianMs: number; cpuMs: number }>;
  /** Per period: the 1-minute load average before and after its measures. */
  loadAverage: Record<string, [number, number]>;
  /**
   * medianMs: a cold build (facts, every table of every report, protection) — what the first report
   * of a period costs; cpuMs: its process CPU time (median). warmMs: the same report from
   * ReportsService once another report of the same period was built (the protected base is cached
   * until the next write).
   */
  reports: Array<{
    reportId: string;
    period: string;
    medianMs: number;
    maxMs: number;
    cpuMs: number;
    warmMs: number;
    hiddenCells: number;
  }>;
}

/**
 * Writes `cases` generated cases (with all their children) straight into the store's tables, 1000
 * cases per transaction; returns the number of rows written. Shared by the bench and by probes
 * that keep a seeded vault between runs.
 */
export function seedReportsVault(db: VaultDatabase, cases: number, seed = 2026): number {
  const generator = new ReportsDataGenerator({
    seed,
    from: '2023-01-01',
    to: '2025-12-31',
    regions: 16,
  });
  const inserts = new Map(
    Object.values(ENTITIES).map((def) => {
      const columns = ['id', ...def.columns, 'data', 'created_at', 'updated_at'];
      return [
        def.name,
        db.prepare(
          `INSERT INTO ${def.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        ),
      ];
    }),
  );
  const casePerson = db.prepare(
    'INSERT OR IGNORE INTO case_people (case_id, person_id, role) VALUES (?, ?, ?)',
  );
  const incidentPerson = db.prepare(
    'INSERT OR IGNORE INTO incident_people (incident_id, person_id, role) VALUES (?, ?, ?)',
  );
  const planCase = new Map<string, string>();
  let rows = 0;
  const at = '2026-01-01T00:00:00.000Z';
  for (let start = 0; start < cases; start += 1000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + 1000, cases); i++) {
        const { records, links } = generator.bundle(i);
        for (const r of records) {
          const def = ENTITIES[r.kind];
          const record: Record<string, unknown> = {
            ...(def.schema.parse(r.data) as Record<string, unknown>),
            id: r.id,
            createdAt: at,
            updatedAt: at,
          };
          if (r.kind === 'protectionPlan') planCase.set(r.id, record.caseId as string);
          if (r.kind === 'planMeasure') record.caseId = planCase.get(record.planId as string);
          inserts.get(r.kind)!.run(r.id, ...def.values(record as never), JSON.stringify(record), at, at);
          rows++;
          if (r.kind === 'incident')
            for (const p of record.people as Array<{ personId: string; role: string }>)
              incidentPerson.run(r.id, p.personId, p.role);
          if (r.kind === 'person')
            for (const l of links.filter((x) => x.personId === r.id))
              casePerson.run(l.caseId, l.personId, l.role);
        }
      }
    })();
  }
  return rows;
}

export async function benchReports(scale: number): Promise<ReportsFigures> {
  const cases = casesAtScale(scale);
  const dir = await mkdtemp(path.join(tmpdir(), 'casevault-bench-reports-'));
  try {
    const { session } = await createVault(path.join(dir, 'vault'), 'bench reports passphrase', {
      kdf: FAST_KDF,
      recoveryKdf: FAST_KDF,
    });
    const db = session.db;
    const started = performance.now();
    const rows = seedReportsVault(db, cases);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    const seedSeconds = round((performance.now() - started) / 1000, 1);

    const baselineMs: Record<string, number> = {};
    const previous: ReportsFigures['previous'] = {};
    const loadAverage: ReportsFigures['loadAverage'] = {};
    const figures: ReportsFigures['reports'] = [];
    const cpuNow = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    for (const period of PERIODS) {
      const load0 = loadavg()[0]!;
      const plain = db.prepare(
        `SELECT kind, substr(occurred_on, 1, 7) AS month, json_extract(data, '$.verification') AS v, count(*)
           FROM incidents WHERE occurred_on BETWEEN ? AND ? GROUP BY kind, month, v`,
      );
      const base: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now();
        plain.all(period.from, period.to);
        base.push(performance.now() - t0);
      }
      baselineMs[period.label] = round(median(base), 1);
      const query = { from: period.from, to: period.to, granularity: period.granularity, today: TODAY };
      const times = new Map(
        REPORT_DEFINITIONS.map((d) => [d.id, { wall: [] as number[], cpu: [] as number[] }]),
      );
      const hidden = new Map<string, number>();
      const before = { wall: [] as number[], cpu: [] as number[] };
      for (let run = 0; run < RUNS; run++) {
        for (const def of REPORT_DEFINITIONS) {
          const c0 = cpuNow();
          const t0 = performance.now();
          const report = buildReport(db, { reportId: def.id, ...query });
          times.get(def.id)!.wall.push(performance.now() - t0);
          times.get(def.id)!.cpu.push(cpuNow() - c0);
          hidden.set(def.id, report.notes.suppressedCells);
        }
        // The previous engine, same vault, same query: one cold build of the first report.
        const c0 = cpuNow();
        const t0 = performance.now();
        reportFromUniverse(previousUniverse(db, query) as unknown as Universe, REPORT_DEFINITIONS[0]!);
        before.wall.push(performance.now() - t0);
        before.cpu.push(cpuNow() - c0);
      }
      previous[period.label] = {
        medianMs: round(median(before.wall), 1),
        cpuMs: round(median(before.cpu), 1),
      };
      for (const def of REPORT_DEFINITIONS) {
        const t = times.get(def.id)!;
        figures.push({
          reportId: def.id,
          period: period.label,
          medianMs: round(median(t.wall), 1),
          maxMs: round(Math.max(...t.wall), 1),
          cpuMs: round(median(t.cpu), 1),
          warmMs: 0,
          hiddenCells: hidden.get(def.id)!,
        });
      }
      const service = new ReportsService(db, session.auditMac, { now: () => new Date(`${TODAY}T12:00:00Z`) });
      service.build({ reportId: 'intake', ...period });
      for (const figure of figures.filter((f) => f.period === period.label)) {
        const t0 = performance.now();
        service.build({ reportId: figure.reportId, ...period });
        figure.warmMs = round(performance.now() - t0, 1);
      }
      loadAverage[period.label] = [round(load0, 1), round(loadavg()[0]!, 1)];
    }
    session.lock();
    return { cases, rows, seedSeconds, baselineMs, previous, loadAverage, reports: figures };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const scale = Number(process.env.BENCH_SCALE ?? '0.1');
  console.log(JSON.stringify(await benchReports(scale), null, 1));
}
