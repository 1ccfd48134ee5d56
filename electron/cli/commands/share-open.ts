/**
 * `casevault open <file> --vault <dir> [--verify-only] [--extract DIR --yes]`: checks a received
 * export completely with this vault's identity (recipient entry, header MAC, every chunk, signature,
 * recipients listed, every hash), shows who sent it (a known contact, or an UNKNOWN sender with the
 * fingerprint to compare), and only then imports it into the read-only Received area. `--extract`
 * writes the content IN CLEAR into an existing empty folder instead, after a warning (`--yes`).
 */
import type { ReportModel } from '../../../shared/reports/model.ts';
import type { ExtractResult, ReceivedDetail, VerifyReport } from '../../../shared/sharing/schemas.ts';
import { runSharingOp } from '../../core/sharing/sharing-ops.ts';
import { stringOption } from '../args.ts';
import { t } from '../messages.ts';
import { UsageError } from '../usage-error.ts';
import type { Command } from './context.ts';
import { describeCounts } from './records-session.ts';
import { withSharing } from './sharing-session.ts';

function reportLines(report: VerifyReport, language: 'fr' | 'en'): string[] {
  const s = report.sender;
  const lines = [
    t(language, 'openVerified', { id: report.exportId, at: report.createdAt }),
    s.known
      ? t(language, 'openKnownSender', { name: s.name ?? '', id: s.contactId ?? '' })
      : t(language, 'openUnknownSender', { name: s.name ?? '?' }),
    `  ${s.fingerprintDigits.slice(0, 6).join(' ')}`,
    `  ${s.fingerprintDigits.slice(6).join(' ')}`,
  ];
  if (report.purpose) lines.push(t(language, 'openPurpose', { purpose: report.purpose }));
  if (report.report) lines.push(t(language, 'openReport', { ...report.report }));
  lines.push(
    t(language, 'planLeaves', {
      records: describeCounts(report.records?.counts ?? {}),
      files: report.files.length,
    }),
  );
  for (const f of report.files) lines.push(`    ${f.name} (${f.size} B, sha256 ${f.sha256.slice(0, 16)}…)`);
  return lines;
}

export const shareOpen: Command = async (context) => {
  const { line, language, io } = context;
  const [file, ...rest] = line.operands;
  const dir = stringOption(line, 'vault');
  if (file === undefined || rest.length > 0 || file.length === 0)
    throw new UsageError('operands', { usage: 'open <file> --vault <dir>', command: 'open' });
  if (dir === undefined) throw new UsageError('sharingNeeds', { option: '--vault DIR' });
  const extractDir = stringOption(line, 'extract');
  if (extractDir !== undefined && line.options.yes !== true) throw new UsageError('extractNeedsYes');
  return withSharing(context, dir, async ({ sharing }) => {
    if (extractDir !== undefined) {
      io.stderr.write(`${t(language, 'extractWarning')}\n`);
      const report = (await runSharingOp(sharing, 'open-verify', { path: file })) as VerifyReport;
      const result = (await runSharingOp(sharing, 'extract-to', {
        path: file,
        outDir: extractDir,
        acceptPlaintext: true,
      })) as ExtractResult;
      return {
        json: { file, report, extracted: result },
        text: [
          ...reportLines(report, language),
          '',
          t(language, 'extractDone', { dir: extractDir, files: result.files.length }),
        ],
      };
    }
    const report = (await runSharingOp(sharing, 'open-verify', { path: file })) as VerifyReport;
    const text = reportLines(report, language);
    if (line.options['verify-only'] === true || report.alreadyReceivedId) {
      if (report.alreadyReceivedId) text.push(t(language, 'openAlready', { id: report.alreadyReceivedId }));
      return { json: { file, report }, text };
    }
    const received = (await runSharingOp(sharing, 'open-import', { path: file })) as ReceivedDetail;
    // A sealed report: its validated model (report-receive.ts), summed up; --json carries it whole.
    const model =
      received.kind === 'report'
        ? ((await runSharingOp(sharing, 'received-report', { id: received.id })) as ReportModel)
        : undefined;
    return {
      json: {
        file,
        report,
        received: { id: received.id, exportId: received.exportId, files: received.fileList.length },
        ...(model ? { model } : {}),
      },
      text: [
        ...text,
        '',
        t(language, 'openImported', { id: received.id }),
        ...(model
          ? [
              t(language, 'openReportTables', {
                label: model.label[language],
                tables: model.tables.length,
                hidden: model.notes.suppressedCells,
              }),
            ]
          : []),
      ],
    };
  });
};
