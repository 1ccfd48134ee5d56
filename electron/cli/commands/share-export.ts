/**
 * `casevault export <dir> --to NAME… --case CODE… [--redacted] [--no-evidence] [--purpose P]
 * --out F [--dry-run]`: a sealed, signed export to contacts (docs/sharing.md). The plan is printed
 * first (per recipient: consent verdict per case, key warnings; what leaves); a refused plan exits 7
 * with the reasons and writes nothing. `--dry-run` prints the plan only.
 */
import type { ExportPlan, ExportResult } from '../../../shared/sharing/schemas.ts';
import { runSharingOp } from '../../core/sharing/sharing-ops.ts';
import { singleDir, stringOption } from '../args.ts';
import { EXIT } from '../exit-codes.ts';
import { t } from '../messages.ts';
import { UsageError } from '../usage-error.ts';
import type { Command } from './context.ts';
import { describeCounts } from './records-session.ts';
import { listOption, resolveContacts, withSharing } from './sharing-session.ts';

export function planLines(plan: ExportPlan, language: 'fr' | 'en'): string[] {
  const lines = [
    t(language, 'planMode', { mode: plan.mode, cases: plan.cases.map((c) => c.code).join(', ') }),
  ];
  for (const r of plan.recipients) {
    lines.push(`  → ${r.name} (${r.organisation || '—'}, ${r.role}) ${r.fingerprintId.slice(0, 16)}…`);
    if (r.issues.includes('unverified')) lines.push(`    ${t(language, 'planUnverified')}`);
    if (r.issues.includes('key-changed')) lines.push(`    ${t(language, 'planKeyChanged')}`);
    for (const refusal of r.refusals)
      lines.push(`    ${t(language, 'planRefused', { code: refusal.caseCode, reason: refusal.reason })}`);
    if (!r.allowed && r.redactedAllowed) lines.push(`    ${t(language, 'planRedactedOffered')}`);
  }
  lines.push(
    t(language, 'planLeaves', {
      records: describeCounts(plan.leaves.records),
      files: plan.leaves.evidence.length,
    }),
  );
  for (const e of plan.leaves.evidence) lines.push(`    ${e.caseCode} ${e.name} (${e.copy}, ${e.size} B)`);
  for (const e of plan.evidenceLeftOut)
    lines.push(`    ${t(language, 'planLeftOut', { name: e.name, reason: e.reason })}`);
  if (plan.leaves.identifying) lines.push(t(language, 'planIdentifying'));
  return lines;
}

export const shareExport: Command = async (context) => {
  const { line, language } = context;
  const dir = singleDir(line);
  const to = listOption(line, 'to');
  const caseCodes = listOption(line, 'case');
  const out = stringOption(line, 'out');
  const dryRun = line.options['dry-run'] === true;
  if (to.length === 0) throw new UsageError('sharingNeeds', { option: '--to NAME' });
  if (caseCodes.length === 0) throw new UsageError('sharingNeeds', { option: '--case CODE' });
  if (out === undefined && !dryRun) throw new UsageError('sharingNeeds', { option: '--out FILE' });
  return withSharing(context, dir, async ({ sharing, identity, passphrase }) => {
    const selection = {
      caseCodes,
      recipientContactIds: resolveContacts(identity, to),
      mode: line.options.redacted === true ? 'redacted' : 'full',
      includeEvidence: line.options['no-evidence'] !== true,
    };
    const plan = (await runSharingOp(sharing, 'export-plan', selection)) as ExportPlan;
    const text = planLines(plan, language);
    if (dryRun || !plan.canExport) {
      const refused = !plan.canExport;
      return {
        json: { dir, plan },
        text,
        ...(refused
          ? {
              exit: EXIT.REFUSED,
              error: {
                code: plan.blockers.includes('consent-refused')
                  ? 'SHARING_CONSENT_REFUSED'
                  : 'SHARING_NOT_SENDABLE',
              },
            }
          : {}),
      };
    }
    const result = (await runSharingOp(sharing, 'export', {
      ...selection,
      purpose: stringOption(line, 'purpose') ?? '',
      outPath: out,
      passphrase,
    })) as ExportResult;
    return {
      json: { dir, plan, result },
      text: [
        ...text,
        '',
        t(language, 'sealedExportDone', {
          file: result.outPath,
          id: result.exportId,
          sha256: result.fileSha256,
        }),
      ],
    };
  });
};
