/** `casevault erase <dir> --yes`: crypto-erase. No key is needed: whoever can delete the files can already destroy the vault. */
import { eraseVault } from '../../core/vault/vault.ts';
import { singleDir } from '../args.ts';
import { t } from '../messages.ts';
import { UsageError } from '../usage-error.ts';
import type { Command } from './context.ts';

export const erase: Command = async ({ line, language }) => {
  const dir = singleDir(line);
  if (line.options.yes !== true) throw new UsageError('eraseNeedsYes');
  await eraseVault(dir);
  return { json: { dir }, text: [t(language, 'eraseDone')] };
};
