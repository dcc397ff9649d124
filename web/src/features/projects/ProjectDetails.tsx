/** A project's facts as a description list; specialists see neither the budget nor a link to the account. */
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { Details } from '../../components/Details';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { useMe } from '../auth/session';
import { EnumBadge } from '../delivery/EnumBadge';

export function ProjectDetails({ project }: { project: Project }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const date = (d: string | null) => (d ? formatCalendarDate(d, locale) : null);
  // One who reaches no account (a specialist) cannot open its page; for them the account is just a name.
  const opensAccount = me.can.seeAccounts;
  const items: [string, React.ReactNode][] = [
    [
      t('fields.account'),
      opensAccount ? (
        <AnchorLink to="/accounts/$accountId" params={{ accountId: project.accountId }}>
          {project.accountName}
        </AnchorLink>
      ) : (
        project.accountName
      ),
    ],
    [t('project.kind'), t(`workKind.${project.kind}`)],
    [t('project.plan'), <EnumBadge group="planStatus" value={project.planStatus} />],
    [t('project.startDate'), date(project.startDate)],
    [t('project.dueDate'), date(project.dueDate)],
    [t('project.reportSchedule'), t(`reportSchedule.${project.reportSchedule}`)],
    [t('project.actBasis'), t(`actBasis.${project.actBasis}`)],
  ];
  if (project.budgetMinor !== null) {
    items.push([t('project.budget'), formatMoney(project.budgetMinor, project.currency, locale)]);
  }
  return <Details items={items} />;
}
