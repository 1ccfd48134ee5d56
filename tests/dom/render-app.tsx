import { render } from '@testing-library/react';
import { createI18n } from '../../renderer/src/i18n/index.ts';
import { Root } from '../../renderer/src/Root.tsx';
import type { Language } from '../../shared/errors.ts';

/** Renders the whole app as main.tsx does, with a fresh i18n instance per test. */
export function renderApp(language: Language = 'fr') {
  const i18n = createI18n(language);
  return { i18n, ...render(<Root i18n={i18n} />) };
}
