/** "My work": the specialist's own tasks, grouped by when they are due in the agency's calendar, to move along. */
import { Group, NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { agencyCalendarQuery } from '../../api/calendar';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { ExportMenu } from '../../components/ExportMenu';
import { RecordGate } from '../../components/RecordGate';
import { useTasks } from './api';
import { MyWorkTable } from './MyWorkTable';

const route = getRouteApi('/app/my-work');
const SHOW = { open: 'true', done: 'false', all: undefined } as const;
type Show = keyof typeof SHOW;

export function MyWorkPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const show: Show = search.show === 'done' || search.show === 'all' ? search.show : 'open';
  // By due date from the server, so that "load more" only adds to the later groups.
  const list = useTasks({ assigneeId: 'me', open: SHOW[show], sort: 'due', limit: 100 });
  const calendar = useQuery(agencyCalendarQuery);

  return (
    <>
      <PageHeader title={t('myWork.title')}>
        <ExportMenu path="/tasks" query={{ assigneeId: 'me', open: SHOW[show], sort: 'due' }} />
      </PageHeader>
      <Group mb="md" role="search" align="flex-end" justify="space-between">
        <NativeSelect
          label={t('myWork.show')}
          value={show}
          onChange={(e) =>
            void navigate({ search: { show: e.currentTarget.value === 'open' ? undefined : e.currentTarget.value }, replace: true })
          }
          data={(Object.keys(SHOW) as Show[]).map((s) => ({ value: s, label: t(`myWork.filter.${s}`) }))}
        />
        <Text size="sm" c="dimmed">
          {t('myWork.hint')}
        </Text>
      </Group>
      <ListBody list={list} empty={<EmptyState title={t(`myWork.empty.${show}.title`)} body={t(`myWork.empty.${show}.body`)} />}>
        <RecordGate query={calendar}>{(today) => <MyWorkTable tasks={list.items} calendar={today} />}</RecordGate>
      </ListBody>
    </>
  );
}
