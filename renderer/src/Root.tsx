import { MantineProvider } from '@mantine/core';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** Providers around the app; tests render this with their own i18n instance. */
export function Root({ i18n }: { i18n: i18n }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </MantineProvider>
  );
}
