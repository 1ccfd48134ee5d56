/**
 * i18next with the two bundled catalogues (no backend, no network). French and English carry the
 * same keys; tests/dom/i18n-parity.test.ts keeps it that way. The active language is mirrored on
 * <html lang> so screen readers pronounce the page in the right language.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';
import en from './en.json';
import fr from './fr.json';

export const catalogues = { fr, en } as const;

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: { fr: { translation: fr }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    // Catalogues are bundled, so there is nothing to wait for; suspending on a language change
    // would throw away the screen (and whatever the user typed) for nothing.
    react: { useSuspense: false },
  });
  document.documentElement.lang = language;
  return instance;
}

export async function applyLanguage(instance: i18n, language: Language): Promise<void> {
  await instance.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(instance: i18n): Language {
  return instance.language === 'en' ? 'en' : 'fr';
}
