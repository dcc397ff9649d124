/** Admin: everyone who can sign in, with filters, specialists' capacity and deactivation. */
import { notify } from '../../lib/notify';
import { useState } from 'react';
import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links';
import { ROLES } from '@common/enums';
import type { User } from '@common/schemas/user';
import { useCursorList } from '../../api/use-cursor-list';
import { describeError } from '../../components/describe-error';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useSetUserActive } from './api';
import { CapacityDialog } from './CapacityDialog';
import { PhoneDialog } from './PhoneDialog';
import { PhotoDialog } from './PhotoDialog';
import { UserAvatar } from './UserPhoto';
import { FilterSelect } from '../../components/FilterSelect';
import { userPersonalDataUrl } from '../privacy/api';

/** A value of the user with a Change button for those who may change it. */
function ChangeableValue({ testId, value, label, onChange }: { testId: string; value: string; label: string; onChange?: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
      {onChange && (
        <Button size="compact-xs" variant="subtle" onClick={onChange} aria-label={label}>
          {t('people.capacity.change')}
        </Button>
      )}
    </Group>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<{ q?: string; role?: string; active?: string }>({ active: 'true' });
  const list = useCursorList<User>(['users', 'list'], '/users', { ...filters, limit: 50 });
  const [confirming, setConfirming] = useState<User | null>(null);
  const [sizing, setSizing] = useState<User | null>(null);
  const [phoning, setPhoning] = useState<User | null>(null);
  const [picturing, setPicturing] = useState<User | null>(null);
  const setActive = useSetUserActive();

  const toggle = (user: User) =>
    setActive.mutate(user, {
      onSuccess: () => notify({ message: t(user.active ? 'users.deactivated' : 'users.activated', { name: user.name }) }),
      onError: (e) => notify({ color: 'red', message: describeError(e, t) }),
      onSettled: () => setConfirming(null),
    });

  return (
    <>
      <PageHeader title={t('users.title')}>
        <ButtonLink to="/users/new">{t('users.new')}</ButtonLink>
      </PageHeader>
      <Group align="flex-end" mb="md" role="search">
        <SearchInput label={t('common.search')} value={filters.q} onSearch={(q) => setFilters((f) => ({ ...f, q }))} />
        <FilterSelect
          label={t('fields.role')}
          value={filters.role}
          onChange={(v) => setFilters((f) => ({ ...f, role: v }))}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <FilterSelect
          label={t('users.state')}
          value={filters.active}
          onChange={(v) => setFilters((f) => ({ ...f, active: v }))}
          options={[
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
        />
      </Group>
      <ListBody list={list} empty={<EmptyState title={t('users.emptyTitle')} body={t('users.emptyBody')} />}>
        <DataTable
          headers={[
            t('fields.personName'),
            t('fields.email'),
            t('fields.role'),
            t('fields.phone'),
            t('people.capacity.column'),
            t('users.state'),
            t('common.actions'),
          ]}
        >
          {list.items.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <UserAvatar user={user} size="sm" />
                  {user.name}
                </Group>
              </Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>
                {/* A staff member's phone is how the clients they manage reach them; a client's is on their contact. */}
                {user.role === 'client' ? (
                  '—'
                ) : (
                  <ChangeableValue
                    testId="phone"
                    value={user.phone ?? '—'}
                    label={t('people.phone.changeFor', { name: user.name })}
                    onChange={user.can.update ? () => setPhoning(user) : undefined}
                  />
                )}
              </Table.Td>
              <Table.Td>
                {/* Only specialists take tasks, so only their hours are measured. */}
                {user.role === 'specialist' ? (
                  <ChangeableValue
                    testId="capacity"
                    value={t('people.capacity.value', { hours: user.capacityHoursPerWeek })}
                    label={t('people.capacity.changeFor', { name: user.name })}
                    onChange={user.can.update ? () => setSizing(user) : undefined}
                  />
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={user.active ? 'green' : 'gray'}>{user.active ? t('users.active') : t('users.inactive')}</Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {user.can.changePhoto && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setPicturing(user)}
                      aria-label={t('people.photo.changeFor', { name: user.name })}
                    >
                      {t('people.photo.change')}
                    </Button>
                  )}
                  {/* A client's personal-data request: what they did in the portal (their contact's page holds the rest). */}
                  {user.role === 'client' && (
                    <Button
                      component="a"
                      href={userPersonalDataUrl(user.id)}
                      download
                      size="xs"
                      variant="default"
                      aria-label={t('privacy.exportUserFor', { name: user.name })}
                    >
                      {t('privacy.exportUser')}
                    </Button>
                  )}
                  {/* Admins cannot lock themselves out: their own record says so. */}
                  {user.can.setActive && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => (user.active ? setConfirming(user) : toggle(user))}
                      aria-label={t(user.active ? 'users.deactivateUser' : 'users.activateUser', { name: user.name })}
                    >
                      {user.active ? t('users.deactivate') : t('users.activate')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListBody>
      <CapacityDialog user={sizing} onClose={() => setSizing(null)} />
      <PhoneDialog user={phoning} onClose={() => setPhoning(null)} />
      <PhotoDialog user={picturing} onClose={() => setPicturing(null)} />
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('users.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text mb="md">{t('users.confirmBody', { name: confirming?.name ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={setActive.isPending} onClick={() => confirming && toggle(confirming)}>
            {t('users.deactivate')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
