/**
 * `casevault passwd <dir>`: unlock with the current passphrase, then rewrap the master key under the
 * new one (the header is rewritten atomically; the database is not touched). The current passphrase
 * is checked before the new one is asked, so a typo at a terminal is caught early.
 */
import { readVaultInfo, unlockWithPassphrase } from '../../core/vault/vault.ts';
import { singleDir, stringOption } from '../args.ts';
import { t } from '../messages.ts';
import type { Command } from './context.ts';

export const passwd: Command = async ({ line, language, secrets }) => {
  const dir = singleDir(line);
  await readVaultInfo(dir);
  const current = await secrets.read({
    file: stringOption(line, 'passphrase-file'),
    option: '--passphrase-file',
    what: 'whatPassphrase',
    prompt: 'promptPassphrase',
  });
  const session = await unlockWithPassphrase(dir, current);
  try {
    const next = await secrets.read({
      file: stringOption(line, 'new-passphrase-file'),
      option: '--new-passphrase-file',
      what: 'whatNewPassphrase',
      prompt: 'promptNewPassphrase',
      confirm: true,
    });
    await session.changePassphrase(next);
  } finally {
    session.lock();
  }
  return { json: { dir }, text: [t(language, 'passwdDone')] };
};
