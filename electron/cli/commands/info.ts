/** `casevault info <dir>`: header facts, no key. They are not authenticated until an unlock checks the MAC. */
import { readVaultInfo } from '../../core/vault/vault.ts';
import { singleDir } from '../args.ts';
import { t } from '../messages.ts';
import { type Command, mib } from './context.ts';

export const info: Command = async ({ line, language }) => {
  const dir = singleDir(line);
  const facts = await readVaultInfo(dir);
  const rows: Array<[string, string]> = [
    [t(language, 'infoFormat'), String(facts.formatVersion)],
    [t(language, 'infoId'), facts.vaultId],
    [t(language, 'infoCreated'), facts.createdAt],
    [t(language, 'infoUpdated'), facts.updatedAt],
    ...facts.keyslots.map((slot): [string, string] => [
      `${t(language, 'infoKeyslot')} ${slot.id}`,
      `${slot.kdf.alg}, opslimit ${slot.kdf.opslimit}, memlimit ${mib(slot.kdf.memlimit)}`,
    ]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return {
    json: { dir, info: facts },
    text: [
      t(language, 'infoTitle', { dir }),
      ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    ],
  };
};
