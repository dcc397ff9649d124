/** For analysis: the specialists and projects involved in a claim and the internal note. The client never sees them. */
import { useState } from 'react';
import { MultiSelect, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Claim, ClaimUpdate } from '@common/schemas/claim';
import type { Project } from '@common/schemas/project';
import type { User } from '@common/schemas/user';
import { api } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { notify } from '../../lib/notify';

type Page<T> = { items: T[] };
const ids = (list: { id: string }[]) => list.map((x) => x.id);

/** Options that keep what is linked already, even when it no longer comes back from the list (a deactivated specialist). */
const optionsOf = (found: { id: string; name: string }[] | undefined, linked: { id: string; name: string }[]) => {
  const all = new Map([...linked, ...(found ?? [])].map((x) => [x.id, x.name]));
  return [...all].map(([value, label]) => ({ value, label }));
};

export function EditClaimLinksDialog({ claim, opened, onClose }: { claim: Claim; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const specialists = useQuery({
    queryKey: ['users', 'specialists', 'active'],
    queryFn: () => api.get<Page<User>>('/users', { role: 'specialist', active: 'true', limit: 200 }),
  });
  const projects = useQuery({
    queryKey: ['projects', 'of-account', claim.accountId],
    queryFn: () => api.get<Page<Project>>('/projects', { accountId: claim.accountId, limit: 200 }),
  });
  const [specialistIds, setSpecialistIds] = useState(ids(claim.specialists));
  const [projectIds, setProjectIds] = useState(ids(claim.projects));
  const [internalNote, setInternalNote] = useState(claim.internalNote ?? '');
  const save = useMutation({
    mutationFn: (body: ClaimUpdate) => api.patch<Claim>(`/claims/${claim.id}`, body, claim.version),
    onSuccess: (saved) => {
      queryClient.setQueryData(['claims', 'one', claim.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['claims'] });
    },
  });

  const submit = async () => {
    await save.mutateAsync({ specialistIds, projectIds, internalNote: internalNote || null });
    notify({ message: t('claims.analysis.saved'), color: 'green' });
  };

  return (
    <FormDialog
      title={t('claims.analysis.title')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('claims.analysis.save')}
      onSubmit={submit}
    >
      <Text size="sm" c="dimmed">
        {t('claims.internalHint')}
      </Text>
      <MultiSelect
        label={t('claims.fields.specialists')}
        searchable
        data={optionsOf(specialists.data?.items, claim.specialists)}
        value={specialistIds}
        onChange={setSpecialistIds}
        nothingFoundMessage={t('claims.analysis.noSpecialists')}
        data-autofocus
      />
      <MultiSelect
        label={t('claims.fields.projects')}
        searchable
        data={optionsOf(projects.data?.items, claim.projects)}
        value={projectIds}
        onChange={setProjectIds}
        nothingFoundMessage={t('claims.analysis.noProjects')}
      />
      <Textarea
        label={t('claims.fields.internalNote')}
        autosize
        minRows={3}
        value={internalNote}
        onChange={(e) => setInternalNote(e.currentTarget.value)}
      />
    </FormDialog>
  );
}
