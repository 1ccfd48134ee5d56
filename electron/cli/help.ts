/** `--help` texts, FR and EN. Kept in step with docs/cli.md. */

import type { Language } from '../../shared/errors.ts';
import { SHARING_COMMANDS } from './sharing-help.ts';

const COMMON = {
  en: `Common options:
  --json           machine-readable output on stdout (errors too)
  --lang fr|en     language of messages (default: from LC_ALL / LC_MESSAGES / LANG)
  --help           this help

Passphrases and keys are read ONLY from a file (--passphrase-file FILE, first line) or from
standard input (first line; typed without echo on a terminal), never from an argument: arguments
stay in the shell history and are visible to other users in the process list.`,
  fr: `Options communes :
  --json           sortie lisible par une machine sur stdout (erreurs comprises)
  --lang fr|en     langue des messages (par défaut : selon LC_ALL / LC_MESSAGES / LANG)
  --help           cette aide

Les phrases de passe et les clés sont lues UNIQUEMENT dans un fichier (--passphrase-file FICHIER,
première ligne) ou sur l’entrée standard (première ligne ; saisie sans écho sur un terminal), jamais
dans un argument : les arguments restent dans l’historique du shell et sont visibles des autres
utilisateurs dans la liste des processus.`,
};

const GENERAL = {
  en: `casevault — manage a CaseVault encrypted vault from the command line

Usage: casevault <command> <dir> [options]

Commands:
  init <dir> [--kdf moderate|sensitive] [--passphrase-file F]   create a vault, print its recovery key once
  info <dir>                                                     header facts, no key needed
  check <dir> [--passphrase-file F]                              unlock and verify header, database, schema
  passwd <dir> [--passphrase-file F] --new-passphrase-file F     change the passphrase
  recover <dir> --recovery-key-file F --new-passphrase-file F    set a new passphrase with the recovery key
  erase <dir> --yes                                              destroy the keys: the vault is gone for good
  import <dir> <file.json|file.csv> [--csv]                      import records (all or nothing)
  export-json <dir> [--case CODE] [--include-identities] [--out F] [--yes]   PLAINTEXT export of the records
  list <dir> [--kind K] [--status S] [--limit N]                 list cases
  show <dir> <CODE>                                              summary of one case (aliases only)
  search <dir> <words…> [--kind entity]                          full-text search
  audit <dir> [--limit N]                                        verify the audit chain, show the last entries
  evidence add|list|verify|extract|redact <dir> …                evidence files (casevault evidence --help)
  identity show|export-card|set <dir> …                          this vault's identity: fingerprint, key card
  contact add|list|show|verify|accept-key|reject-key|delete <dir> …   responders' key cards and verification
  report <dir> --kind K --from DATE --to DATE [--threshold N] [--format csv|json] [--out F]   anonymised statistics
  report <dir> --kind K --from DATE --to DATE --seal-to NAME… --out F.cvx       the report sealed to contacts
  export <dir> --to NAME… --case CODE… [--redacted] --out F        sealed, signed export to contacts (consent-gated)
  open <file> --vault <dir> [--verify-only] [--extract DIR --yes]   verify a received export, import it into Received
  receipt create|import|list <dir> …                             signed acknowledgements of exports
  backup <dir> --out F [--backup-passphrase-file F] [--status]   full encrypted backup of the vault
  restore <file> <newdir>                                         restore a backup into a new vault

Exit codes: 0 ok, 1 usage or bad input, 2 wrong passphrase or key, 3 vault damaged or altered,
4 vault not found / already exists / erased, 5 I/O error, 6 vault made by a newer CaseVault,
7 sharing refused (consent or recipient key), 70 internal error.`,
  fr: `casevault — gérer un coffre chiffré CaseVault en ligne de commande

Usage : casevault <commande> <dossier> [options]

Commandes :
  init <dossier> [--kdf moderate|sensitive] [--passphrase-file F]  créer un coffre, afficher sa clé de récupération une fois
  info <dossier>                                                    informations de l’en-tête, sans clé
  check <dossier> [--passphrase-file F]                             déverrouiller et vérifier en-tête, base, schéma
  passwd <dossier> [--passphrase-file F] --new-passphrase-file F    changer la phrase de passe
  recover <dossier> --recovery-key-file F --new-passphrase-file F   nouvelle phrase de passe grâce à la clé de récupération
  erase <dossier> --yes                                             détruire les clés : le coffre est perdu pour toujours
  import <dossier> <fichier.json|fichier.csv> [--csv]               importer des enregistrements (tout ou rien)
  export-json <dossier> [--case CODE] [--include-identities] [--out F] [--yes]   export EN CLAIR des enregistrements
  list <dossier> [--kind K] [--status S] [--limit N]                lister les dossiers
  show <dossier> <CODE>                                             résumé d’un dossier (pseudonymes seulement)
  search <dossier> <mots…> [--kind entité]                          recherche plein texte
  audit <dossier> [--limit N]                                       vérifier la chaîne d’audit, afficher les dernières entrées
  evidence add|list|verify|extract|redact <dossier> …               pièces et fichiers de preuve (casevault evidence --help)
  identity show|export-card|set <dossier> …                         identité du coffre : empreinte, carte de clés
  contact add|list|show|verify|accept-key|reject-key|delete <dossier> …   cartes de clés des intervenants et vérification
  report <dossier> --kind K --from DATE --to DATE [--threshold N] [--format csv|json] [--out F]   statistiques anonymisées
  report <dossier> --kind K --from DATE --to DATE --seal-to NOM… --out F.cvx    le rapport scellé pour des contacts
  export <dossier> --to NOM… --case CODE… [--redacted] --out F     export scellé et signé vers des contacts (selon le consentement)
  open <fichier> --vault <dossier> [--verify-only] [--extract DOSSIER --yes]   vérifier un export reçu, l’importer dans Reçus
  receipt create|import|list <dossier> …                          accusés de réception signés
  backup <dossier> --out F [--backup-passphrase-file F] [--status]   sauvegarde chiffrée complète du coffre
  restore <fichier> <nouveau-dossier>                              restaurer une sauvegarde dans un nouveau coffre

Codes de sortie : 0 succès, 1 usage ou entrée invalide, 2 phrase de passe ou clé incorrecte,
3 coffre endommagé ou modifié, 4 coffre introuvable / déjà existant / effacé, 5 erreur d’entrée-sortie,
6 coffre écrit par un CaseVault plus récent, 7 partage refusé (consentement ou clé du destinataire),
70 erreur interne.`,
};

