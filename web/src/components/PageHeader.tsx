/** A page's heading, its browser tab title and the actions beside the heading. */
import { useEffect, type ReactNode } from 'react';
import { Group, Title } from '@mantine/core';

/** Names the browser tab after the page so history and screen readers can tell pages apart. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · Liaison`;
  }, [title]);
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <Group justify="space-between" align="center" mb="md" wrap="wrap">
      <Title order={1} size="h2">
        {title}
      </Title>
      {children && <Group gap="sm">{children}</Group>}
    </Group>
  );
}
