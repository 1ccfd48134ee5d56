/**
 * `casevault audit <dir> [--limit N]`: verifies the whole audit chain (exit 3, AUDIT_CHAIN_BROKEN,
 * naming the first entry that does not verify) and lists the last N entries, newest first.
 */
import type { AuditEntry } from '../../core/records/audit.ts';
import { EXIT } from '../exit-codes.ts';
import { t } from '../messages.ts';
import type { Command } from './context.ts';
import { limitOption, operands, withRecords } from './records-session.ts';

const describe = (e: AuditEntry) =>
  `  #${e.seq}  ${e.at}  ${e.actor}  ${e.action}${e.entity ? `  ${e.entity}` : ''}${e.recordId ? ` ${e.recordId}` : ''}  ${e.detail}`;

export const audit: Command = async (context) => {
  const { line, language } = context;
  const [dir] = operands(line, 1, 'audit <dir> [--limit N]') as [string];
  const limit = limitOption(line, 20, 1000);
  return withRecords(context, dir, (records) => {
    const chain = records.verifyAudit();
    const entries = records.audit({ limit });
    const text = [
      chain.ok
        ? t(language, 'auditIntact', { entries: chain.entries })
        : t(language, 'auditBroken', { seq: chain.broken!.seq, reason: chain.broken!.reason }),
      t(language, 'auditLast', { count: entries.length }),
      ...entries.map(describe),
    ];
    const json = { dir, chain, entries };
    if (chain.ok) return { json, text };
    return { json, text, error: { code: 'AUDIT_CHAIN_BROKEN' as const }, exit: EXIT.DAMAGED };
  });
};
