/**
 * `casevault init <dir>`: creates a vault and prints its recovery key, once. The key is shown in
 * the chosen language's frame with the warning in both languages: it is the one output a user must
 * not miss or misread.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { KDF_BOUNDS, type KdfParams } from '../../core/crypto/kdf.ts';
import { createVault, vaultExists } from '../../core/vault/vault.ts';
import { singleDir, stringOption } from '../args.ts';
import { t } from '../messages.ts';
import { UsageError } from '../usage-error.ts';
import { type Command, otherLanguage } from './context.ts';

/**
 * Tests only, deliberately undocumented: CASEVAULT_TEST_KDF=minimum creates the passphrase slot at
 * the core's lowest accepted Argon2id cost (still inside KDF_BOUNDS, so nothing the core would
 * refuse) to keep the test suite fast.
 */
function testKdf(env: NodeJS.ProcessEnv): KdfParams | undefined {
  if (env.CASEVAULT_TEST_KDF !== 'minimum') return undefined;
  return { opslimit: KDF_BOUNDS.opslimit.min, memlimit: KDF_BOUNDS.memlimit.min };
}

export const init: Command = async ({ line, language, io, secrets }) => {
  const dir = singleDir(line);
  const preset = stringOption(line, 'kdf') ?? 'moderate';
  if (preset !== 'moderate' && preset !== 'sensitive') throw new UsageError('badKdf');
  // Refuse before asking for a passphrase the user would type for nothing.
  if (await vaultExists(dir)) throw new CaseVaultError('VAULT_ALREADY_EXISTS');

  const passphrase = await secrets.read({
    file: stringOption(line, 'passphrase-file'),
    option: '--passphrase-file',
    what: 'whatNewPassphrase',
    prompt: 'promptNewPassphrase',
    confirm: true,
  });
  const { session, recoveryKey } = await createVault(dir, passphrase, { kdf: testKdf(io.env) ?? preset });
  session.lock();

  const warnings = [t(language, 'recoveryWarning'), t(otherLanguage(language), 'recoveryWarning')];
  const title = `${t(language, 'recoveryKeyTitle')} / ${t(otherLanguage(language), 'recoveryKeyTitle')}`;
  return {
    json: { dir, kdf: preset, recoveryKey, warning: warnings[0] },
    text: [
      t(language, 'initDone', { dir }),
      '',
      `  ${title}:`,
      '',
      `      ${recoveryKey}`,
      '',
      ...warnings.flatMap((w) => [w, '']),
    ],
  };
};
