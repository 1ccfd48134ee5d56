import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/errors.ts';

/** FR | EN, on every screen including before unlock. Each option is named in its own language. */
export function LanguageSwitch({
  value,
  onChange,
}: {
  value: Language;
  onChange: (language: Language) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      data-testid="language-switch"
      size="xs"
      value={value}
      onChange={(next) => onChange(next === 'en' ? 'en' : 'fr')}
      data={[
        {
          value: 'fr',
          label: (
            <span lang="fr" title="Français">
              FR
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en" title="English">
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
