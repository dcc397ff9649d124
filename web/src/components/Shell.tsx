/** The frame around every staff page: header, navigation for the user's role, content. */
import { AppShell, Badge, Burger, Group, NavLink, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, type LinkProps } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@common/enums';
import { canManageAccounts, homeFor, isAdmin, useMe } from '../features/auth/session';
import { seesReceivables } from '../features/billing/permissions';
import { useBackgroundReady } from '../lib/use-background-ready';
import { SessionControls } from './Preferences';
import { PageLoader } from './RouteStates';
import classes from './Shell.module.css';

interface NavItem {
  to: LinkProps['to'] & string;
  label: string;
  visible: (role: Role) => boolean;
}

// Specialists reach no account; they work from their own tasks.
const notSpecialist = (role: Role) => role !== 'specialist';

// Only capabilities that exist are listed; pages a role cannot use stay hidden from it.
const NAV: NavItem[] = [
  { to: '/my-work', label: 'nav.myWork', visible: (role) => role === 'specialist' },
  { to: '/accounts', label: 'nav.accounts', visible: notSpecialist },
  { to: '/next-steps', label: 'nav.nextSteps', visible: notSpecialist },
  { to: '/contacts', label: 'nav.contacts', visible: notSpecialist },
  { to: '/projects', label: 'nav.projects', visible: canManageAccounts },
  { to: '/portfolio', label: 'nav.portfolio', visible: canManageAccounts },
  { to: '/delivery', label: 'nav.delivery', visible: canManageAccounts },
  { to: '/workload', label: 'nav.workload', visible: canManageAccounts },
  { to: '/invoices', label: 'nav.invoices', visible: seesReceivables },
  { to: '/receivables', label: 'nav.receivables', visible: seesReceivables },
  { to: '/follow-ups', label: 'nav.followUps', visible: seesReceivables },
  { to: '/users', label: 'nav.users', visible: isAdmin },
  { to: '/settings/delivery', label: 'nav.deliverySettings', visible: isAdmin },
  { to: '/audit', label: 'nav.audit', visible: isAdmin },
  { to: '/tokens', label: 'nav.tokens', visible: () => true },
  { to: '/security', label: 'nav.security', visible: () => true },
];

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
            <SessionControls />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')} component="nav">
        <VisuallyHidden>
          <h2>{t('shell.navigation')}</h2>
        </VisuallyHidden>
        {NAV.filter((item) => item.visible(me.user.role)).map((item) => (
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
