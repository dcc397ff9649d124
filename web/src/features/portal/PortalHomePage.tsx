/** The portal's start page: what waits for the client, each a link to where they act, then the news of their projects. */
import { Alert, Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import classes from './PortalShell.module.css';
import type { PortalHome } from '@common/schemas/portal';
import { AnchorLink } from '../../components/links';
import { EmptyState } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import '../documents/catalogue';
import { portalHomeQuery } from './api';
import { PortalShell } from './PortalShell';
import { newsTarget, newsText, todoTarget, todoText, type PortalTarget } from './portal-words';

function Target({ target, children }: { target: PortalTarget; children: string }) {
  return (
    <AnchorLink {...target} fw={600}>
      {children}
    </AnchorLink>
  );
}

function Todo({ home }: { home: PortalHome }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (home.todo.length === 0) {
    return <EmptyState title={t('portal.home.nothingTitle')} body={t('portal.home.nothingBody')} />;
  }
  return (
    <Stack gap="sm" component="ul" className={classes.plainList}>
      {home.todo.map((item, i) => {
        const words = todoText(item, t, locale);
        const overdue = item.kind === 'invoice' && item.daysOverdue !== null;
        return (
          <Card key={i} component="li" withBorder padding="sm" data-testid="portal-todo" data-kind={item.kind}>
            {overdue ? (
              <Alert color="red" variant="light" p="xs">
                <Target target={todoTarget(item)}>{words.title}</Target>
              </Alert>
            ) : (
              <Target target={todoTarget(item)}>{words.title}</Target>
            )}
            {words.detail && (
              <Text size="sm" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
                {words.detail}
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

function News({ home }: { home: PortalHome }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (home.news.length === 0) return <EmptyState title={t('portal.home.noNewsTitle')} body={t('portal.home.noNews')} />;
  return (
    <Stack gap="xs" component="ul" className={classes.plainList}>
      {home.news.map((item, i) => {
        return (
          <li key={i} data-testid="portal-news" data-kind={item.kind}>
            <Text size="xs" c="dimmed">
              {formatDateTime(item.occurredAt, locale)}
            </Text>
            <AnchorLink {...newsTarget(item)}>{newsText(item, t)}</AnchorLink>
          </li>
        );
      })}
    </Stack>
  );
}

export function PortalHomePage() {
  const { t } = useTranslation();
  const query = useQuery(portalHomeQuery);
  return (
    <PortalShell>
      <PageHeader title={t('portal.home.title')} />
      <RecordGate query={query}>
        {(home) => (
          <Stack gap="lg">
            <Section title={t('portal.home.todoTitle')}>
              <Todo home={home} />
            </Section>
            <Section title={t('portal.home.newsTitle')}>
              <News home={home} />
            </Section>
          </Stack>
        )}
      </RecordGate>
    </PortalShell>
  );
}
