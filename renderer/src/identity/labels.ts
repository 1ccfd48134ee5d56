import type { TFunction } from 'i18next';
import {
  CONTACT_ROLES,
  type ContactRole,
  type VerificationState,
} from '../../../shared/identity/constants.ts';

export function roleLabel(t: TFunction, role: ContactRole): string {
  return t(`contacts.roles.${role}`);
}

export function roleOptions(t: TFunction) {
  return CONTACT_ROLES.map((role) => ({ value: role, label: roleLabel(t, role) }));
}

export function verificationLabel(t: TFunction, state: VerificationState): string {
  return t(`contacts.verification.${state}`);
}

/** A date-time from the vault as a local date in the UI language. */
export function formatDate(iso: string | null, language: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString(language === 'en' ? 'en-GB' : 'fr-FR', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}
