import { SegmentedControl } from '@mantine/core';
import { type Lang, useI18n } from '../lib/i18n';

/** ID / EN switch; the choice is kept in localStorage and the sigap_lang cookie. */
export function LangSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { lang, setLang, t } = useI18n();
  return (
    <SegmentedControl
      size={size}
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      aria-label={t('nav.bahasa')}
      data-testid="lang-switch"
      data={[
        { value: 'id', label: <span data-testid="lang-id">ID</span> },
        { value: 'en', label: <span data-testid="lang-en">EN</span> },
      ]}
    />
  );
}
