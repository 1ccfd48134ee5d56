/**
 * The CLI's own words in French and English (error messages come from shared/errors.ts).
 * Placeholders are `{name}`; values put in them are never secrets.
 */
import type { Language } from '../../shared/errors.ts';

const MESSAGES = {
  secretAsArgument: {
    en: 'Option {option} is refused: a passphrase or key on the command line is kept in the shell history and visible to other users in the process list. Use --passphrase-file FILE or standard input (see casevault --help).',
    fr: 'Option {option} refusée : une phrase de passe ou une clé sur la ligne de commande reste dans l’historique du shell et est visible des autres utilisateurs dans la liste des processus. Utilisez --passphrase-file FICHIER ou l’entrée standard (voir casevault --help).',
  },
  unknownCommand: {
    en: 'Unknown command. Commands: init, info, check, passwd, recover, erase.',
    fr: 'Commande inconnue. Commandes : init, info, check, passwd, recover, erase.',
  },
  missingCommand: {
    en: 'No command given. Commands: init, info, check, passwd, recover, erase (casevault --help).',
    fr: 'Aucune commande. Commandes : init, info, check, passwd, recover, erase (casevault --help).',
  },
  badOption: {
    en: 'Invalid option {option} for "{command}" (casevault {command} --help).',
    fr: 'Option {option} invalide pour « {command} » (casevault {command} --help).',
  },
  badLang: {
    en: '--lang takes fr or en.',
    fr: '--lang accepte fr ou en.',
  },
  badKdf: {
    en: '--kdf takes moderate or sensitive.',
    fr: '--kdf accepte moderate ou sensitive.',
  },
  missingDir: {
    en: '"{command}" needs exactly one vault folder (casevault {command} --help).',
    fr: '« {command} » attend exactement un dossier de coffre (casevault {command} --help).',
  },
  eraseNeedsYes: {
    en: 'Erasing destroys the vault keys for ever: nothing can open it afterwards, not even the recovery key. Add --yes to confirm.',
    fr: 'L’effacement détruit les clés du coffre pour toujours : plus rien ne pourra l’ouvrir, pas même la clé de récupération. Ajoutez --yes pour confirmer.',
  },
  secretFileUnreadable: {
    en: 'Cannot read the file given to {option}.',
    fr: 'Impossible de lire le fichier donné à {option}.',
  },
  secretEmpty: {
    en: 'The {what} is empty.',
    fr: 'La {what} est vide.',
  },
  stdinEnded: {
    en: 'Standard input ended before the {what} (one line each, in order).',
    fr: 'L’entrée standard s’est terminée avant la {what} (une ligne chacune, dans l’ordre).',
  },
  confirmMismatch: {
    en: 'The two entries differ. Nothing was changed.',
    fr: 'Les deux saisies diffèrent. Rien n’a été modifié.',
  },
  whatPassphrase: { en: 'passphrase', fr: 'phrase de passe' },
  whatNewPassphrase: { en: 'new passphrase', fr: 'nouvelle phrase de passe' },
  whatRecoveryKey: { en: 'recovery key', fr: 'clé de récupération' },
  promptPassphrase: { en: 'Passphrase: ', fr: 'Phrase de passe : ' },
  promptNewPassphrase: { en: 'New passphrase: ', fr: 'Nouvelle phrase de passe : ' },
  promptConfirm: { en: 'Type it again: ', fr: 'Saisissez-la à nouveau : ' },
  promptRecoveryKey: { en: 'Recovery key: ', fr: 'Clé de récupération : ' },

  initDone: {
    en: 'Vault created in {dir}.',
    fr: 'Coffre créé dans {dir}.',
  },
  recoveryKeyTitle: { en: 'RECOVERY KEY', fr: 'CLÉ DE RÉCUPÉRATION' },
  recoveryWarning: {
    en: 'Write this recovery key down on paper NOW and keep it somewhere safe, away from this computer. It is shown only this once. It opens the vault if you forget your passphrase; anyone who has it can open the vault. Do not keep it in a file, a photo or a message on this computer.',
    fr: 'Notez cette clé de récupération sur papier MAINTENANT et gardez-la en lieu sûr, loin de cet ordinateur. Elle n’est affichée qu’une seule fois. Elle ouvre le coffre si vous oubliez votre phrase de passe ; quiconque la possède peut ouvrir le coffre. Ne la gardez ni dans un fichier, ni en photo, ni dans un message sur cet ordinateur.',
  },
  infoTitle: { en: 'Vault in {dir}', fr: 'Coffre dans {dir}' },
  infoFormat: { en: 'Format version', fr: 'Version du format' },
  infoId: { en: 'Vault id', fr: 'Identifiant' },
  infoCreated: { en: 'Created', fr: 'Créé le' },
  infoUpdated: { en: 'Updated', fr: 'Modifié le' },
  infoKeyslot: { en: 'Key slot', fr: 'Emplacement de clé' },
  checkOk: {
    en: 'The vault is intact: header authenticated, database integrity ok, schema version {schema}.',
    fr: 'Le coffre est intact : en-tête authentifié, intégrité de la base correcte, version du schéma {schema}.',
  },
  checkHeader: { en: 'Header (MAC)', fr: 'En-tête (MAC)' },
  checkIntegrity: { en: 'Database integrity', fr: 'Intégrité de la base' },
  checkSchema: { en: 'Schema version', fr: 'Version du schéma' },
  checkUnlock: { en: 'Unlock', fr: 'Déverrouillage' },
  checkKdfTime: {
    en: 'key derivation {kdf} ms, opening {open} ms',
    fr: 'dérivation de clé {kdf} ms, ouverture {open} ms',
  },
  passwdDone: {
    en: 'Passphrase changed. The old passphrase no longer opens the vault; the recovery key still does.',
    fr: 'Phrase de passe changée. L’ancienne n’ouvre plus le coffre ; la clé de récupération, si.',
  },
  recoverDone: {
    en: 'Vault recovered: the new passphrase is set. The recovery key still works; keep it safe.',
    fr: 'Coffre récupéré : la nouvelle phrase de passe est en place. La clé de récupération reste valable ; gardez-la en lieu sûr.',
  },
  eraseDone: {
    en: 'Vault erased: its keys were destroyed. It can never be opened again.',
    fr: 'Coffre effacé : ses clés ont été détruites. Il ne pourra plus jamais être ouvert.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function t(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** LC_ALL wins over LC_MESSAGES over LANG (POSIX); French when the winner starts with "fr". */
export function languageFromEnv(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
