/**
 * Reports on one unlocked vault session: the list of ready-made reports, a built report (table
 * model, suppressed cells carry no value), its bytes (CSV or JSON), and the audit entry written
 * whenever a report leaves the vault as a file. Reports run in the vault worker, off the UI thread.
 */
import type { Language } from '../../../shared/errors.ts';
import { REPORT_DEFINITIONS } from '../../../shared/reports/definitions.ts';
import type { Label } from '../../../shared/reports/dimensions.ts';
import type { ReportModel, ReportQuery } from '../../../shared/reports/model.ts';
import type { VaultDatabase } from '../db/open.ts';
import { type AuditMac, appendAudit } from '../records/audit.ts';
import { buildUniverse, definitionOf, type Universe } from './engine.ts';
import { type ReportFormat, renderReport } from './render.ts';
import { reportFromUniverse } from './report-model.ts';

export interface ReportSummary {
  id: string;
  label: Label;
  description: Label;
  tables: Array<{ id: string; label: Label; chart: string }>;
}

export interface ReportsServiceOptions {
  now?: () => Date;
  actor?: string;
}

export class ReportsService {
  readonly #db: VaultDatabase;
  readonly #mac: AuditMac;
  readonly #now: () => Date;
  readonly #actor: string;
  /**
   * The last protected base: reports over the same period, granularity and threshold share it, so
   * switching report on the screen does not recount. Keyed also by SQLite's count of rows changed on
   * this connection (the worker's only one), so any write makes it stale.
   */
  #cache: { key: string; universe: Universe } | undefined;

  /** The unlocked vault's database and audit MAC (a VaultSession's `db` and `auditMac`). */
  constructor(db: VaultDatabase, mac: AuditMac, options: ReportsServiceOptions = {}) {
    this.#db = db;
    this.#mac = mac;
    this.#now = options.now ?? (() => new Date());
    this.#actor = options.actor ?? 'owner';
  }

  list(): ReportSummary[] {
    return REPORT_DEFINITIONS.map((d) => ({
      id: d.id,
      label: d.label,
      description: d.description,
      tables: d.tables.map((t) => ({ id: t.id, label: t.label, chart: t.chart })),
    }));
  }

  build(query: ReportQuery): ReportModel {
    const def = definitionOf(query.reportId);
    const today = this.#now().toISOString().slice(0, 10);
    const changes = this.#db.prepare('SELECT total_changes()').pluck().get() as number;
    const key = JSON.stringify([
      query.from,
      query.to,
      query.granularity ?? 'month',
      query.threshold ?? null,
      today,
      changes,
    ]);
    if (this.#cache?.key !== key) {
      this.#cache = undefined;
      this.#cache = { key, universe: buildUniverse(this.#db, { ...query, today }) };
    }
    return reportFromUniverse(this.#cache.universe, def);
  }

  /** The report as bytes; the seam a sealed export of a report will use. */
  render(
    query: ReportQuery,
    format: ReportFormat,
    language: Language,
  ): { report: ReportModel; bytes: Uint8Array } {
    const report = this.build(query);
    return { report, bytes: renderReport(report, format, language) };
  }

  /** Records that a report left the vault (saved to a file): which report, period, threshold, format. */
  recordExport(report: ReportModel, format: ReportFormat, via: 'app' | 'cli'): void {
    // The model is rebuilt from the same query by callers that only kept the query; its notes are
    // not logged, only what identifies the report.
    const db = this.#db;
    db.transaction(() =>
      appendAudit(db, this.#mac, {
        at: this.#now().toISOString(),
        actor: this.#actor,
        action: 'report.export',
        detail: {
          report: report.reportId,
          from: report.period.from,
          to: report.period.to,
          granularity: report.period.granularity,
          threshold: report.threshold,
          format,
          via,
        },
      }),
    )();
  }
}