const COMMANDS: Record<string, Record<Language, string>> = {
  init: {
    en: `Usage: casevault init <dir> [--kdf moderate|sensitive] [--passphrase-file F]

Creates a vault in <dir>. The passphrase (at least 12 characters) comes from --passphrase-file or
standard input (asked twice on a terminal). --kdf sensitive is much slower to unlock (about 6 s) and
much harder to attack. The recovery key is printed once: write it down on paper.`,
    fr: `Usage : casevault init <dossier> [--kdf moderate|sensitive] [--passphrase-file F]

Crée un coffre dans <dossier>. La phrase de passe (au moins 12 caractères) vient de --passphrase-file
ou de l’entrée standard (demandée deux fois sur un terminal). --kdf sensitive rend le déverrouillage
bien plus lent (environ 6 s) et les attaques bien plus difficiles. La clé de récupération est
affichée une seule fois : notez-la sur papier.`,
  },
  info: {
    en: 'Usage: casevault info <dir>\n\nPrints the header facts (format, vault id, dates, key slots and their KDF settings). Needs no key.',
    fr: 'Usage : casevault info <dossier>\n\nAffiche les informations de l’en-tête (format, identifiant, dates, emplacements de clé et leurs paramètres de dérivation). Aucune clé nécessaire.',
  },
  check: {
    en: 'Usage: casevault check <dir> [--passphrase-file F] [--repair]\n\nUnlocks the vault and checks the header MAC, the database integrity and its schema version, the audit chain, and every evidence item (re-decrypted and re-hashed). Exit 3 if anything is damaged or altered. Changes nothing but the custody record (one verify entry per evidence item), except with --repair, which overwrites and removes orphan evidence files left by interrupted additions (never an item).',
    fr: 'Usage : casevault check <dossier> [--passphrase-file F] [--repair]\n\nDéverrouille le coffre et vérifie le MAC de l’en-tête, l’intégrité de la base et la version de son schéma, la chaîne d’audit et chaque pièce (re-déchiffrée et ré-empreintée). Code 3 si quelque chose est endommagé ou modifié. Ne modifie rien d’autre que la traçabilité (une entrée de vérification par pièce), sauf avec --repair, qui écrase et supprime les fichiers orphelins laissés par des ajouts interrompus (jamais une pièce).',
  },
  passwd: {
    en: 'Usage: casevault passwd <dir> [--passphrase-file F] [--new-passphrase-file F]\n\nChanges the passphrase. The current one comes from --passphrase-file or standard input, the new one from --new-passphrase-file or standard input (next line; asked twice on a terminal).',
    fr: 'Usage : casevault passwd <dossier> [--passphrase-file F] [--new-passphrase-file F]\n\nChange la phrase de passe. L’actuelle vient de --passphrase-file ou de l’entrée standard, la nouvelle de --new-passphrase-file ou de l’entrée standard (ligne suivante ; demandée deux fois sur un terminal).',
  },
  recover: {
    en: 'Usage: casevault recover <dir> [--recovery-key-file F] [--new-passphrase-file F]\n\nOpens the vault with its recovery key and sets a new passphrase. Each secret comes from its file or, failing that, from standard input (one line each, key first).',
    fr: 'Usage : casevault recover <dossier> [--recovery-key-file F] [--new-passphrase-file F]\n\nOuvre le coffre avec sa clé de récupération et définit une nouvelle phrase de passe. Chaque secret vient de son fichier ou, à défaut, de l’entrée standard (une ligne chacun, la clé d’abord).',
  },
  erase: {
    en: 'Usage: casevault erase <dir> --yes\n\nCrypto-erase: destroys the wrapped keys so that nothing (not even the recovery key) can open the vault again. Refused without --yes.',
    fr: 'Usage : casevault erase <dossier> --yes\n\nEffacement cryptographique : détruit les clés protégées pour que plus rien (pas même la clé de récupération) ne puisse ouvrir le coffre. Refusé sans --yes.',
  },
};

