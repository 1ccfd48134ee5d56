/**
 * Every error a user can meet has a stable code and a message in French and English.
 * Messages never carry secrets: no key, passphrase, recovery key or vault content goes in here,
 * only the code and, at most, a non-secret detail (a field name, a line number).
 */

export const ERROR_CODES = [
  'INVALID_INPUT',
  'VAULT_NOT_FOUND',
  'VAULT_ALREADY_EXISTS',
  'VAULT_LOCKED',
  'VAULT_ALREADY_UNLOCKED',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'RECOVERY_KEY_MALFORMED',
  'PASSPHRASE_TOO_WEAK',
  'HEADER_DAMAGED',
  'HEADER_ALTERED',
  'KDF_PARAMS_OUT_OF_BOUNDS',
  'DATABASE_DAMAGED',
  'DATABASE_MISMATCH',
  'DATABASE_TOO_NEW',
  'IO_ERROR',
  'RECORD_INVALID',
  'RECORD_NOT_FOUND',
  'RECORD_CONFLICT',
  'RECORD_IN_USE',
  'CONSENT_REQUIRED',
  'AUDIT_CHAIN_BROKEN',
  'IMPORT_INVALID',
  'INTERNAL',
  'EVIDENCE_NOT_FOUND',
  'EVIDENCE_DAMAGED',
  'EVIDENCE_OCSEA_WARNING',
  'EVIDENCE_UNSUPPORTED_REDACTION',
  'EVIDENCE_TOO_LARGE',
  'FILE_NOT_READABLE',
  'FILE_EXISTS',
  'TASK_CANCELLED',
  'CARD_MALFORMED',
  'CARD_SIGNATURE_INVALID',
  'CARD_VERSION_UNSUPPORTED',
  'CARD_IS_OWN',
  'IDENTITY_INCOMPLETE',
  'CONTACT_NOT_FOUND',
  'CONTACT_KEY_CHANGED',
  'CONTACT_NO_KEY_CHANGE',
  'EXPORT_NOT_FOR_YOU',
  'EXPORT_HEADER_DAMAGED',
  'EXPORT_PAYLOAD_DAMAGED',
  'EXPORT_TRUNCATED',
  'EXPORT_TRAILING_DATA',
  'EXPORT_BAD_SIGNATURE',
  'EXPORT_MALFORMED',
  'EXPORT_UNSUPPORTED_VERSION',
  'EXPORT_PASSPHRASE_NOT_ALONE',
  'EXPORT_FILE_HASH_MISMATCH',
  'EXPORT_NOT_LISTED_RECIPIENT',
  'EXPORT_CHANGED_SINCE_VERIFIED',
  'EXPORT_SOURCE_MISMATCH',
  'REPORT_THRESHOLD_INVALID',
  'REPORT_UNKNOWN',
  'REPORT_PERIOD_INVALID',
  'SHARING_CONSENT_REFUSED',
  'SHARING_NOT_SENDABLE',
  'RECEIVED_NOT_FOUND',
  'RECEIVED_ALREADY_IMPORTED',
  'RECEIPT_NO_MATCH',
  'EXTRACT_DIR_NOT_EMPTY',
  'BACKUP_CONTENT_INVALID',
  'REPORT_RECEIVED_INVALID',
  'BACKUP_HISTORY_INVALID',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type Language = 'fr' | 'en';

export const ERROR_MESSAGES: Record<ErrorCode, Record<Language, string>> = {
  INVALID_INPUT: {
    en: 'The request was not valid.',
    fr: 'La demande n’est pas valide.',
  },
  VAULT_NOT_FOUND: {
    en: 'No vault was found in this folder.',
    fr: 'Aucun coffre n’a été trouvé dans ce dossier.',
  },
  VAULT_ALREADY_EXISTS: {
    en: 'A vault already exists in this folder; nothing was changed.',
    fr: 'Un coffre existe déjà dans ce dossier ; rien n’a été modifié.',
  },
  VAULT_LOCKED: {
    en: 'The vault is locked. Unlock it first.',
    fr: 'Le coffre est verrouillé. Déverrouillez-le d’abord.',
  },
  VAULT_ALREADY_UNLOCKED: {
    en: 'The vault is already unlocked.',
    fr: 'Le coffre est déjà déverrouillé.',
  },
  WRONG_PASSPHRASE: {
    en: 'Wrong passphrase. Nothing was changed.',
    fr: 'Phrase de passe incorrecte. Rien n’a été modifié.',
  },
  WRONG_RECOVERY_KEY: {
    en: 'This recovery key does not open this vault. Nothing was changed.',
    fr: 'Cette clé de récupération n’ouvre pas ce coffre. Rien n’a été modifié.',
  },
  RECOVERY_KEY_MALFORMED: {
    en: 'This is not a valid recovery key: check each group of characters for a typing mistake.',
    fr: 'Ce n’est pas une clé de récupération valide : vérifiez chaque groupe de caractères.',
  },
  PASSPHRASE_TOO_WEAK: {
    en: 'This passphrase is too short or too easy to guess: use at least 12 characters, ideally several words.',
    fr: 'Cette phrase de passe est trop courte ou trop facile à deviner : au moins 12 caractères, idéalement plusieurs mots.',
  },
  HEADER_DAMAGED: {
    en: 'The vault header is damaged or altered. The vault was not opened and nothing was changed.',
    fr: 'L’en-tête du coffre est endommagé ou modifié. Le coffre n’a pas été ouvert et rien n’a été modifié.',
  },
  HEADER_ALTERED: {
    en: 'The vault header is damaged or altered: its authentication code does not match. The vault was not opened.',
    fr: 'L’en-tête du coffre est endommagé ou modifié : son code d’authentification ne correspond pas. Le coffre n’a pas été ouvert.',
  },
  KDF_PARAMS_OUT_OF_BOUNDS: {
    en: 'The vault header asks for key-derivation settings outside the safe range. The vault was not opened.',
    fr: 'L’en-tête du coffre demande des paramètres de dérivation de clé hors des limites sûres. Le coffre n’a pas été ouvert.',
  },
  DATABASE_DAMAGED: {
    en: 'The vault database is damaged or altered. It was not changed.',
    fr: 'La base de données du coffre est endommagée ou modifiée. Elle n’a pas été modifiée.',
  },
  DATABASE_MISMATCH: {
    en: 'The database in this folder does not belong to this vault header.',
    fr: 'La base de données de ce dossier n’appartient pas à cet en-tête de coffre.',
  },
  DATABASE_TOO_NEW: {
    en: 'This vault was written by a newer version of CaseVault. Update CaseVault to open it.',
    fr: 'Ce coffre a été écrit par une version plus récente de CaseVault. Mettez CaseVault à jour pour l’ouvrir.',
  },
  IO_ERROR: {
    en: 'The vault files could not be read or written (disk full, permissions or a missing folder).',
    fr: 'Les fichiers du coffre n’ont pas pu être lus ou écrits (disque plein, droits ou dossier manquant).',
  },
  RECORD_INVALID: {
    en: 'This record is not valid: check the field named below.',
    fr: 'Cet enregistrement n’est pas valide : vérifiez le champ indiqué ci-dessous.',
  },
  RECORD_NOT_FOUND: {
    en: 'This record does not exist (it may have been deleted).',
    fr: 'Cet enregistrement n’existe pas (il a peut-être été supprimé).',
  },
  RECORD_CONFLICT: {
    en: 'Another record already uses this code. Choose another one.',
    fr: 'Un autre enregistrement utilise déjà ce code. Choisissez-en un autre.',
  },
  RECORD_IN_USE: {
    en: 'This record is still referred to by others (for example a consent used by a referral). Remove those first.',
    fr: 'Cet enregistrement est encore utilisé par d’autres (par exemple un consentement lié à un référencement). Retirez-les d’abord.',
  },
  CONSENT_REQUIRED: {
    en: 'No valid consent allows this: the consent must belong to this case, not be withdrawn, and cover this kind of recipient.',
    fr: 'Aucun consentement valide ne le permet : il doit concerner ce dossier, ne pas être retiré et couvrir ce type de destinataire.',
  },
  AUDIT_CHAIN_BROKEN: {
    en: 'The audit log was altered: its chain of authentication codes breaks at the entry named below.',
    fr: 'Le journal d’audit a été modifié : sa chaîne de codes d’authentification est rompue à l’entrée indiquée ci-dessous.',
  },
  IMPORT_INVALID: {
    en: 'The file cannot be imported; nothing was written. The first problem is named below.',
    fr: 'Le fichier ne peut pas être importé ; rien n’a été écrit. Le premier problème est indiqué ci-dessous.',
  },
  INTERNAL: {
    en: 'An unexpected error occurred. No secret was recorded.',
    fr: 'Une erreur inattendue s’est produite. Aucun secret n’a été enregistré.',
  },
  EVIDENCE_NOT_FOUND: {
    en: 'This evidence item does not exist (it may have been deleted).',
    fr: 'Cette pièce n’existe pas (elle a peut-être été supprimée).',
  },
  EVIDENCE_DAMAGED: {
    en: 'This evidence file is damaged or was altered: it does not decrypt or its hash does not match. Nothing was changed.',
    fr: 'Ce fichier de preuve est endommagé ou a été modifié : il ne se déchiffre pas ou son empreinte ne correspond pas. Rien n’a été modifié.',
  },
  EVIDENCE_OCSEA_WARNING: {
    en: 'This is an OCSEA case: do not store images or videos of child sexual abuse. Record the report instead (URL, hotline, reference), or confirm explicitly that this file may be kept.',
    fr: 'Ce dossier est un signalement OCSEA : ne conservez pas d’images ni de vidéos d’abus sexuels sur enfants. Enregistrez plutôt le signalement (URL, ligne de signalement, référence), ou confirmez explicitement que ce fichier peut être conservé.',
  },
  EVIDENCE_UNSUPPORTED_REDACTION: {
    en: 'A redacted copy can only be made of an image (JPEG, PNG, WebP, TIFF, GIF, AVIF, HEIF) for now. Nothing was written.',
    fr: 'Une copie caviardée ne peut être faite, pour l’instant, que d’une image (JPEG, PNG, WebP, TIFF, GIF, AVIF, HEIF). Rien n’a été écrit.',
  },
  EVIDENCE_TOO_LARGE: {
    en: 'This image is too large to be redacted in memory. Nothing was written.',
    fr: 'Cette image est trop grande pour être caviardée en mémoire. Rien n’a été écrit.',
  },
  FILE_NOT_READABLE: {
    en: 'This file could not be read (missing, a folder, or no permission). Nothing was added.',
    fr: 'Ce fichier n’a pas pu être lu (absent, dossier ou droits insuffisants). Rien n’a été ajouté.',
  },
  FILE_EXISTS: {
    en: 'A file already exists at this place; it was not overwritten. Choose another name.',
    fr: 'Un fichier existe déjà à cet endroit ; il n’a pas été écrasé. Choisissez un autre nom.',
  },
  TASK_CANCELLED: {
    en: 'The task was cancelled; nothing was written.',
    fr: 'La tâche a été annulée ; rien n’a été écrit.',
  },
  CARD_MALFORMED: {
    en: 'This is not a valid CaseVault key card (damaged, cut short or not a card). Nothing was imported.',
    fr: 'Ce n’est pas une carte de clés CaseVault valide (abîmée, tronquée ou d’un autre type). Rien n’a été importé.',
  },
  CARD_SIGNATURE_INVALID: {
    en: 'The key card’s signature does not match its content: it was altered after it was made. Nothing was imported.',
    fr: 'La signature de la carte de clés ne correspond pas à son contenu : elle a été modifiée après sa création. Rien n’a été importé.',
  },
  CARD_VERSION_UNSUPPORTED: {
    en: 'This key card was made by a newer or unknown version of CaseVault. Nothing was imported.',
    fr: 'Cette carte de clés a été créée par une version plus récente ou inconnue de CaseVault. Rien n’a été importé.',
  },
  CARD_IS_OWN: {
    en: 'This is your own key card; it cannot be added as a contact.',
    fr: 'C’est votre propre carte de clés ; elle ne peut pas être ajoutée comme contact.',
  },
  IDENTITY_INCOMPLETE: {
    en: 'Enter your name (Identity screen) before sharing your key card.',
    fr: 'Indiquez votre nom (écran Identité) avant de partager votre carte de clés.',
  },
  CONTACT_NOT_FOUND: {
    en: 'This contact does not exist (it may have been deleted).',
    fr: 'Ce contact n’existe pas (il a peut-être été supprimé).',
  },
  CONTACT_KEY_CHANGED: {
    en: 'This contact’s keys changed and the new keys have not been accepted yet. Compare the new fingerprint with them, then accept or keep the old keys.',
    fr: 'Les clés de ce contact ont changé et les nouvelles clés n’ont pas encore été acceptées. Comparez la nouvelle empreinte avec ce contact, puis acceptez-la ou gardez les anciennes clés.',
  },
  CONTACT_NO_KEY_CHANGE: {
    en: 'This contact has no new keys waiting to be accepted.',
    fr: 'Ce contact n’a pas de nouvelles clés en attente d’acceptation.',
  },
  EXPORT_NOT_FOR_YOU: {
    en: 'This export file is not addressed to this vault (or the entry meant for it is damaged). Nothing was imported.',
    fr: 'Ce fichier d’export n’est pas adressé à ce coffre (ou l’entrée qui lui est destinée est endommagée). Rien n’a été importé.',
  },
  EXPORT_HEADER_DAMAGED: {
    en: 'The header of this export file is damaged or altered. Nothing was imported.',
    fr: 'L’en-tête de ce fichier d’export est endommagé ou modifié. Rien n’a été importé.',
  },
  EXPORT_PAYLOAD_DAMAGED: {
    en: 'The content of this export file is damaged or altered. Nothing was imported.',
    fr: 'Le contenu de ce fichier d’export est endommagé ou modifié. Rien n’a été importé.',
  },
  EXPORT_TRUNCATED: {
    en: 'This export file is incomplete (cut short, for example by an interrupted copy). Nothing was imported.',
    fr: 'Ce fichier d’export est incomplet (tronqué, par exemple par une copie interrompue). Rien n’a été importé.',
  },
  EXPORT_TRAILING_DATA: {
    en: 'Unexpected data follows the end of this export file: it was altered. Nothing was imported.',
    fr: 'Des données inattendues suivent la fin de ce fichier d’export : il a été modifié. Rien n’a été importé.',
  },
  EXPORT_BAD_SIGNATURE: {
    en: 'The sender’s signature on this export is not valid: it may be forged or altered. Nothing was imported.',
    fr: 'La signature de l’expéditeur sur cet export n’est pas valide : il est peut-être falsifié ou modifié. Rien n’a été importé.',
  },
  EXPORT_MALFORMED: {
    en: 'This is not a valid CaseVault export file. Nothing was imported.',
    fr: 'Ce n’est pas un fichier d’export CaseVault valide. Rien n’a été importé.',
  },
  EXPORT_UNSUPPORTED_VERSION: {
    en: 'This export file uses a format version this CaseVault does not know. Update CaseVault to open it.',
    fr: 'Ce fichier d’export utilise une version de format inconnue de ce CaseVault. Mettez CaseVault à jour pour l’ouvrir.',
  },
  EXPORT_PASSPHRASE_NOT_ALONE: {
    en: 'A passphrase-protected export must have no other recipient. Nothing was written or imported.',
    fr: 'Un export protégé par phrase de passe ne peut avoir aucun autre destinataire. Rien n’a été écrit ni importé.',
  },
  EXPORT_FILE_HASH_MISMATCH: {
    en: 'A file inside this export does not match the fingerprint (SHA-256) its sender declared. Nothing was imported.',
    fr: 'Un fichier de cet export ne correspond pas à l’empreinte (SHA-256) déclarée par l’expéditeur. Rien n’a été importé.',
  },
  EXPORT_NOT_LISTED_RECIPIENT: {
    en: 'The sender did not address this export to this vault: it was re-sealed by someone else. Nothing was imported.',
    fr: 'L’expéditeur n’a pas adressé cet export à ce coffre : il a été rescellé par quelqu’un d’autre. Rien n’a été importé.',
  },
  EXPORT_CHANGED_SINCE_VERIFIED: {
    en: 'The export file changed after it was verified. Verify it again; nothing was imported.',
    fr: 'Le fichier d’export a changé après sa vérification. Vérifiez-le à nouveau ; rien n’a été importé.',
  },
  EXPORT_SOURCE_MISMATCH: {
    en: 'A file to export changed while the export was written (its size or SHA-256 differs). The export was not created.',
    fr: 'Un fichier à exporter a changé pendant l’écriture de l’export (taille ou SHA-256 différent). L’export n’a pas été créé.',
  },
  REPORT_THRESHOLD_INVALID: {
    en: 'The suppression threshold must be a whole number of at least 3 (the range is given below); smaller counts would let a person be recognised.',
    fr: 'Le seuil de masquage doit être un nombre entier d’au moins 3 (la plage est indiquée ci-dessous) ; des effectifs plus petits permettraient de reconnaître une personne.',
  },
  REPORT_UNKNOWN: {
    en: 'There is no report of this kind. The known kinds are listed below.',
    fr: 'Ce type de rapport n’existe pas. Les types connus sont indiqués ci-dessous.',
  },
  REPORT_PERIOD_INVALID: {
    en: 'The report period is not valid: give a start and an end date (YYYY-MM-DD), the start first, at most 10 years apart.',
    fr: 'La période du rapport n’est pas valide : indiquez une date de début et une date de fin (AAAA-MM-JJ), le début d’abord, à 10 ans d’écart au plus.',
  },
  SHARING_CONSENT_REFUSED: {
    en: "The case's consent does not allow sending this to a chosen recipient. Nothing was exported; the redacted mode may be allowed.",
    fr: 'Le consentement du dossier ne permet pas d’envoyer ceci à un destinataire choisi. Rien n’a été exporté ; le mode expurgé est peut-être permis.',
  },
  SHARING_NOT_SENDABLE: {
    en: 'A recipient cannot receive exports now (their key changed or they are no longer a contact). Nothing was exported.',
    fr: 'Un destinataire ne peut pas recevoir d’export pour l’instant (sa clé a changé ou ce n’est plus un contact). Rien n’a été exporté.',
  },
  RECEIVED_NOT_FOUND: {
    en: 'This received export is not in the vault.',
    fr: 'Cet export reçu n’est pas dans le coffre.',
  },
  RECEIVED_ALREADY_IMPORTED: {
    en: 'This export was already imported into the Received area. Nothing was changed.',
    fr: 'Cet export a déjà été importé dans l’espace Reçus. Rien n’a été modifié.',
  },
  RECEIPT_NO_MATCH: {
    en: 'This receipt does not match any export sent from this vault (export id, file hash or recipient differ). Nothing was changed.',
    fr: 'Cet accusé de réception ne correspond à aucun export envoyé depuis ce coffre (identifiant, empreinte du fichier ou destinataire différents). Rien n’a été modifié.',
  },
  EXTRACT_DIR_NOT_EMPTY: {
    en: 'Choose an existing, empty folder to extract into. Nothing was written.',
    fr: 'Choisissez un dossier existant et vide pour l’extraction. Rien n’a été écrit.',
  },
  BACKUP_CONTENT_INVALID: {
    en: 'The backup opened and its signature is valid, but its content is not a CaseVault backup this version can restore. Nothing was created.',
    fr: 'La sauvegarde s’est ouverte et sa signature est valide, mais son contenu n’est pas une sauvegarde CaseVault que cette version peut restaurer. Rien n’a été créé.',
  },
  REPORT_RECEIVED_INVALID: {
    en: 'The file opened and its signature is valid, but the report inside is not a valid CaseVault report (or does not match what the file says it is). Nothing was imported.',
    fr: 'Le fichier s’est ouvert et sa signature est valide, mais le rapport qu’il contient n’est pas un rapport CaseVault valide (ou ne correspond pas à ce que le fichier annonce). Rien n’a été importé.',
  },
  BACKUP_HISTORY_INVALID: {
    en: 'The backup’s audit history does not verify: an entry of the chain of custody or of the audit log was altered, removed or reordered. Nothing was created.',
    fr: 'L’historique d’audit de la sauvegarde ne se vérifie pas : une entrée de la chaîne de possession ou du journal d’audit a été modifiée, supprimée ou déplacée. Rien n’a été créé.',
  },
};

/** A user-facing error. `detail` is a short non-secret hint (a field name, a line number). */
export class CaseVaultError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${ERROR_MESSAGES[code].en} (${detail})` : `${code}: ${ERROR_MESSAGES[code].en}`);
    this.name = 'CaseVaultError';
    this.code = code;
    this.detail = detail;
    // The cause is kept for debugging only when it is one of ours; foreign errors may hold secrets
    // (SQLite echoes statements, libsodium echoes nothing but we do not rely on it).
    if (options?.cause instanceof CaseVaultError) this.cause = options.cause;
  }
}

export function messageFor(code: ErrorCode, language: Language, detail?: string): string {
  const base = ERROR_MESSAGES[code][language];
  return detail ? `${base} (${detail})` : base;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The plain-data shape an error takes when it crosses a process or IPC boundary. */
export interface SerializedError {
  code: ErrorCode;
  detail?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof CaseVaultError) {
    return error.detail ? { code: error.code, detail: error.detail } : { code: error.code };
  }
  return { code: 'INTERNAL' };
}
