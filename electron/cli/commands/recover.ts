/**
 * `casevault recover <dir>`: open with the recovery key, set a new passphrase. The recovery slot is
 * left as it is, so the same recovery key keeps working.
 */
import { readVaultInfo, unlockWithRecoveryKey } from '../../core/vault/vault.ts';
import { singleDir, stringOption } from '../args.ts';
import { t } from '../messages.ts';
import type { Command } from './context.ts';

export const recover: Command = async ({ line, language, secrets }) => {
  const dir = singleDir(line);
  await readVaultInfo(dir);
  const recoveryKey = await secrets.read({
    file: stringOption(line, 'recovery-key-file'),
    option: '--recovery-key-file',
    what: 'whatRecoveryKey',
    prompt: 'promptRecoveryKey',
  });
  const session = await unlockWithRecoveryKey(dir, recoveryKey);
  try {
    const next = await secrets.read({
      file: stringOption(line, 'new-passphrase-file'),
      option: '--new-passphrase-file',
      what: 'whatNewPassphrase',
      prompt: 'promptNewPassphrase',
      confirm: true,
    });
    await session.changePassphrase(next, { kind: 'recovered' });
  } finally {
    session.lock();
  }
  return { json: { dir }, text: [t(language, 'recoverDone')] };
};
