import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useProjectSaved } from './api';
import { ProjectForm } from './ProjectForm';

const route = getRouteApi('/app/projects/new');

export function ProjectCreatePage() {
  const { t } = useTranslation();
  const { accountId } = route.useSearch();
  const navigate = useNavigate();
  const saved = useProjectSaved();
  return (
    <>
      <PageHeader title={t('projects.new')} />
      <ProjectForm
        accountId={accountId}
        onSaved={(project) => {
          saved(project);
          void navigate({ to: '/projects/$projectId', params: { projectId: project.id } });
        }}
      />
    </>
  );
}
