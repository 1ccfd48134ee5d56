/**
 * `casevault restore <file> <newdir> [--backup-passphrase-file F] [--new-passphrase-file F]
 * [--kdf moderate|sensitive] [--without-history]`: a backup into a NEW vault (the folder must not hold one), identity
 * and keys included, and the audit history when the backup carries it (says so when it does not).
 * Prints the new vault's recovery key once, as `init` does.
 */
import { KDF_BOUNDS } from '../../core/crypto/kdf.ts';
import { restoreBackup } from '../../core/sharing/restore.ts';
import { stringOption } from '../args.ts';
import { t } from '../messages.ts';
import { UsageError } from '../usage-error.ts';
import { type Command, otherLanguage } from './context.ts';
import { describeCounts } from './records-session.ts';

export const restore: Command = async ({ line, language, io, secrets }) => {
  const [file, newDir, ...rest] = line.operands;
  if (
    file === undefined ||
    newDir === undefined ||
    rest.length > 0 ||
    file.length === 0 ||
    newDir.length === 0
  )
    throw new UsageError('operands', { usage: 'restore <file> <newdir>', command: 'restore' });
  const preset = stringOption(line, 'kdf') ?? 'moderate';
  if (preset !== 'moderate' && preset !== 'sensitive') throw new UsageError('badKdf');
  const backupPassphrase = await secrets.read({
    file: stringOption(line, 'backup-passphrase-file'),
    option: '--backup-passphrase-file',
    what: 'whatBackupPassphrase',
    prompt: 'promptBackupPassphrase',
  });
  const newPassphrase = await secrets.read({
    file: stringOption(line, 'new-passphrase-file'),
    option: '--new-passphrase-file',
    what: 'whatNewPassphrase',
    prompt: 'promptNewPassphrase',
    confirm: true,
  });
  const kdf =
    io.env.CASEVAULT_TEST_KDF === 'minimum'
      ? { opslimit: KDF_BOUNDS.opslimit.min, memlimit: KDF_BOUNDS.memlimit.min }
      : preset;
  const withoutHistory = line.options['without-history'] === true;
  const result = await restoreBackup({
    path: file,
    backupPassphrase,
    newDir,
    newPassphrase,
    kdf,
    withoutHistory,
  });
  const warnings = [t(language, 'recoveryWarning'), t(otherLanguage(language), 'recoveryWarning')];
  return {
    json: {
      dir: newDir,
      backupId: result.backupId,
      records: result.records,
      files: result.files,
      history: result.history,
      recoveryKey: result.recoveryKey,
    },
    text: [
      t(language, 'restoreDone', {
        dir: newDir,
        records: describeCounts(result.records),
        files: result.files,
      }),
      result.history
        ? t(language, 'restoreHistory', result.history)
        : t(language, withoutHistory ? 'restoreHistoryLeftOut' : 'restoreNoHistory'),
      '',
      `  ${t(language, 'recoveryKeyTitle')}:`,
      '',
      `      ${result.recoveryKey}`,
      '',
      ...warnings.flatMap((w) => [w, '']),
    ],
  };
};
