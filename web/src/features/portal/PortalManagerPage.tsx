/** Who looks after the client's company: the account manager and the backup, with how to reach them. */
import { Anchor, Avatar, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PortalPerson } from '@common/schemas/portal';
import { EmptyState } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { portalManagerQuery } from './api';
import { PortalShell } from './PortalShell';

function PersonCard({ person: p, role }: { person: PortalPerson; role: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-label={p.name} data-testid="portal-manager">
      <Group wrap="nowrap" align="flex-start" gap="md">
        {p.photoUrl ? (
          <Avatar
            src={p.photoUrl}
            alt={t('portal.manager.photo', { name: p.name })}
            size="lg"
            radius="xl"
            data-testid="portal-manager-photo"
          />
        ) : (
          // Initials stand in for a photo; the name beside them is what is read out.
          <Avatar name={p.name} size="lg" radius="xl" color="dark" variant="light" aria-hidden />
        )}
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={700} size="lg">
            {p.name}
          </Text>
          <Text size="sm" c="dimmed">
            {role}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('portal.manager.email')}:{' '}
            <Anchor
              underline="always"
              href={`mailto:${p.email}`}
              aria-label={t('portal.manager.writeTo', { name: p.name, email: p.email })}
            >
              {p.email}
            </Anchor>
          </Text>
          {p.phone && (
            <Text size="sm">
              {t('portal.manager.phone')}:{' '}
              <Anchor
                underline="always"
                href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}
                aria-label={t('portal.manager.call', { name: p.name, phone: p.phone })}
              >
                {p.phone}
              </Anchor>
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

export function PortalManagerPage() {
  const { t } = useTranslation();
  const query = useQuery(portalManagerQuery);
  return (
    <PortalShell>
      <PageHeader title={t('portal.manager.title')} />
      <RecordGate query={query}>
        {({ manager, backup }) =>
          manager || backup ? (
            <Stack gap="md">
              <Text>{t('portal.manager.intro')}</Text>
              {manager && <PersonCard person={manager} role={t('portal.manager.lead')} />}
              {backup && <PersonCard person={backup} role={t(manager ? 'portal.manager.backup' : 'portal.manager.lead')} />}
            </Stack>
          ) : (
            <EmptyState title={t('portal.manager.noneTitle')} body={t('portal.manager.none')} />
          )
        }
      </RecordGate>
    </PortalShell>
  );
}
