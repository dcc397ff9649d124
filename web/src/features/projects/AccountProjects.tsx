/** The projects of one account, shown on its page, with "New project" for its manager. */
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { useCursorList } from '../../api/use-cursor-list';
import { ButtonLink } from '../../components/links';
import { EmptyState, ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import '../delivery/catalogue'; // shown on the account page, outside the delivery routes
import { ProjectsTable } from './ProjectsTable';

export function AccountProjects({ accountId, canAdd }: { accountId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const list = useCursorList<Project>(['projects', 'list'], '/projects', { accountId, limit: 50 });
  const add = canAdd && (
    <ButtonLink size="sm" to="/projects/new" search={{ accountId }}>
      {t('projects.new')}
    </ButtonLink>
  );
  return (
    <Section title={t('projects.title')} actions={add}>
      <ListBody
        list={list}
        empty={<EmptyState title={t('projects.noneTitle')} body={t(canAdd ? 'projects.noneBody' : 'projects.noneBodyReadOnly')} />}
      >
        <ProjectsTable projects={list.items} showAccount={false} />
      </ListBody>
    </Section>
  );
}
