/**
 * The CLI's exit codes (docs/cli.md §Exit codes). Scripts rely on them, so a code's meaning never
 * changes; a new situation gets a new code.
 */
import type { ErrorCode } from '../../shared/errors.ts';

export const EXIT = {
  OK: 0,
  USAGE: 1,
  WRONG_SECRET: 2,
  DAMAGED: 3,
  NOT_FOUND_OR_EXISTS: 4,
  IO: 5,
  TOO_NEW: 6,
  /** Sharing refused by the case's consent or a recipient's key state: nothing was exported. */
  REFUSED: 7,
  INTERNAL: 70,
  /** Ctrl-C at a prompt: the shell's convention for SIGINT. */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_CODE: Record<ErrorCode, ExitCode> = {
  INVALID_INPUT: EXIT.USAGE,
  PASSPHRASE_TOO_WEAK: EXIT.USAGE,
  // Malformed (bad checksum or shape) is found without any crypto: bad input, like a short
  // passphrase. Exit 2 is kept for a key that was tried against the vault and failed.
  RECOVERY_KEY_MALFORMED: EXIT.USAGE,
  WRONG_PASSPHRASE: EXIT.WRONG_SECRET,
  WRONG_RECOVERY_KEY: EXIT.WRONG_SECRET,
  HEADER_DAMAGED: EXIT.DAMAGED,
  HEADER_ALTERED: EXIT.DAMAGED,
  KDF_PARAMS_OUT_OF_BOUNDS: EXIT.DAMAGED,
  DATABASE_DAMAGED: EXIT.DAMAGED,
  DATABASE_MISMATCH: EXIT.DAMAGED,
  VAULT_NOT_FOUND: EXIT.NOT_FOUND_OR_EXISTS,
  VAULT_ALREADY_EXISTS: EXIT.NOT_FOUND_OR_EXISTS,
  IO_ERROR: EXIT.IO,
  // Not damage: the vault is fine, this CaseVault is too old. Kept apart so scripts do not restore
  // a backup over a healthy vault.
  DATABASE_TOO_NEW: EXIT.TOO_NEW,
  // Records: what the user asked for is not valid or not allowed (bad input), or is not there.
  RECORD_INVALID: EXIT.USAGE,
  IMPORT_INVALID: EXIT.USAGE,
  RECORD_CONFLICT: EXIT.USAGE,
  RECORD_IN_USE: EXIT.USAGE,
  CONSENT_REQUIRED: EXIT.USAGE,
  RECORD_NOT_FOUND: EXIT.NOT_FOUND_OR_EXISTS,
  AUDIT_CHAIN_BROKEN: EXIT.DAMAGED,
  VAULT_LOCKED: EXIT.INTERNAL,
  VAULT_ALREADY_UNLOCKED: EXIT.INTERNAL,
  INTERNAL: EXIT.INTERNAL,
  // Evidence: a damaged blob is damage; a refused request is bad input; a missing item or an
  // existing output file is "not found or exists".
  EVIDENCE_NOT_FOUND: EXIT.NOT_FOUND_OR_EXISTS,
  EVIDENCE_DAMAGED: EXIT.DAMAGED,
  EVIDENCE_OCSEA_WARNING: EXIT.USAGE,
  EVIDENCE_UNSUPPORTED_REDACTION: EXIT.USAGE,
  EVIDENCE_TOO_LARGE: EXIT.USAGE,
  FILE_NOT_READABLE: EXIT.NOT_FOUND_OR_EXISTS,
  FILE_EXISTS: EXIT.NOT_FOUND_OR_EXISTS,
  TASK_CANCELLED: EXIT.INTERRUPTED,
  // Identity and contacts: a bad card is bad input; an altered card is damage; a missing contact is
  // not found; a key change waiting for the user is bad input (accept or reject it first).
  CARD_MALFORMED: EXIT.USAGE,
  CARD_SIGNATURE_INVALID: EXIT.DAMAGED,
  CARD_VERSION_UNSUPPORTED: EXIT.USAGE,
  CARD_IS_OWN: EXIT.USAGE,
  IDENTITY_INCOMPLETE: EXIT.USAGE,
  CONTACT_NOT_FOUND: EXIT.NOT_FOUND_OR_EXISTS,
  CONTACT_KEY_CHANGED: EXIT.USAGE,
  CONTACT_NO_KEY_CHANGE: EXIT.USAGE,
  // Exports: the key tried did not open it (like a wrong passphrase); a newer format is TOO_NEW;
  // everything else is a damaged, altered or forged file (a passphrase stanza with company included:
  // the sealer refuses it before any file exists, so an opener meeting it holds a bad file).
  EXPORT_NOT_FOR_YOU: EXIT.WRONG_SECRET,
  EXPORT_UNSUPPORTED_VERSION: EXIT.TOO_NEW,
  EXPORT_HEADER_DAMAGED: EXIT.DAMAGED,
  EXPORT_PAYLOAD_DAMAGED: EXIT.DAMAGED,
  EXPORT_TRUNCATED: EXIT.DAMAGED,
  EXPORT_TRAILING_DATA: EXIT.DAMAGED,
  EXPORT_BAD_SIGNATURE: EXIT.DAMAGED,
  EXPORT_MALFORMED: EXIT.DAMAGED,
  EXPORT_PASSPHRASE_NOT_ALONE: EXIT.DAMAGED,
  EXPORT_FILE_HASH_MISMATCH: EXIT.DAMAGED,
  EXPORT_NOT_LISTED_RECIPIENT: EXIT.DAMAGED,
  EXPORT_CHANGED_SINCE_VERIFIED: EXIT.DAMAGED,
  // A file to export changed under the sealer: an I/O situation, retry once the file is stable.
  EXPORT_SOURCE_MISMATCH: EXIT.IO,
  // Reports: a threshold, kind or period the user typed is not acceptable (bad input).
  REPORT_THRESHOLD_INVALID: EXIT.USAGE,
  REPORT_UNKNOWN: EXIT.USAGE,
  REPORT_PERIOD_INVALID: EXIT.USAGE,
  SHARING_CONSENT_REFUSED: EXIT.REFUSED,
  SHARING_NOT_SENDABLE: EXIT.REFUSED,
  RECEIVED_NOT_FOUND: EXIT.NOT_FOUND_OR_EXISTS,
  RECEIVED_ALREADY_IMPORTED: EXIT.NOT_FOUND_OR_EXISTS,
  RECEIPT_NO_MATCH: EXIT.NOT_FOUND_OR_EXISTS,
  EXTRACT_DIR_NOT_EMPTY: EXIT.NOT_FOUND_OR_EXISTS,
  BACKUP_CONTENT_INVALID: EXIT.DAMAGED,
  REPORT_RECEIVED_INVALID: EXIT.DAMAGED,
  BACKUP_HISTORY_INVALID: EXIT.DAMAGED,
};

export function exitCodeFor(code: ErrorCode): ExitCode {
  return BY_CODE[code];
}
