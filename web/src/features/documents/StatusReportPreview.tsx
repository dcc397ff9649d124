/** What a status report of the period will say, as the client will read it (the PDF words the same facts). */
import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatusReportFacts } from '@common/schemas/status-report';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';

function Part({ title, items }: { title: string; items: string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Title order={4} size="sm">
        {title}
      </Title>
      {items.length ? (
        <List size="sm" spacing={2}>
          {items.map((text, i) => (
            <List.Item key={i}>{text}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('statusReport.none')}
        </Text>
      )}
    </Stack>
  );
}

export function StatusReportPreview({ facts }: { facts: StatusReportFacts }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (d: string) => formatCalendarDate(d, locale);
  const due = (m: { title: string; dueDate: string }) => t('statusReport.due', { title: m.title, date: date(m.dueDate) });
  const money = (minor: number) => formatMoney(minor, facts.budget?.currency ?? 'EUR', locale);
  return (
    <Stack gap="sm" aria-label={t('statusReport.preview')} role="region">
      <Part title={t('statusReport.milestonesDone')} items={facts.milestonesDone.map(due)} />
      {facts.milestonesLate.length > 0 && <Part title={t('statusReport.milestonesLate')} items={facts.milestonesLate.map(due)} />}
      <Part title={t('statusReport.milestonesNext')} items={facts.milestonesNext.map(due)} />
      <Part
        title={t('statusReport.tasksDone')}
        items={[
          ...facts.tasksDone.map((x) => t('statusReport.doneOn', { title: x.title, date: date(x.doneOn) })),
          ...(facts.tasksDoneMore ? [t('statusReport.tasksDoneMore', { count: facts.tasksDoneMore })] : []),
        ]}
      />
      <Part
        title={t('statusReport.questions')}
        items={[
          ...(facts.planAwaitingApproval ? [t('statusReport.planAwaiting')] : []),
          ...facts.requirementsAwaiting.map((r) => t('statusReport.requirementAwaiting', { text: r.text })),
          ...facts.blocked.map((b) => t('statusReport.blocked', { title: b.title })),
        ]}
      />
      {facts.budget && (
        <Text size="sm">
          {facts.budget.usedMinor === null
            ? t('statusReport.budgetUnknown', { budget: money(facts.budget.budgetMinor) })
            : t('statusReport.budget', { budget: money(facts.budget.budgetMinor), used: money(facts.budget.usedMinor) })}
        </Text>
      )}
    </Stack>
  );
}
