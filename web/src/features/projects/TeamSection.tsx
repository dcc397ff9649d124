/** The specialists on the project, by role; assigning a task adds its specialist here too. */
import { notify } from '../../lib/notify';
import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { describeError } from '../../components/describe-error';
import { EmptyState } from '../../components/ListStates';
import { TASK_ASSIGNEE_ROLES } from '@common/enums';
import { deliverySettingsQuery } from '../tasks/api';
import { roleLabel } from '../tasks/labels';
import { UserPicker } from '../users/UserPicker';
import { useSetTeam } from './api';

type Member = { userId: string; role: string };

function AddMember({ project, onAdd, busy }: { project: Project; onAdd: (m: Member) => void; busy: boolean }) {
  const { t } = useTranslation();
  const settings = useQuery(deliverySettingsQuery);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState('');
  const roles = settings.data?.specialistRoles ?? [];
  return (
    <Group align="flex-end" gap="sm">
      <UserPicker
        label={t('team.person')}
        roles={TASK_ASSIGNEE_ROLES}
        placeholder={t('team.choosePerson')}
        value={userId}
        onChange={setUserId}
      />
      <NativeSelect
        label={t('task.role')}
        value={role || roles[0] || ''}
        onChange={(e) => setRole(e.currentTarget.value)}
        data={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
      />
      <Button
        loading={busy}
        disabled={!userId || project.team.some((m) => m.userId === userId && m.role === (role || roles[0]))}
        onClick={() => onAdd({ userId, role: role || roles[0] })}
      >
        {t('team.add')}
      </Button>
    </Group>
  );
}

export function TeamSection({ project }: { project: Project }) {
  const { t } = useTranslation();
  const canSetTeam = project.can.setTeam;
  const setTeam = useSetTeam();
  const save = (members: Member[]) =>
    setTeam.mutate({ project, value: members }, { onError: (e) => notify({ color: 'red', message: describeError(e, t) }) });
  const current = project.team.map(({ userId, role }) => ({ userId, role }));

  return (
    <Stack gap="md">
      {project.team.length === 0 ? (
        <EmptyState title={t('team.emptyTitle')} body={t(canSetTeam ? 'team.emptyBody' : 'team.emptyBodyReadOnly')} />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.personName')}</Table.Th>
              <Table.Th>{t('task.role')}</Table.Th>
              {canSetTeam && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {project.team.map((m, i) => (
              <Table.Tr key={`${m.userId}-${m.role}`}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{roleLabel(t, m.role)}</Table.Td>
                {canSetTeam && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('team.removeNamed', { name: m.name })}
                      onClick={() => save(current.filter((_, k) => k !== i))}
                    >
                      {t('team.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canSetTeam && <AddMember project={project} busy={setTeam.isPending} onAdd={(m) => save([...current, m])} />}
    </Stack>
  );
}
