/**
 * `casevault check <dir>`: unlock, re-read and authenticate the header, run SQLite's full integrity
 * check (which makes SQLCipher verify every page's HMAC) and compare the schema version. Damage found
 * after a successful unlock is reported with exit 3 and the report; damage that stops the unlock
 * (HEADER_ALTERED, DATABASE_DAMAGED…) comes out of the core as an error with the same exit code.
 */
import type { ErrorCode } from '../../../shared/errors.ts';
import type { EvidenceCheckReport } from '../../../shared/evidence/schemas.ts';
import { EvidenceService } from '../../core/evidence/evidence-service.ts';
import type { AuditVerification } from '../../core/records/audit.ts';
import { RecordsService } from '../../core/records/records-service.ts';
import type { CheckReport } from '../../core/vault/session.ts';
import { readVaultInfo, unlockWithPassphrase } from '../../core/vault/vault.ts';
import { singleDir, stringOption } from '../args.ts';
import { EXIT } from '../exit-codes.ts';
import { t } from '../messages.ts';
import type { Command } from './context.ts';
import { evidenceLines } from './evidence-report.ts';

function damageCode(report: CheckReport): ErrorCode {
  if (report.header === 'altered') return 'HEADER_ALTERED';
  if (report.header === 'damaged') return 'HEADER_DAMAGED';
  if (report.schemaVersion > report.expectedSchemaVersion) return 'DATABASE_TOO_NEW';
  return 'DATABASE_DAMAGED';
}

export const check: Command = async ({ line, language, secrets }) => {
  const dir = singleDir(line);
  await readVaultInfo(dir); // a missing or unparsable header fails before the passphrase is asked
  const passphrase = await secrets.read({
    file: stringOption(line, 'passphrase-file'),
    option: '--passphrase-file',
    what: 'whatPassphrase',
    prompt: 'promptPassphrase',
  });
  const session = await unlockWithPassphrase(dir, passphrase);
  let report: CheckReport;
  let auditChain: AuditVerification;
  let evidence: EvidenceCheckReport | undefined;
  try {
    report = await session.check();
    // The audit chain is checked too: an edited, removed or reordered entry is damage (exit 3).
    auditChain = new RecordsService(session).verifyAudit();
    // Evidence: every blob re-decrypted and re-hashed (a failing item is damage, exit 3); files
    // no row refers to (interrupted intakes) are listed, and removed only with --repair.
    if (report.ok) {
      const service = new EvidenceService(session);
      evidence = await service.check(line.options.repair === true);
      service.close();
    }
  } finally {
    session.lock();
  }
  const timings = { kdfMs: Math.round(session.timings.kdfMs), openMs: Math.round(session.timings.openMs) };
  const json = { dir, report, auditChain, timings, evidence };
  const integrityOk = report.integrity.length === 1 && report.integrity[0] === 'ok';
  const details = [
    `  ${t(language, 'checkUnlock')}: ${t(language, 'checkKdfTime', { kdf: timings.kdfMs, open: timings.openMs })}`,
    `  ${t(language, 'checkHeader')}: ${report.header}`,
    `  ${t(language, 'checkIntegrity')}: ${integrityOk ? 'ok' : report.integrity.slice(0, 20).join('; ')}`,
    `  ${t(language, 'checkSchema')}: ${report.schemaVersion} / ${report.expectedSchemaVersion}`,
    `  ${
      auditChain.ok
        ? t(language, 'auditIntact', { entries: auditChain.entries })
        : t(language, 'auditBroken', { seq: auditChain.broken!.seq, reason: auditChain.broken!.reason })
    }`,
  ];
  if (auditChain.ok && auditChain.history)
    details.push(`  ${t(language, 'auditHistoryIntact', auditChain.history)}`);
  if (evidence) details.push(...evidenceLines(language, evidence));
  if (report.ok && evidence && evidence.failed.length > 0) {
    return { json, text: details, error: { code: 'EVIDENCE_DAMAGED' }, exit: EXIT.DAMAGED };
  }
  if (report.ok && !auditChain.ok) {
    return { json, text: details, error: { code: 'AUDIT_CHAIN_BROKEN' }, exit: EXIT.DAMAGED };
  }
  if (report.ok) {
    return { json, text: [t(language, 'checkOk', { schema: report.schemaVersion }), ...details] };
  }
  const code = damageCode(report);
  return {
    json,
    text: details,
    error: { code },
    exit: code === 'DATABASE_TOO_NEW' ? EXIT.TOO_NEW : EXIT.DAMAGED,
  };
};
