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
    en: 'Unknown command. Commands: init, info, check, passwd, recover, erase, import, export-json, list, show, search, audit, evidence, identity, contact, report.',
    fr: 'Commande inconnue. Commandes : init, info, check, passwd, recover, erase, import, export-json, list, show, search, audit, evidence, identity, contact, report.',
  },
  missingCommand: {
    en: 'No command given. Commands: init, info, check, passwd, recover, erase, import, export-json, list, show, search, audit, evidence, identity, contact, report (casevault --help).',
    fr: 'Aucune commande. Commandes : init, info, check, passwd, recover, erase, import, export-json, list, show, search, audit, evidence, identity, contact, report (casevault --help).',
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
  operands: {
    en: 'Usage: casevault {usage} (casevault {command} --help).',
    fr: 'Usage : casevault {usage} (casevault {command} --help).',
  },
  badChoice: {
    en: '{option} takes one of: {allowed}.',
    fr: '{option} accepte l’une de ces valeurs : {allowed}.',
  },
  badLimit: {
    en: '--limit takes a whole number from 1 to {max}.',
    fr: '--limit accepte un nombre entier de 1 à {max}.',
  },
  importNotUtf8: {
    en: 'The file to import is not UTF-8 text (save it as "CSV UTF-8" or JSON in UTF-8).',
    fr: 'Le fichier à importer n’est pas du texte UTF-8 (enregistrez-le en « CSV UTF-8 » ou en JSON UTF-8).',
  },
  importDone: {
    en: 'Imported into {dir}: {counts}. One audit entry records the import.',
    fr: 'Importé dans {dir} : {counts}. Une entrée du journal d’audit enregistre l’import.',
  },
  exportNeedsYes: {
    en: 'The export is PLAINTEXT. It is written to a terminal or a file only with --yes (a pipe to another program, such as an encryption tool, needs no --yes).',
    fr: 'L’export est en CLAIR. Il n’est écrit sur un terminal ou dans un fichier qu’avec --yes (un tube vers un autre programme, par exemple un outil de chiffrement, n’en a pas besoin).',
  },
  exportJsonNeedsOut: {
    en: 'export-json writes the records document itself on standard output; with --json, give --out FILE.',
    fr: 'export-json écrit le document lui-même sur la sortie standard ; avec --json, indiquez --out FICHIER.',
  },
  exportOutExists: {
    en: 'The file given to --out already exists; it was not overwritten. Choose a new name.',
    fr: 'Le fichier donné à --out existe déjà ; il n’a pas été écrasé. Choisissez un nouveau nom.',
  },
  exportWarning: {
    en: 'WARNING: this export is PLAINTEXT (not encrypted): anyone who gets it can read every record in it. Do not leave it on this computer: move it to encrypted storage or seal it for its recipient, then delete it.',
    fr: 'ATTENTION : cet export est en CLAIR (non chiffré) : quiconque l’obtient peut lire tous les enregistrements qu’il contient. Ne le laissez pas sur cet ordinateur : placez-le sur un support chiffré ou scellez-le pour son destinataire, puis supprimez-le.',
  },
  exportIdentities: {
    en: 'It contains the REAL NAMES of the people (--include-identities).',
    fr: 'Il contient les VRAIS NOMS des personnes (--include-identities).',
  },
  exportDone: {
    en: 'Exported to {file}: {counts}. Real names: {identities}.',
    fr: 'Exporté dans {file} : {counts}. Vrais noms : {identities}.',
  },
  listTitle: { en: '{shown} of {total} cases', fr: '{shown} dossiers sur {total}' },
  searchNone: { en: 'No match.', fr: 'Aucun résultat.' },
  auditIntact: {
    en: 'Audit chain intact: {entries} entries verified.',
    fr: 'Chaîne d’audit intacte : {entries} entrées vérifiées.',
  },
  auditBroken: {
    en: 'Audit chain BROKEN at entry #{seq} ({reason}): this entry or one after it was altered, removed or reordered.',
    fr: 'Chaîne d’audit ROMPUE à l’entrée n° {seq} ({reason}) : cette entrée ou une suivante a été modifiée, supprimée ou déplacée.',
  },
  auditLast: { en: 'Last {count} entries:', fr: '{count} dernières entrées :' },
  checkAudit: { en: 'Audit chain', fr: 'Chaîne d’audit' },
  evidenceSubcommand: {
    en: 'evidence takes a subcommand: add, list, verify, extract, redact (casevault evidence --help).',
    fr: 'evidence demande une sous-commande : add, list, verify, extract, redact (casevault evidence --help).',
  },
  evidenceNoCase: { en: 'No case has the code {code}.', fr: 'Aucun dossier n’a le code {code}.' },
  evidenceNoItem: {
    en: 'No evidence item (or more than one) matches the id {id}.',
    fr: 'Aucune pièce (ou plus d’une) ne correspond à l’identifiant {id}.',
  },
  evidenceBadRegion: {
    en: '--region takes x,y,w,h as fractions of the image (0 to 1), for example 0.1,0.2,0.3,0.25.',
    fr: '--region attend x,y,w,h en fractions de l’image (de 0 à 1), par exemple 0.1,0.2,0.3,0.25.',
  },
  evidenceBadDate: {
    en: '--captured-at takes a UTC time such as 2026-03-02T10:15:00Z.',
    fr: '--captured-at attend une heure UTC, par exemple 2026-03-02T10:15:00Z.',
  },
  evidenceAdded: {
    en: 'Added {name} ({type}, {size} bytes) sha256 {sha256} id {id}',
    fr: 'Ajouté {name} ({type}, {size} octets) sha256 {sha256} id {id}',
  },
  evidenceLocation: {
    en: '  WARNING: this file carries a GPS location in its metadata. Share a redacted copy instead.',
    fr: '  ATTENTION : ce fichier contient une position GPS dans ses métadonnées. Partagez plutôt une copie caviardée.',
  },
  evidenceListTitle: { en: '{shown} of {total} items', fr: '{shown} pièces sur {total}' },
  evidenceVerifyOk: {
    en: 'Evidence intact: {count} items decrypted, authenticated and re-hashed.',
    fr: 'Pièces intactes : {count} pièces déchiffrées, authentifiées et ré-empreintées.',
  },
  evidenceVerifyFailed: {
    en: 'DAMAGED item {id} ({reason}).',
    fr: 'Pièce ENDOMMAGÉE {id} ({reason}).',
  },
  evidenceOrphans: {
    en: '{count} orphan blob file(s) from interrupted additions (no record refers to them): {names}. Remove them with casevault check --repair.',
    fr: '{count} fichier(s) orphelin(s) d’ajouts interrompus (aucun enregistrement n’y renvoie) : {names}. Supprimez-les avec casevault check --repair.',
  },
  evidenceOrphansRemoved: {
    en: '{count} orphan blob file(s) overwritten and removed.',
    fr: '{count} fichier(s) orphelin(s) écrasé(s) et supprimé(s).',
  },
  evidenceExtractWarning: {
    en: 'WARNING: the copy is DECRYPTED (plaintext): anyone who gets this file can open it. Keep it only as long as needed; the extraction is recorded in the item’s chain of custody.',
    fr: 'ATTENTION : la copie est DÉCHIFFRÉE (en clair) : quiconque obtient ce fichier peut l’ouvrir. Ne la gardez que le temps nécessaire ; l’extraction est inscrite dans la chaîne de possession de la pièce.',
  },
  evidenceExtracted: {
    en: 'Decrypted copy written to {file} ({size} bytes, sha256 {sha256} verified).',
    fr: 'Copie déchiffrée écrite dans {file} ({size} octets, sha256 {sha256} vérifié).',
  },
  evidenceRedacted: {
    en: 'Redacted copy {id} of {original}: {regions} region(s) blacked out, no metadata, sha256 {sha256}.',
    fr: 'Copie caviardée {id} de {original} : {regions} zone(s) noircie(s), sans métadonnées, sha256 {sha256}.',
  },
  evidenceNeedsOut: { en: 'extract needs --out FILE.', fr: 'extract demande --out FICHIER.' },
  evidenceNeedsCase: { en: 'add needs --case CODE.', fr: 'add demande --case CODE.' },
  subcommand: {
    en: '"{command}" needs a subcommand: {allowed} (casevault {command} --help).',
    fr: '« {command} » attend une sous-commande : {allowed} (casevault {command} --help).',
  },
  identitySetNothing: {
    en: 'identity set needs at least one of --name, --organisation, --role.',
    fr: 'identity set attend au moins l’une des options --name, --organisation, --role.',
  },
  cardOutExists: {
    en: 'The file given to --out already exists; it was not overwritten. Choose a new name.',
    fr: 'Le fichier donné à --out existe déjà ; il n’a pas été écrasé. Choisissez un nouveau nom.',
  },
  cardNeedsOut: {
    en: 'identity export-card needs --out FILE.',
    fr: 'identity export-card attend --out FICHIER.',
  },
  cardStdinNeedsPassphraseFile: {
    en: 'When the card comes from standard input ("-"), give the passphrase with --passphrase-file.',
    fr: 'Quand la carte vient de l’entrée standard (« - »), donnez la phrase de passe avec --passphrase-file.',
  },
  cardUnreadable: {
    en: 'The card file cannot be read, or is larger than a key card can be.',
    fr: 'Le fichier de carte est illisible, ou plus grand qu’une carte de clés ne peut l’être.',
  },
  contactAmbiguous: {
    en: 'Several contacts match this name; use the contact id (casevault contact list).',
    fr: 'Plusieurs contacts portent ce nom ; utilisez l’identifiant du contact (casevault contact list).',
  },
  fingerprintMismatch: {
    en: 'The fingerprint given with --fingerprint does NOT match this contact’s keys. Nothing was recorded. Do not send anything to this contact until you understand why.',
    fr: 'L’empreinte donnée avec --fingerprint ne correspond PAS aux clés de ce contact. Rien n’a été enregistré. N’envoyez rien à ce contact avant d’en comprendre la raison.',
  },
  verifyNeedsCheck: {
    en: 'Compare the fingerprint first: give the digits they read to you with --fingerprint "…", or run contact show, compare, and confirm with --yes.',
    fr: 'Comparez d’abord l’empreinte : donnez les chiffres qu’on vous a lus avec --fingerprint "…", ou lancez contact show, comparez, puis confirmez avec --yes.',
  },
  deleteNeedsYes: {
    en: 'contact delete removes the contact and its keys; confirm with --yes.',
    fr: 'contact delete supprime le contact et ses clés ; confirmez avec --yes.',
  },
  reportNeedsOption: {
    en: 'report needs {option} (see casevault report --help).',
    fr: 'report a besoin de {option} (voir casevault report --help).',
  },
  reportBadThreshold: {
    en: '--threshold must be a whole number (at least 3).',
    fr: '--threshold doit être un nombre entier (au moins 3).',
  },
  reportOutExists: {
    en: 'The file given to --out already exists; it was not overwritten. Choose a new name.',
    fr: 'Le fichier donné à --out existe déjà ; il n’a pas été écrasé. Choisissez un nouveau nom.',
  },
  reportDone: {
    en: 'Report “{report}” ({from} – {to}, threshold {threshold}) written to {file}: {tables} tables, {hidden} hidden cells, cases left out for consent: {excluded}.',
    fr: 'Rapport « {report} » ({from} – {to}, seuil {threshold}) écrit dans {file} : {tables} tableaux, {hidden} cellules masquées, dossiers écartés faute de consentement : {excluded}.',
  },
  whatBackupPassphrase: {
    en: 'backup passphrase',
    fr: 'phrase de passe de la sauvegarde',
  },
  promptBackupPassphrase: {
    en: 'Backup passphrase: ',
    fr: 'Phrase de passe de la sauvegarde : ',
  },
  sharingNeeds: {
    en: 'This command needs {option}.',
    fr: 'Cette commande demande {option}.',
  },
  extractNeedsYes: {
    en: '--extract writes the content IN CLEAR (decrypted) into the folder: anyone who gets those files can read them. Confirm with --yes.',
    fr: '--extract écrit le contenu EN CLAIR (déchiffré) dans le dossier : quiconque obtient ces fichiers peut les lire. Confirmez avec --yes.',
  },
  extractWarning: {
    en: 'WARNING: extracting IN CLEAR (decrypted). Keep these files only as long as needed, then delete them.',
    fr: 'ATTENTION : extraction EN CLAIR (déchiffrée). Ne gardez ces fichiers que le temps nécessaire, puis supprimez-les.',
  },
  extractDone: {
    en: '{files} file(s) and the records written in clear to {dir}.',
    fr: '{files} fichier(s) et les enregistrements écrits en clair dans {dir}.',
  },
  planMode: {
    en: 'Export ({mode}) of {cases}:',
    fr: 'Export ({mode}) de {cases} :',
  },
  planUnverified: {
    en: 'warning: fingerprint not verified with this contact',
    fr: 'attention : empreinte non vérifiée avec ce contact',
  },
  planKeyChanged: {
    en: 'BLOCKED: this contact has a changed key waiting (contact accept-key / reject-key)',
    fr: 'BLOQUÉ : une nouvelle clé de ce contact attend une décision (contact accept-key / reject-key)',
  },
  planRefused: {
    en: 'REFUSED for {code}: {reason}',
    fr: 'REFUSÉ pour {code} : {reason}',
  },
  planRedactedOffered: {
    en: 'the redacted mode (--redacted) is allowed for this recipient',
    fr: 'le mode expurgé (--redacted) est permis pour ce destinataire',
  },
  planLeaves: {
    en: 'What leaves: {records}; {files} file(s)',
    fr: 'Ce qui part : {records} ; {files} fichier(s)',
  },
  planLeftOut: {
    en: 'left out: {name} ({reason})',
    fr: 'laissé de côté : {name} ({reason})',
  },
  planIdentifying: {
    en: 'Identifying data included: real names, exact ages, localities, contact details, original files.',
    fr: 'Données identifiantes incluses : vrais noms, âges exacts, localités, coordonnées, fichiers originaux.',
  },
  sealedExportDone: {
    en: 'Sealed export written to {file} (id {id}, sha256 {sha256}).',
    fr: 'Export scellé écrit dans {file} (id {id}, sha256 {sha256}).',
  },
  openVerified: {
    en: 'Export {id} of {at}: every check passed (recipient, header MAC, chunks, signature, recipients listed, hashes).',
    fr: 'Export {id} du {at} : toutes les vérifications sont passées (destinataire, MAC d’en-tête, blocs, signature, destinataires listés, empreintes).',
  },
  openKnownSender: {
    en: 'Sent by your contact {name} ({id}). Fingerprint:',
    fr: 'Envoyé par votre contact {name} ({id}). Empreinte :',
  },
  openUnknownSender: {
    en: 'WARNING: UNKNOWN sender (claims to be "{name}"). Compare this fingerprint with them before trusting the content:',
    fr: 'ATTENTION : expéditeur INCONNU (se présente comme « {name} »). Comparez cette empreinte avec la personne avant de vous fier au contenu :',
  },
  openPurpose: {
    en: 'Purpose: {purpose}',
    fr: 'Objet : {purpose}',
  },
  openImported: {
    en: 'Imported into the Received area as {id} (read-only, with its provenance).',
    fr: 'Importé dans l’espace Reçus sous {id} (lecture seule, avec sa provenance).',
  },
  openAlready: {
    en: 'Already in the Received area as {id}.',
    fr: 'Déjà dans l’espace Reçus sous {id}.',
  },
  receiptCreated: {
    en: 'Receipt for export {id} written to {file}: send it back to the sender.',
    fr: 'Accusé de réception de l’export {id} écrit dans {file} : renvoyez-le à l’expéditeur.',
  },
  receiptImported: {
    en: 'Export {id} acknowledged by {name} (received {at}).',
    fr: 'Export {id} confirmé par {name} (reçu le {at}).',
  },
  backupDone: {
    en: 'Backup written to {file} ({files} file(s), sha256 {sha256}). Keep the backup passphrase apart from it.',
    fr: 'Sauvegarde écrite dans {file} ({files} fichier(s), sha256 {sha256}). Gardez sa phrase de passe à part.',
  },
  backupLast: {
    en: 'Last backup: {at}.',
    fr: 'Dernière sauvegarde : {at}.',
  },
  backupNever: {
    en: 'No backup has been made from this vault.',
    fr: 'Aucune sauvegarde n’a été faite depuis ce coffre.',
  },
  backupDue: {
    en: 'Reminder: the last backup is more than {days} days old (or there is none). Run casevault backup.',
    fr: 'Rappel : la dernière sauvegarde date de plus de {days} jours (ou il n’y en a pas). Lancez casevault backup.',
  },
  restoreDone: {
    en: 'Vault restored into {dir}: {records}; {files} file(s). It keeps the identity and keys of the backed-up vault.',
    fr: 'Coffre restauré dans {dir} : {records} ; {files} fichier(s). Il garde l’identité et les clés du coffre sauvegardé.',
  },
  reportSealed: {
    en: 'Report {report} ({from} – {to}, threshold {threshold}, {hidden} hidden cells) sealed to {recipients} contact(s); only the protected figures are in the file.',
    fr: 'Rapport {report} ({from} – {to}, seuil {threshold}, {hidden} cellules masquées) scellé pour {recipients} contact(s) ; seuls les chiffres protégés sont dans le fichier.',
  },
  openReport: {
    en: 'A sealed report: {reportId}, {from} – {to} ({granularity}), threshold {threshold}, CSV in {language}.',
    fr: 'Un rapport scellé : {reportId}, {from} – {to} ({granularity}), seuil {threshold}, CSV en {language}.',
  },
  openReportTables: {
    en: 'Report “{label}” imported: {tables} tables, {hidden} hidden cells (casevault open --json prints the model).',
    fr: 'Rapport « {label} » importé : {tables} tableaux, {hidden} cellules masquées (casevault open --json affiche le modèle).',
  },
  restoreHistory: {
    en: 'Audit history restored and verified: {entries} entries from {segments} former vault(s); every chain of custody goes on in the new vault.',
    fr: 'Historique d’audit restauré et vérifié : {entries} entrées de {segments} ancien(s) coffre(s) ; chaque chaîne de possession continue dans le nouveau coffre.',
  },
  restoreNoHistory: {
    en: 'This backup was made by an older version and does not include the audit history: the restored vault starts a new audit chain (each item’s custody restarts at “restored”).',
    fr: 'Cette sauvegarde a été faite par une version plus ancienne et ne contient pas l’historique d’audit : le coffre restauré commence une nouvelle chaîne d’audit (la chaîne de possession de chaque élément reprend à « restauré »).',
  },
  restoreHistoryLeftOut: {
    en: 'Restored WITHOUT the audit history (--without-history): the restored vault starts a new audit chain and its restore entry says the history was left out.',
    fr: 'Restauré SANS l’historique d’audit (--without-history) : le coffre restauré commence une nouvelle chaîne d’audit et son entrée de restauration indique que l’historique a été laissé de côté.',
  },
  auditHistoryIntact: {
    en: 'Audit history from restores intact: {entries} entries in {segments} former chain(s) verified.',
    fr: 'Historique d’audit des restaurations intact : {entries} entrées dans {segments} ancienne(s) chaîne(s) vérifiées.',
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
