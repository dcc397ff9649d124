/** The frame of every portal page: the client company's name, the portal's sections and the user's menu; fits a 375 px phone. */
import { useEffect, useRef, type ReactNode } from 'react';
import { AppShell, Container, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import shellClasses from '../../components/Shell.module.css';
import { useMe } from '../auth/session';
import classes from './PortalShell.module.css';
import { PortalUserMenu } from './PortalUserMenu';
import './catalogue';

const SECTIONS = [
  { to: '/portal', key: 'home', exact: true },
  { to: '/portal/projects', key: 'projects', exact: false },
  { to: '/portal/documents', key: 'documents', exact: false },
  { to: '/portal/invoices', key: 'invoices', exact: false },
  { to: '/portal/requests', key: 'requests', exact: false },
  { to: '/portal/claims', key: 'claims', exact: false },
  { to: '/portal/manager', key: 'manager', exact: false },
  { to: '/portal/surveys', key: 'surveys', exact: false },
  { to: '/portal/proposals', key: 'proposals', exact: false },
] as const;

export function PortalShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  // On a phone the sections scroll sideways: the one open is brought into view.
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    nav.current?.querySelector('[data-status=active]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, []);
  return (
    <AppShell header={{ height: 100 }} padding="md">
      <a href="#main" className={shellClasses.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h={56} px="md" justify="space-between" wrap="nowrap" gap="xs">
          {/* The name gives way on a phone, so the menu always fits. */}
          <Text fw={700} size="lg" truncate style={{ flex: 1, minWidth: 0 }} data-testid="portal-company">
            {me.accountName ?? t('portal.title')}
          </Text>
          <PortalUserMenu />
        </Group>
        <nav ref={nav} aria-label={t('portal.nav.label')} className={classes.nav}>
          <Group gap={4} px="sm" pb={6} wrap="nowrap">
            {SECTIONS.map((s) => (
              <Link key={s.key} to={s.to} className={classes.link} activeOptions={{ exact: s.exact }}>
                {t(`portal.nav.${s.key}`)}
              </Link>
            ))}
          </Group>
        </nav>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Container size="lg" px={0}>
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