const RECORDS_COMMANDS: Record<string, Record<Language, string>> = {
  import: {
    en: 'Usage: casevault import <dir> <file> [--csv] [--passphrase-file F]\n\nImports a records file (casevault.records/1, docs/records-format.md) or, for a .csv file or with --csv, cases and incidents from a spreadsheet (docs/csv-import.md). All or nothing: a refusal names the line and the field, and nothing is written (exit 1).',
    fr: 'Usage : casevault import <dossier> <fichier> [--csv] [--passphrase-file F]\n\nImporte un fichier d’enregistrements (casevault.records/1, docs/records-format.md) ou, pour un fichier .csv ou avec --csv, des dossiers et incidents d’un tableur (docs/csv-import.md). Tout ou rien : un refus indique la ligne et le champ, et rien n’est écrit (code 1).',
  },
  'export-json': {
    en: 'Usage: casevault export-json <dir> [--case CODE] [--include-identities] [--out FILE] [--yes]\n\nWrites the records (or one case) in the records format, in PLAINTEXT: to standard output, or to a new FILE (never overwritten). --yes is required when the output is a terminal or a file; a pipe to another program needs none. Real names only with --include-identities. With --json, --out is required.',
    fr: 'Usage : casevault export-json <dossier> [--case CODE] [--include-identities] [--out FICHIER] [--yes]\n\nÉcrit les enregistrements (ou un dossier) au format ouvert, EN CLAIR : sur la sortie standard ou dans un nouveau FICHIER (jamais écrasé). --yes est exigé quand la sortie est un terminal ou un fichier ; un tube vers un autre programme n’en a pas besoin. Vrais noms seulement avec --include-identities. Avec --json, --out est obligatoire.',
  },
  list: {
    en: 'Usage: casevault list <dir> [--kind K] [--status S] [--limit N]\n\nLists cases, newest opened first (limit 1–500, default 100).',
    fr: 'Usage : casevault list <dossier> [--kind K] [--status S] [--limit N]\n\nListe les dossiers, les plus récents d’abord (limite 1–500, 100 par défaut).',
  },
  show: {
    en: 'Usage: casevault show <dir> <CODE>\n\nA readable summary of one case: people by alias (never real names), incidents, risk log and trend, protection plan (overdue measures first), consents, referrals, OCSEA reports.',
    fr: 'Usage : casevault show <dossier> <CODE>\n\nRésumé lisible d’un dossier : personnes par pseudonyme (jamais de vrai nom), incidents, journal des risques et tendance, plan de protection (mesures en retard d’abord), consentements, référencements, signalements OCSEA.',
  },
  search: {
    en: 'Usage: casevault search <dir> <words…> [--kind entity]\n\nFull-text search (every word must match, as a prefix). --kind: case, person, incident, riskEntry, …',
    fr: 'Usage : casevault search <dossier> <mots…> [--kind entité]\n\nRecherche plein texte (chaque mot doit correspondre, en préfixe). --kind : case, person, incident, riskEntry, …',
  },
  audit: {
    en: 'Usage: casevault audit <dir> [--limit N]\n\nVerifies the whole audit chain (exit 3 and the first entry that fails if it was altered) and lists the last N entries (default 20).',
    fr: 'Usage : casevault audit <dossier> [--limit N]\n\nVérifie toute la chaîne d’audit (code 3 et la première entrée fautive si elle a été modifiée) et affiche les N dernières entrées (20 par défaut).',
  },
};
Object.assign(COMMANDS, RECORDS_COMMANDS);

