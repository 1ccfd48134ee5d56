/**
 * `casevault report <dir> --kind K --from DATE --to DATE [--threshold N] [--granularity G]
 * [--format csv|json] [--out FILE]`: an anonymised report (docs/reports.md). The bytes are those the
 * app saves; to standard output, or to a new FILE (never overwritten, owner-only, audited). With
 * --json and no --out, the report model is the JSON result. With --seal-to, the report is sealed to
 * contacts instead (report-seal.ts).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { REPORT_IDS } from '../../../shared/reports/definitions.ts';
import { cellText } from '../../../shared/reports/model.ts';
import { ReportsService } from '../../core/reports/reports-service.ts';
import { stringOption } from '../args.ts';
import { t } from '../messages.ts';
import { UsageError } from '../usage-error.ts';
import type { Command } from './context.ts';
import { choiceOption, operands, withRecords } from './records-session.ts';
import { sealReport } from './report-seal.ts';

const USAGE =
  'report <dir> --kind K --from YYYY-MM-DD --to YYYY-MM-DD [--threshold N] [--format csv|json] [--out F] [--seal-to NAME… --purpose P]';

export const report: Command = async (context) => {
  const { line, language, io } = context;
  const [dir] = operands(line, 1, USAGE) as [string];
  const required = (name: string) => {
    const value = stringOption(line, name);
    if (value === undefined) throw new UsageError('reportNeedsOption', { option: `--${name}` });
    return value;
  };
  const reportId = required('kind');
  if (!REPORT_IDS.includes(reportId)) choiceOption(line, 'kind', REPORT_IDS);
  const from = required('from');
  const to = required('to');
  const rawThreshold = stringOption(line, 'threshold');
  if (rawThreshold !== undefined && !/^\d{1,3}$/.test(rawThreshold))
    throw new UsageError('reportBadThreshold');
  const threshold = rawThreshold === undefined ? undefined : Number(rawThreshold);
  const granularity = (choiceOption(line, 'granularity', ['month', 'quarter']) ?? 'month') as
    | 'month'
    | 'quarter';
  const format = (choiceOption(line, 'format', ['csv', 'json']) ?? 'csv') as 'csv' | 'json';
  const out = stringOption(line, 'out');
  if (out !== undefined && existsSync(out)) throw new UsageError('reportOutExists');
  if (stringOption(line, 'seal-to') !== undefined) {
    // Sealed to contacts (report-seal.ts): a .cvx file, never the report in clear.
    if (out === undefined) throw new UsageError('reportNeedsOption', { option: '--out' });
    return sealReport(context, dir, { reportId, from, to, threshold, granularity }, out);
  }

  return withRecords(context, dir, async (records) => {
    const ctx = records.context();
    const reports = new ReportsService(ctx.db, ctx.mac);
    const { report: model, bytes } = reports.render(
      { reportId, from, to, threshold, granularity },
      format,
      language,
    );
    const excluded = cellText(model.notes.excludedForConsent, model.threshold);
    if (out === undefined) {
      if (line.json) return { json: { dir, report: model }, text: [] };
      io.stdout.write(Buffer.from(bytes));
      return { json: {}, text: [] };
    }
    // 'wx': never overwrite, even a file that appeared since the check above; owner-only.
    await writeFile(out, bytes, { flag: 'wx', mode: 0o600 });
    reports.recordExport(model, format, 'cli');
    return {
      json: {
        dir,
        out,
        report: model.reportId,
        format,
        threshold: model.threshold,
        tables: model.tables.length,
        hiddenCells: model.notes.suppressedCells,
        excludedForConsent: excluded,
      },
      text: [
        t(language, 'reportDone', {
          report: model.label[language],
          from: model.period.from,
          to: model.period.to,
          threshold: model.threshold,
          file: out,
          tables: model.tables.length,
          hidden: model.notes.suppressedCells,
          excluded,
        }),
      ],
    };
  });
};
