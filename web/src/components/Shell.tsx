/** The frame around every staff page: header, navigation to the pages the user may use, content. */
import { AppShell, Badge, Burger, Group, NavLink, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { homeFor, useMe } from '../features/auth/session';
import { InboxBell } from '../features/inbox/InboxBell';
import { SearchButton } from '../features/search/SearchButton';
import { navFor } from './nav';
import { useBackgroundReady } from '../lib/use-background-ready';
import { SessionControls } from './Preferences';
import { PageLoader } from './RouteStates';
import classes from './Shell.module.css';

/**
 * The shell appears with the first page in a deferred render: the router mounts it in one
 * uninterrupted task, which React may then split into short slices (see useBackgroundReady).
 */
export function Shell() {
  return useBackgroundReady(true) ? <ShellFrame /> : null;
}

function ShellFrame() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className={classes.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <Text component={Link} to={homeFor(me.user.role)} fw={700} size="lg" className={classes.brand}>
              Liaison
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group gap={6} visibleFrom="xs" wrap="nowrap" data-testid="current-user">
              <Text size="sm" fw={500}>
                {me.user.name}
              </Text>
              <Badge size="sm">{t(`roles.${me.user.role}`)}</Badge>
            </Group>
            <SearchButton />
            <InboxBell />
            <SessionControls />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')} component="nav" className={classes.navbar}>
        <VisuallyHidden>
          <h2>{t('shell.navigation')}</h2>
        </VisuallyHidden>
        {navFor(me.can).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
            aria-current={pathname.startsWith(item.to) ? 'page' : undefined}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
