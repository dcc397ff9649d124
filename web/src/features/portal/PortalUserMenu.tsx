/** The signed-in client's menu: who they are, their language and colour scheme, and signing out. */
import { Button, Divider, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links';
import { LanguageSwitch, ThemeToggle } from '../../components/Preferences';
import { useChangeLanguage, useMe, useSignOut } from '../auth/session';

export function PortalUserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const changeLanguage = useChangeLanguage();
  const signOut = useSignOut();
  const initials = me.user.name
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <Popover position="bottom-end" shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <UnstyledButton aria-label={t('portal.nav.userMenu', { name: me.user.name })} data-testid="portal-user-menu">
          <Text
            fw={700}
            size="sm"
            w={36}
            h={36}
            bg="var(--mantine-primary-color-light)"
            c="var(--mantine-primary-color-light-color)"
            ta="center"
            lh="36px"
            style={{ borderRadius: '50%' }}
            aria-hidden="true"
          >
            {initials}
          </Text>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" miw={220}>
          <div>
            <Text size="xs" c="dimmed">
              {t('portal.nav.signedInAs')}
            </Text>
            <Text fw={600}>{me.user.name}</Text>
            <Text size="sm" c="dimmed">
              {me.user.email}
            </Text>
          </div>
          <Divider />
          <ButtonLink to="/portal/notifications" variant="subtle" justify="flex-start" data-testid="portal-notifications-link">
            {t('clientNotifications.menu')}
          </ButtonLink>
          <LanguageSwitch onChange={(language) => changeLanguage.mutate(language)} />
          <ThemeToggle />
          <Button variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
            {t('shell.signOut')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
