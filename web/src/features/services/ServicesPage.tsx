/** The service catalog: every staff member reads it (search, kind of work, offered or not); admins add, change, deactivate and reactivate services. */
import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { WORK_KINDS } from '@common/enums';
import type { Service } from '@common/schemas/service';
import { useCursorList } from '../../api/use-cursor-list';
import { describeError } from '../../components/describe-error';
import { FilterSelect } from '../../components/FilterSelect';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { notify } from '../../lib/notify';
import { useMe } from '../auth/session';
import { useSetServiceActive } from './api';
import { ServiceEditor } from './ServiceEditor';
import { textFor } from './service-words';
import { ServicesTable } from './ServicesTable';
import { ServiceView } from './ServiceView';

const route = getRouteApi('/app/services');

export function ServicesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useCursorList<Service>(['services', 'list'], '/services', { ...search, limit: 50 });
  const setActive = useSetServiceActive();
  // The dialog open: the editor for a new service ('new') or one to change, or a service to read.
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const [viewing, setViewing] = useState<Service | null>(null);
  const filtered = Object.values(search).some(Boolean);
  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const changeActive = (service: Service, active: boolean) =>
    setActive.mutate(
      { service, active },
      {
        onSuccess: (s) =>
          notify({
            color: 'green',
            message: t(active ? 'services.reactivated' : 'services.deactivated', { name: textFor(s.name, i18n.language) }),
          }),
        onError: (e) => notify({ color: 'red', title: t('errors.saveFailed'), message: describeError(e, t) }),
      },
    );
  const newButton = me.can.manageServices && <Button onClick={() => setEditing('new')}>{t('services.new')}</Button>;

  return (
    <>
      <PageHeader title={t('services.title')}>{newButton}</PageHeader>
      <Group align="flex-end" mb="md" gap="sm" role="search">
        <SearchInput label={t('common.search')} value={search.q} onSearch={(q) => setSearch({ q })} />
        <FilterSelect
          label={t('services.workKind')}
          value={search.workKind}
          onChange={(workKind) => setSearch({ workKind })}
          options={WORK_KINDS.map((k) => ({ value: k, label: t(`workKind.${k}`) }))}
        />
        <FilterSelect
          label={t('services.status')}
          value={search.active}
          onChange={(active) => setSearch({ active })}
          options={[
            { value: 'true', label: t('services.active') },
            { value: 'false', label: t('services.inactive') },
          ]}
        />
      </Group>
      <ListBody
        list={list}
        empty={
          filtered ? (
            <EmptyState title={t('services.noMatchesTitle')} body={t('services.noMatchesBody')} />
          ) : (
            <EmptyState
              title={t('services.emptyTitle')}
              body={t(me.can.manageServices ? 'services.emptyBody' : 'services.emptyBodyReader')}
              action={newButton}
            />
          )
        }
      >
        <ServicesTable
          services={list.items}
          onOpen={(s) => (s.can.update ? setEditing(s) : setViewing(s))}
          onSetActive={changeActive}
          busyId={setActive.isPending ? setActive.variables?.service.id : undefined}
        />
      </ListBody>
      {editing && <ServiceEditor service={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {viewing && <ServiceView service={viewing} onClose={() => setViewing(null)} />}
    </>
  );
}
