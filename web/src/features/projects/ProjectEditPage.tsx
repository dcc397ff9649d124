import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EditRecord } from '../../components/EditRecord';
import { projectQuery, useProjectSaved } from './api';
import { ProjectForm } from './ProjectForm';

const route = getRouteApi('/app/projects/$projectId/edit');

export function ProjectEditPage() {
  const { t } = useTranslation();
  const { projectId } = route.useParams();
  const navigate = useNavigate();
  const saved = useProjectSaved();
  // No refetch on focus: the form must not be reset under the user's hands.
  const query = useQuery({ ...projectQuery(projectId), refetchOnWindowFocus: false });
  return (
    <EditRecord query={query} editable={(r) => r.can.update} title={(p) => t('projects.editTitle', { name: p.name })}>
      {(project, reload) => (
        <ProjectForm
          project={project}
          onReload={reload}
          onSaved={(updated) => {
            saved(updated);
            void navigate({ to: '/projects/$projectId', params: { projectId } });
          }}
        />
      )}
    </EditRecord>
  );
}
