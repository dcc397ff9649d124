/** A table of projects, with or without the account column. */
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { EnumBadge } from '../delivery/EnumBadge';
import { LateBadge } from '../delivery/LateBadge';

export function ProjectsTable({ projects, showAccount }: { projects: Project[]; showAccount: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            {showAccount && <Table.Th>{t('fields.account')}</Table.Th>}
            <Table.Th>{t('project.kind')}</Table.Th>
            <Table.Th>{t('project.stage')}</Table.Th>
            <Table.Th>{t('project.plan')}</Table.Th>
            <Table.Th>{t('project.dueDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {projects.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <AnchorLink to="/projects/$projectId" params={{ projectId: p.id }}>
                  {p.name}
                </AnchorLink>
              </Table.Td>
              {showAccount && <Table.Td>{p.accountName}</Table.Td>}
              <Table.Td>{t(`workKind.${p.kind}`)}</Table.Td>
              <Table.Td>
                <EnumBadge group="projectStage" value={p.stage} />
              </Table.Td>
              <Table.Td>
                <EnumBadge group="planStatus" value={p.planStatus} />
              </Table.Td>
              <Table.Td>
                {p.dueDate ? formatCalendarDate(p.dueDate, locale) : '—'}
                {p.late && <LateBadge what="project" ml="xs" size="sm" />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
