/** The frame of every portal page: the client company's name, the user and their session controls. */
import type { ReactNode } from 'react';
import { AppShell, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SessionControls } from '../../components/Preferences';
import { useMe } from '../auth/session';

export function PortalShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          {/* The name gives way on a phone, so the session controls always fit. */}
          <Text fw={700} size="lg" truncate style={{ flex: 1, minWidth: 0 }}>
            Liaison · {me.accountName ?? t('portal.title')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="xs">
              {me.user.name}
            </Text>
            <SessionControls />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main">
        <Container size="lg" px={0}>
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