COMMANDS.evidence = {
  en: `Usage:
  casevault evidence add <dir> --case CODE [--incident ID] [--risk ID] [--source device|web|received|other]
        [--url U] [--from WHO] [--note N] [--captured-at 2026-03-02T10:15:00Z] [--ocsea-acknowledged] <file…>
  casevault evidence list <dir> [--case CODE] [--limit N]
  casevault evidence verify <dir>
  casevault evidence extract <dir> <id> --out FILE
  casevault evidence redact <dir> <id> --region x,y,w,h [--region …]

add encrypts each file into the vault (type from its content, SHA-256, metadata such as GPS), with a
progress bar when stderr is a terminal; Ctrl-C stops cleanly and writes nothing for the current file.
Images and videos are refused in an OCSEA case unless --ocsea-acknowledged: record the report instead.
verify re-decrypts and re-hashes every item (exit 3 names damaged items). extract writes a DECRYPTED
copy (warning; never overwrites; recorded in custody). redact makes a copy of an image with the regions
(fractions 0–1 of width and height) blacked out and no metadata. Ids may be shortened to 8+ characters.`,
  fr: `Usage :
  casevault evidence add <dossier> --case CODE [--incident ID] [--risk ID] [--source device|web|received|other]
        [--url U] [--from QUI] [--note N] [--captured-at 2026-03-02T10:15:00Z] [--ocsea-acknowledged] <fichier…>
  casevault evidence list <dossier> [--case CODE] [--limit N]
  casevault evidence verify <dossier>
  casevault evidence extract <dossier> <id> --out FICHIER
  casevault evidence redact <dossier> <id> --region x,y,w,h [--region …]

add chiffre chaque fichier dans le coffre (type d’après le contenu, SHA-256, métadonnées comme le GPS),
avec une barre de progression quand stderr est un terminal ; Ctrl-C arrête proprement sans rien écrire
pour le fichier en cours. Dans un dossier OCSEA, images et vidéos sont refusées sans --ocsea-acknowledged :
enregistrez plutôt le signalement. verify re-déchiffre et ré-empreinte chaque pièce (code 3, pièces
endommagées nommées). extract écrit une copie DÉCHIFFRÉE (avertissement ; jamais d’écrasement ; inscrit
dans la traçabilité). redact crée une copie d’une image aux zones noircies (fractions 0–1 de la largeur et
de la hauteur), sans métadonnées. Les identifiants peuvent être abrégés à 8 caractères ou plus.`,
};
const IDENTITY_COMMANDS: Record<string, Record<Language, string>> = {
  identity: {
    en: `Usage:
  casevault identity show <dir>                                   name, organisation, role, fingerprint, key card text
  casevault identity export-card <dir> --out FILE.cvcard          write the key card file (never overwrites)
  casevault identity set <dir> [--name N] [--organisation O] [--role R]

The identity (an X25519 key pair to receive sealed exports, an Ed25519 key pair to sign them) is
made the first time it is needed. The key card holds only PUBLIC keys and is signed: share it
openly. The fingerprint (12 groups of 5 digits) is what you compare with your contact.`,
    fr: `Usage :
  casevault identity show <dossier>                               nom, organisation, fonction, empreinte, carte de clés
  casevault identity export-card <dossier> --out FICHIER.cvcard   écrire le fichier de carte (jamais écrasé)
  casevault identity set <dossier> [--name N] [--organisation O] [--role R]

L’identité (une paire de clés X25519 pour recevoir des exports scellés, une paire Ed25519 pour les
signer) est créée la première fois qu’elle sert. La carte de clés ne contient que des clés PUBLIQUES
et elle est signée : partagez-la ouvertement. L’empreinte (12 groupes de 5 chiffres) est ce que vous
comparez avec votre contact.`,
  },
  contact: {
    en: `Usage:
  casevault contact add <dir> <card-file|-> [--role R] [--update CONTACT]
  casevault contact list <dir>
  casevault contact show <dir> <CONTACT>
  casevault contact verify <dir> <CONTACT> --method in-person|phone|none (--fingerprint DIGITS | --yes)
  casevault contact accept-key <dir> <CONTACT>
  casevault contact reject-key <dir> <CONTACT>
  casevault contact delete <dir> <CONTACT> --yes

CONTACT is the id shown by "contact list", or the name when only one contact has it.
--role: legal, psychosocial, medical, protection, coordination, other (default other).
"-" reads the card's text form from standard input (then --passphrase-file is required).
A card with NEW KEYS for a contact you have (same name and organisation, the same contact named
with --update, or keys that contact had before) is flagged, never accepted silently: compare the new
fingerprint with them, then accept-key (verification goes back to "not verified") or reject-key.
verify --fingerprint checks the digits they read out to you before recording anything; without it,
run "contact show", compare, and confirm with --yes.`,
    fr: `Usage :
  casevault contact add <dossier> <fichier-carte|-> [--role R] [--update CONTACT]
  casevault contact list <dossier>
  casevault contact show <dossier> <CONTACT>
  casevault contact verify <dossier> <CONTACT> --method in-person|phone|none (--fingerprint CHIFFRES | --yes)
  casevault contact accept-key <dossier> <CONTACT>
  casevault contact reject-key <dossier> <CONTACT>
  casevault contact delete <dossier> <CONTACT> --yes

CONTACT est l’identifiant affiché par « contact list », ou le nom quand un seul contact le porte.
--role : legal, psychosocial, medical, protection, coordination, other (other par défaut).
« - » lit la forme texte de la carte sur l’entrée standard (--passphrase-file est alors obligatoire).
Une carte portant de NOUVELLES CLÉS pour un contact existant (même nom et même organisation, contact
désigné par --update, ou clés que ce contact a déjà eues) est signalée, jamais acceptée en silence :
comparez la nouvelle empreinte avec la personne, puis accept-key (la vérification repasse à « non
vérifié ») ou reject-key. verify --fingerprint contrôle les chiffres qu’elle vous lit avant
d’enregistrer quoi que ce soit ; sinon, lancez « contact show », comparez, puis confirmez avec --yes.`,
  },
};
Object.assign(COMMANDS, IDENTITY_COMMANDS);
COMMANDS.report = {
  en: `Usage: casevault report <dir> --kind K --from YYYY-MM-DD --to YYYY-MM-DD [--threshold N]
       [--granularity month|quarter] [--format csv|json] [--out FILE] [--passphrase-file F]

Anonymised statistics over the cases whose consent allows them (docs/reports.md). --kind: mrm,
gbv-psea, intake, defender-threats. Counts from 1 to N − 1 show as "<N" (N = --threshold, default 5,
never below 3); other counts are hidden ("x") where a small one could be worked out from the totals
or from another report of the same period. Dates are coarsened to months (or quarters), places to
regions. CSV (default) is UTF-8 with a byte-order mark, headers in the --lang language. Written to
standard output, or to a new FILE (never overwritten; the export is recorded in the audit log).

With --seal-to NAME… --out FILE.cvx [--purpose P]: the report sealed and signed to contacts instead
(the protected model and its CSV; casevault open imports it on the other side). A contact with a
changed key refuses (exit 7); an unverified one is a warning.`,
  fr: `Usage : casevault report <dossier> --kind K --from AAAA-MM-JJ --to AAAA-MM-JJ [--threshold N]
        [--granularity month|quarter] [--format csv|json] [--out FICHIER] [--passphrase-file F]

Statistiques anonymisées sur les dossiers dont le consentement le permet (docs/reports.md). --kind :
mrm, gbv-psea, intake, defender-threats. Les effectifs de 1 à N − 1 s’affichent « <N » (N = --threshold,
5 par défaut, jamais moins de 3) ; d’autres sont masqués (« x ») quand un petit effectif pourrait être
retrouvé par les totaux ou par un autre rapport de la même période. Dates ramenées au mois (ou au
trimestre), lieux à la région. Le CSV (par défaut) est en UTF-8 avec BOM, en-têtes dans la langue de
--lang. Écrit sur la sortie standard, ou dans un nouveau FICHIER (jamais écrasé ; l’export est inscrit
au journal d’audit).

Avec --seal-to NOM… --out FICHIER.cvx [--purpose P] : le rapport scellé et signé pour des contacts
(le modèle protégé et son CSV ; casevault open l’importe de l’autre côté). Un contact dont la clé a
changé refuse (code 7) ; un contact non vérifié donne un avertissement.`,
};
Object.assign(COMMANDS, SHARING_COMMANDS);

export function helpText(language: Language, command?: string): string {
  const body = command ? COMMANDS[command]?.[language] : undefined;
  return `${body ?? GENERAL[language]}\n\n${COMMON[language]}\n`;
}
