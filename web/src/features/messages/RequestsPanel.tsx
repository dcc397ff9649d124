/** The requests thread with what it is about: a word on who reads it and, when the company has projects, a filter by project. */
import { useState } from 'react';
import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { useCursorList } from '../../api/use-cursor-list';
import { RequestsThread } from './RequestsThread';

interface Props {
  /** The company, for staff; a client user's own company when absent. */
  accountId?: string;
  intro: string;
  empty: string;
  composerLabel: string;
}

export function RequestsPanel({ accountId, intro, empty, composerLabel }: Props) {
  const { t } = useTranslation();
  const [projectId, setProjectId] = useState<string | null>(null);
  const projects = useCursorList<Project>(['projects', 'list'], '/projects', { accountId, limit: 50 });
  const options = projects.items.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Stack gap="md">
      <Text size="sm">{intro}</Text>
      {options.length > 0 && (
        <Select
          label={t('requests.project')}
          placeholder={t('requests.allProjects')}
          data={options}
          value={projectId}
          onChange={setProjectId}
          clearable
          maw={360}
          data-testid="request-project"
        />
      )}
      <RequestsThread accountId={accountId} projectId={projectId ?? undefined} empty={empty} composerLabel={composerLabel} />
    </Stack>
  );
}
