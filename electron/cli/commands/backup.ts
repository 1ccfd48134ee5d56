/**
 * `casevault backup <dir> --out F [--backup-passphrase-file F] [--status]`: the whole vault into one
 * sealed file whose only recipient is the backup passphrase, signed by the vault's identity. The
 * vault passphrase comes first (--passphrase-file or the first line of standard input), then the
 * backup passphrase (--backup-passphrase-file or the next line). `--status` prints when the last
 * backup was made and whether the reminder is due.
 */
import type { BackupResult, BackupStatus } from '../../../shared/sharing/schemas.ts';
import { runSharingOp } from '../../core/sharing/sharing-ops.ts';
import { singleDir, stringOption } from '../args.ts';
import { t } from '../messages.ts';
import { UsageError } from '../usage-error.ts';
import type { Command } from './context.ts';
import { withSharing } from './sharing-session.ts';

export const backup: Command = async (context) => {
  const { line, language, secrets } = context;
  const dir = singleDir(line);
  if (line.options.status === true) {
    return withSharing(context, dir, async ({ sharing }) => {
      const status = (await runSharingOp(sharing, 'backup-status', {})) as BackupStatus;
      return {
        json: { dir, ...status },
        text: [
          status.lastBackupAt
            ? t(language, 'backupLast', { at: status.lastBackupAt })
            : t(language, 'backupNever'),
          ...(status.reminderDue ? [t(language, 'backupDue', { days: status.reminderDays })] : []),
        ],
      };
    });
  }
  const out = stringOption(line, 'out');
  if (out === undefined) throw new UsageError('sharingNeeds', { option: '--out FILE' });
  return withSharing(context, dir, async ({ sharing, passphrase }) => {
    const backupPassphrase = await secrets.read({
      file: stringOption(line, 'backup-passphrase-file'),
      option: '--backup-passphrase-file',
      what: 'whatBackupPassphrase',
      prompt: 'promptBackupPassphrase',
      confirm: true,
    });
    const result = (await runSharingOp(sharing, 'backup', {
      outPath: out,
      backupPassphrase,
      passphrase,
    })) as BackupResult;
    return {
      json: { dir, ...result },
      text: [
        t(language, 'backupDone', { file: result.outPath, files: result.files, sha256: result.fileSha256 }),
      ],
    };
  });
};
