/** Lines describing an evidence check, shared by `check` and `evidence verify`. */
import type { Language } from '../../../shared/errors.ts';
import type { EvidenceCheckReport } from '../../../shared/evidence/schemas.ts';
import { t } from '../messages.ts';

export function evidenceLines(language: Language, report: EvidenceCheckReport): string[] {
  const lines: string[] = [];
  if (report.failed.length === 0) lines.push(`  ${t(language, 'evidenceVerifyOk', { count: report.items })}`);
  for (const failure of report.failed.slice(0, 50)) {
    lines.push(`  ${t(language, 'evidenceVerifyFailed', { id: failure.id, reason: failure.reason ?? '?' })}`);
  }
  const left = report.orphans.filter((name) => !report.removedOrphans.includes(name));
  if (left.length > 0)
    lines.push(
      `  ${t(language, 'evidenceOrphans', { count: left.length, names: left.slice(0, 10).join(', ') })}`,
    );
  if (report.removedOrphans.length > 0)
    lines.push(`  ${t(language, 'evidenceOrphansRemoved', { count: report.removedOrphans.length })}`);
  return lines;
}
