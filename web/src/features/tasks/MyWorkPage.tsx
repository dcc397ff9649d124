/** "My work": the specialist's own tasks, to move along, log time on and discuss. */
import { Group, NativeSelect, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { useTasks } from './api';
import { MyTaskCard } from './MyTaskCard';

const route = getRouteApi('/app/my-work');
const SHOW = { open: 'true', done: 'false', all: undefined } as const;
type Show = keyof typeof SHOW;

export function MyWorkPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const show: Show = search.show === 'done' || search.show === 'all' ? search.show : 'open';
  const list = useTasks({ assigneeId: 'me', open: SHOW[show], limit: 50 });

  return (
    <>
      <PageHeader title={t('myWork.title')} />
      <Group mb="md" role="search">
        <NativeSelect
          label={t('myWork.show')}
          value={show}
          onChange={(e) =>
            void navigate({ search: { show: e.currentTarget.value === 'open' ? undefined : e.currentTarget.value }, replace: true })
          }
          data={(Object.keys(SHOW) as Show[]).map((s) => ({ value: s, label: t(`myWork.filter.${s}`) }))}
        />
      </Group>
      <ListBody list={list} empty={<EmptyState title={t(`myWork.empty.${show}.title`)} body={t(`myWork.empty.${show}.body`)} />}>
        <Stack gap="md">
          {list.items.map((task) => (
            <MyTaskCard key={task.id} task={task} />
          ))}
        </Stack>
      </ListBody>
    </>
  );
}
