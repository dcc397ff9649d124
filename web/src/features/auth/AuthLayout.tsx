/** The centred card around the sign-in and first-run pages, with the language switch. */
import type { ReactNode } from 'react';
import { Container, Group, Paper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { Me } from '@common/schemas/auth';
import { LanguageSwitch, ThemeToggle } from '../../components/Preferences';
import { usePageTitle } from '../../components/PageHeader';
import { applyLanguage } from '../../i18n';
import { homeFor, meQuery, safeNext } from './session';

interface LayoutProps {
  title: string;
  intro?: string;
  /** Wider for a page that shows a document (a proposal's lines). */
  width?: number;
  children: ReactNode;
}

export function AuthLayout({ title, intro, width = 420, children }: LayoutProps) {
  usePageTitle(title);
  return (
    <Container size={width} py={48} component="main">
      <Group justify="space-between" mb="lg">
        <Text fw={700} size="xl">
          Liaison
        </Text>
        <Group gap="xs">
          <LanguageSwitch onChange={(language) => void applyLanguage(language)} />
          <ThemeToggle />
        </Group>
      </Group>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <Title order={1} size="h2" mb="xs">
          {title}
        </Title>
        {intro && (
          <Text c="dimmed" size="sm" mb="md" style={{ overflowWrap: 'anywhere' }}>
            {intro}
          </Text>
        )}
        {children}
      </Paper>
    </Container>
  );
}

/** After sign-in or setup: remember the user, speak their language, go where they were headed. */
export function useEnterApp() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return (me: Me, next?: string) => {
    queryClient.setQueryData(meQuery.queryKey, me);
    void applyLanguage(me.user.language);
    router.history.push(safeNext(next) ?? homeFor(me.user.role));
  };
}
