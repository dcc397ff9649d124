/** The language and colour-scheme switches, shown in the shell, the portal and on sign-in. */
import { ActionIcon, Button, NativeSelect, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '@common/enums';
import { useChangeLanguage, useSignOut } from '../features/auth/session';
import { UI_LANGUAGES } from '../i18n';

/** Language names are written in their own language so anyone can find theirs. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' };

export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('shell.language')}
      size="xs"
      value={i18n.language}
      onChange={(e) => onChange(e.currentTarget.value as Language)}
      data={UI_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      data-testid="language-switch"
    />
  );
}

export function ThemeToggle() {
  const { t } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const label = scheme === 'dark' ? t('shell.lightTheme') : t('shell.darkTheme');
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
        <span aria-hidden="true">{scheme === 'dark' ? '☀' : '☾'}</span>
      </ActionIcon>
    </Tooltip>
  );
}

/** Language (saved on the profile), colour scheme and sign-out for a signed-in user. */
export function SessionControls() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const signOut = useSignOut();
  return (
    <>
      <LanguageSwitch onChange={(language) => changeLanguage.mutate(language)} />
      <ThemeToggle />
      <Button variant="default" size="xs" loading={signOut.isPending} onClick={() => signOut.mutate()}>
        {t('shell.signOut')}
      </Button>
    </>
  );
}
