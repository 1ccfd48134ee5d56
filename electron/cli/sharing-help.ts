/** Help pages of the sharing commands (export, open, receipt, backup, restore), FR and EN. */
import type { Language } from '../../shared/errors.ts';

export const SHARING_COMMANDS: Record<string, Record<Language, string>> = {
  export: {
    en: `Usage: casevault export <dir> --to NAME… --case CODE… [--redacted] [--no-evidence]
                        [--purpose P] --out FILE [--dry-run]

Seals the cases' records and evidence into one file that only the named contacts can open, signed
by this vault. --to and --case may be repeated. The plan is printed first: per recipient, the
consent verdict for each case (identifying data only where the case's consent allows the
recipient's role) and key warnings; what leaves. A refused plan writes nothing and exits 7.
--redacted: aliases only, age groups, regions (no localities), no contact details, redacted copies
of evidence only. The vault passphrase is required (it is checked again before sealing). The file
is never overwritten. Every export is logged (to whom, what, when, the file's SHA-256).`,
    fr: `Usage : casevault export <dossier> --to NOM… --case CODE… [--redacted] [--no-evidence]
                          [--purpose OBJET] --out FICHIER [--dry-run]

Scelle les enregistrements et les pièces des dossiers dans un fichier que seuls les contacts nommés
peuvent ouvrir, signé par ce coffre. --to et --case peuvent être répétés. Le plan est affiché
d’abord : pour chaque destinataire, le verdict du consentement de chaque dossier (données
identifiantes seulement si le consentement couvre la fonction du destinataire) et les alertes de
clé ; ce qui part. Un plan refusé n’écrit rien et sort avec le code 7. --redacted : pseudonymes
seulement, tranches d’âge, régions (pas de localités), pas de coordonnées, copies caviardées des
pièces seulement. La phrase de passe du coffre est exigée (vérifiée à nouveau avant le scellement).
Le fichier n’est jamais écrasé. Chaque export est journalisé (à qui, quoi, quand, SHA-256 du fichier).`,
  },
  open: {
    en: `Usage: casevault open <file> --vault <dir> [--verify-only] [--extract DIR --yes]

Checks a received export completely with the vault's identity (recipient entry, header MAC, every
chunk, signature, recipients listed, every file hash) and shows who sent it: a known contact, or an
UNKNOWN sender with the fingerprint to compare. Then imports it into the read-only Received area
(provenance kept: from whom, when, export id, file hash). Any failure: a precise error, nothing
imported. --extract writes the content IN CLEAR into an existing empty folder instead (--yes).`,
    fr: `Usage : casevault open <fichier> --vault <dossier> [--verify-only] [--extract DOSSIER --yes]

Vérifie entièrement un export reçu avec l’identité du coffre (entrée du destinataire, MAC d’en-tête,
chaque bloc, signature, destinataires listés, empreinte de chaque fichier) et indique l’expéditeur :
un contact connu, ou un expéditeur INCONNU avec l’empreinte à comparer. Puis l’importe dans l’espace
Reçus, en lecture seule (provenance gardée : de qui, quand, identifiant, empreinte du fichier). En
cas d’échec : une erreur précise, rien d’importé. --extract écrit le contenu EN CLAIR dans un dossier
existant et vide à la place (--yes).`,
  },
  receipt: {
    en: `Usage:
  casevault receipt list <dir>                                   exports in the Received area
  casevault receipt create <dir> <RECEIVED-ID> --out FILE [--note N]
  casevault receipt import <dir> <FILE>

create: a small file sealed to the original sender and signed by this vault, naming the export id
and the SHA-256 of the file received. import (on the sender's side): must match an export in the
log (id, hash, a recipient's key); the export then shows acknowledged and each item's chain of
custody gets an "acknowledged" entry.`,
    fr: `Usage :
  casevault receipt list <dossier>                               exports de l’espace Reçus
  casevault receipt create <dossier> <ID-REÇU> --out FICHIER [--note N]
  casevault receipt import <dossier> <FICHIER>

create : un petit fichier scellé pour l’expéditeur d’origine et signé par ce coffre, qui nomme
l’identifiant de l’export et le SHA-256 du fichier reçu. import (chez l’expéditeur) : doit
correspondre à un export du journal (identifiant, empreinte, clé d’un destinataire) ; l’export
apparaît alors confirmé et la chaîne de traçabilité de chaque pièce reçoit une entrée « confirmé ».`,
  },
  backup: {
    en: `Usage: casevault backup <dir> --out FILE [--backup-passphrase-file F] [--status]

Writes the whole vault (records with real names, evidence, received exports, identity and its keys,
contacts, logs) into one file in the export format, whose only recipient is the backup passphrase
(never combined with other recipients), signed by the vault's identity. The vault passphrase comes
from --passphrase-file or the first line of standard input, the backup passphrase from
--backup-passphrase-file or the next line. --status: when the last backup was made; a reminder is
due after 30 days.`,
    fr: `Usage : casevault backup <dossier> --out FICHIER [--backup-passphrase-file F] [--status]

Écrit tout le coffre (enregistrements avec les vrais noms, pièces, exports reçus, identité et ses
clés, contacts, journaux) dans un fichier au format d’export, dont le seul destinataire est la
phrase de passe de sauvegarde (jamais combinée avec d’autres), signé par l’identité du coffre. La
phrase de passe du coffre vient de --passphrase-file ou de la première ligne de l’entrée standard,
celle de la sauvegarde de --backup-passphrase-file ou de la ligne suivante. --status : date de la
dernière sauvegarde ; un rappel est dû après 30 jours.`,
  },
  restore: {
    en: `Usage: casevault restore <file> <newdir> [--backup-passphrase-file F] [--new-passphrase-file F]
                         [--kdf moderate|sensitive]

Creates a NEW vault in <newdir> from a backup (a folder holding a vault is refused) with a new
passphrase, and imports everything, identity and keys included: contacts keep recognising it.
Prints the new vault's recovery key once. Any failure leaves no vault behind.`,
    fr: `Usage : casevault restore <fichier> <nouveau-dossier> [--backup-passphrase-file F]
                           [--new-passphrase-file F] [--kdf moderate|sensitive]

Crée un NOUVEAU coffre dans <nouveau-dossier> à partir d’une sauvegarde (un dossier contenant déjà
un coffre est refusé), avec une nouvelle phrase de passe, et y importe tout, identité et clés
comprises : les contacts continuent de le reconnaître. Affiche une fois la clé de récupération du
nouveau coffre. En cas d’échec, aucun coffre n’est laissé.`,
  },
};
