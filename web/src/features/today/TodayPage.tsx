/** Today: what needs the user now and why, Overdue / Today / This week, most urgent first. */
import { Alert, Chip, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS, type AgendaKind } from '@common/schemas/today';
import { describeError } from '../../components/describe-error';
import { EmptyState } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/RouteStates';
import { useToday } from './api';
import { TodayItemCard } from './TodayItemCard';

const route = getRouteApi('/app/today');

export function TodayPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/today' });
  const today = useToday(search.as);
  const kind = AGENDA_KINDS.find((k) => k === search.kind);
  const setKind = (value: AgendaKind | undefined) => void navigate({ search: (prev) => ({ ...prev, kind: value }), replace: true });
  const data = today.data;
  const title = data?.readOnly ? t('today.titleOf', { name: data.subject.name }) : t('today.title');

  return (
    <Stack gap="md">
      <PageHeader title={title} />
      {data?.readOnly && <Alert color="blue">{t('today.readOnly')}</Alert>}
      {today.isPending ? (
        <PageLoader />
      ) : today.isError ? (
        <Alert color="red" role="alert" title={t('errors.loadFailed')}>
          {describeError(today.error, t)}
        </Alert>
      ) : data!.counts.length === 0 ? (
        <EmptyState title={t('today.emptyTitle')} body={t('today.emptyBody')} />
      ) : (
        <>
          <Chip.Group multiple={false} value={kind ?? 'all'} onChange={(v) => setKind(v === 'all' ? undefined : v)}>
            <Group gap="xs" role="group" aria-label={t('today.filter')}>
              <Chip value="all">{t('today.all', { total: data!.counts.reduce((n, c) => n + c.count, 0) })}</Chip>
              {data!.counts.map((c) => (
                <Chip key={c.kind} value={c.kind}>
                  {t(`today.kind.${c.kind}`)} · {c.count}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {data!.groups.map((g) => {
            const items = g.items.filter((i) => !kind || i.kind === kind);
            if (items.length === 0) return null;
            return (
              <Stack key={g.group} gap="xs" component="section" aria-labelledby={`today-${g.group}`}>
                <Group gap="xs" align="baseline">
                  <Title order={2} size="h4" id={`today-${g.group}`}>
                    {t(`today.group.${g.group}`)}
                  </Title>
                  <Text c="dimmed" size="sm">
                    {items.length}
                  </Text>
                </Group>
                {items.map((item) => (
                  <TodayItemCard key={item.key} item={item} today={data!.today} />
                ))}
              </Stack>
            );
          })}
        </>
      )}
    </Stack>
  );
}
