/**
 * `casevault report <dir> --kind K --from D --to D [--threshold N] [--granularity G]
 * --seal-to NAME… --out F [--purpose P]`: the report sealed to contacts instead of written in clear
 * (docs/sharing.md §Reports). The core builds the report (only its protected model leaves), checks
 * the recipients as `export` does — a contact with a changed key waiting blocks (exit 7), an
 * unverified one is a warning — re-checks the vault passphrase and writes a `.cvx` file of kind
 * `report` that `casevault open` (or the app) verifies and imports on the other side.
 */
import type { ReportExportResult } from '../../../shared/sharing/schemas.ts';
import { checkReportRecipients } from '../../core/sharing/report-export.ts';
import { runSharingOp } from '../../core/sharing/sharing-ops.ts';
import { stringOption } from '../args.ts';
import { t } from '../messages.ts';
import type { CommandContext } from './context.ts';
import { listOption, resolveContacts, withSharing } from './sharing-session.ts';

export interface SealQuery {
  reportId: string;
  from: string;
  to: string;
  threshold: number | undefined;
  granularity: 'month' | 'quarter';
}

export function sealReport(context: CommandContext, dir: string, query: SealQuery, out: string) {
  const { line, language } = context;
  return withSharing(context, dir, async ({ sharing, identity, passphrase }) => {
    const ids = resolveContacts(identity, listOption(line, 'seal-to'));
    const names = new Map(identity.listContacts().map((c) => [c.id, c.name]));
    // A changed key or a deleted contact refuses here (SHARING_NOT_SENDABLE, exit 7), before the
    // passphrase check; an unverified contact is a warning printed with the result, as `export` does.
    const warnings = checkReportRecipients(identity, ids).map(
      (id) => `  → ${names.get(id) ?? id}: ${t(language, 'planUnverified')}`,
    );
    const { threshold, ...rest } = query;
    const result = (await runSharingOp(sharing, 'report-export', {
      query: { ...rest, ...(threshold === undefined ? {} : { threshold }) },
      lang: language,
      recipientContactIds: ids,
      purpose: stringOption(line, 'purpose') ?? '',
      outPath: out,
      passphrase,
    })) as ReportExportResult;
    return {
      json: { dir, result },
      text: [
        ...warnings,
        t(language, 'reportSealed', {
          report: result.report.reportId,
          from: result.report.from,
          to: result.report.to,
          threshold: result.report.threshold,
          hidden: result.hiddenCells,
          recipients: result.recipients.length,
        }),
        t(language, 'sealedExportDone', {
          file: result.outPath,
          id: result.exportId,
          sha256: result.fileSha256,
        }),
      ],
    };
  });
}
