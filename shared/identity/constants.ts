/**
 * Identity and contacts vocabulary shared by the vault core, the IPC contract, the CLI and the
 * renderer: contact roles, verification methods, and the bounds of the fields a key card carries
 * (docs/key-card-format.md). Plain data, no Node or DOM.
 */

/** What a contact does for the people in a case; the consent's recipient kinds use the same words. */
export const CONTACT_ROLES = [
  'legal',
  'psychosocial',
  'medical',
  'protection',
  'coordination',
  'other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** How the fingerprint was compared; `unverified` clears an earlier verification. */
export const VERIFICATION_METHODS = ['in-person', 'phone'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];
export const VERIFICATION_STATES = ['unverified', ...VERIFICATION_METHODS] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** Bounds of the card's text fields, in characters (UTF-16 code units) after NFC normalisation. */
export const CARD_LIMITS = {
  name: { min: 1, max: 100 },
  organisation: { min: 0, max: 120 },
  role: { min: 0, max: 80 },
  /** The text form, whole line. */
  text: 4096,
  /** A `.cvcard` file. */
  file: 16 * 1024,
} as const;

export const CARD_TEXT_PREFIX = 'casevault-card:';
export const CARD_FILE_EXTENSION = 'cvcard';
/** Number of 5-digit groups a fingerprint is shown as. */
export const FINGERPRINT_GROUPS = 12;
