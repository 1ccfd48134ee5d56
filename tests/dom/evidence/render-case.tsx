/** Renders an evidence screen inside the providers and the case context it expects. */
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import type { CaseDetail } from '../../../renderer/src/records/api.ts';
import { CaseContext } from '../../../renderer/src/records/case-context.ts';
import { cssVariablesResolver, theme } from '../../../renderer/src/theme.ts';
import type { Language } from '../../../shared/errors.ts';

export const CASE_ID = '7d3c5a48-1f7a-4f0c-9b7e-2b8e0b0b7c11';

export function caseDetail(kind: string): CaseDetail {
  const stamp = { createdAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z' };
  return {
    case: { id: CASE_ID, code: 'OC-2026-001', kind, title: 'Dossier', ...stamp },
    people: [],
    incidents: [],
    riskEntries: [],
    riskAssessments: [],
    plans: [],
    consents: [],
    referrals: [],
    ocseaReports: [],
    notes: [],
  } as CaseDetail;
}

export function renderInCase(ui: ReactNode, options: { kind?: string; language?: Language } = {}) {
  const i18n = createI18n(options.language ?? 'fr');
  const detail = caseDetail(options.kind ?? 'defender-protection');
  return render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nextProvider i18n={i18n}>
        <CaseContext.Provider
          value={{
            detail,
            caseId: CASE_ID,
            customKinds: [],
            reload: async () => {},
            reloadKinds: async () => {},
          }}
        >
          {ui}
        </CaseContext.Provider>
      </I18nextProvider>
    </MantineProvider>,
  );
}
