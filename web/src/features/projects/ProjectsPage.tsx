/** Every project the user may see, searchable and filtered by stage. */
import { Group } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PROJECT_STAGES } from '@common/enums';
import type { Project } from '@common/schemas/project';
import { useCursorList } from '../../api/use-cursor-list';
import { ButtonLink } from '../../components/links';
import { projectsAdvice } from '../../components/empty-advice';
import { AdvisedEmptyState, EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { ExportMenu } from '../../components/ExportMenu';
import { SearchInput } from '../../components/SearchInput';
import { useMe } from '../auth/session';
import { ProjectsTable } from './ProjectsTable';
import { FilterSelect } from '../../components/FilterSelect';

const route = getRouteApi('/app/projects');

export function ProjectsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useCursorList<Project>(['projects', 'list'], '/projects', { ...search, limit: 50 });
  const filtered = Boolean(search.q || search.stage);

  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const newButton = me.can.createProject && <ButtonLink to="/projects/new">{t('projects.new')}</ButtonLink>;

  return (
    <>
      <PageHeader title={t('projects.title')}>
        {newButton}
        <ExportMenu path="/projects" query={search} />
      </PageHeader>
      <Group align="flex-end" mb="md" gap="sm" role="search">
        <SearchInput label={t('common.search')} value={search.q} onSearch={(q) => setSearch({ q })} />
        <FilterSelect
          label={t('project.stage')}
          value={search.stage}
          onChange={(v) => setSearch({ stage: v })}
          options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`projectStage.${s}`) }))}
        />
      </Group>
      <ListBody
        list={list}
        empty={
          filtered ? (
            <EmptyState title={t('projects.noMatchesTitle')} body={t('projects.noMatchesBody')} />
          ) : (
            <AdvisedEmptyState advice={projectsAdvice(me.can)} />
          )
        }
      >
        <ProjectsTable projects={list.items} showAccount />
      </ListBody>
    </>
  );
}
