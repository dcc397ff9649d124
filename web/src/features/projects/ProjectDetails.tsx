/** A project's facts as a description list; specialists see neither the budget nor a link to the account. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { Details } from '../../components/Details';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { useMe } from '../auth/session';
import { EnumBadge } from '../delivery/EnumBadge';

/** "Weekly, Monday at 9:00", or "No scheduled report". */
function scheduleText(p: Project, t: TFunction, locale: string): string {
  const how = t(`reportSchedule.${p.reportSchedule}`);
  if (p.reportSchedule === 'none') return how;
  // inside a sentence: English keeps the weekday's capital, Russian does not
  const weekday = locale.startsWith('ru') ? t(`weekday.${p.reportDay}`).toLocaleLowerCase(locale) : t(`weekday.${p.reportDay}`);
  const day = p.reportSchedule === 'weekly' ? weekday : t('reportSettings.monthDay', { day: p.reportDay });
  return `${how}, ${t('reportSettings.when', { day, hour: p.reportHour })}`;
}

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
    [t('project.reportSchedule'), scheduleText(project, t, locale)],
    [t('project.actBasis'), t(`actBasis.${project.actBasis}`)],
  ];
  if (project.budgetMinor !== null) {
    items.push([t('project.budget'), formatMoney(project.budgetMinor, project.currency, locale)]);
  }
  return <Details items={items} />;
}
