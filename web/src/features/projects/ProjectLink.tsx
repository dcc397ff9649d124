/** A link to a project with its account's name under it, for lists that span several accounts. */
import { Text } from '@mantine/core';
import { AnchorLink } from '../../components/links';

interface Props {
  projectId: string;
  projectName: string;
  accountName: string;
  /** The tab to open the project at, such as its tasks. */
  tab?: string;
}

export function ProjectLink({ projectId, projectName, accountName, tab }: Props) {
  return (
    <>
      <AnchorLink to="/projects/$projectId" params={{ projectId }} search={{ tab }}>
        {projectName}
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {accountName}
      </Text>
    </>
  );
}
