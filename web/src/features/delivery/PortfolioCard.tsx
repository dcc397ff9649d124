/** One project in the portfolio: plan state, whether it is late, next milestone, task counts and budget used. */
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { UsageBar } from '../../components/UsageBar';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import type { PortfolioProject } from './api';
import { EnumBadge } from './EnumBadge';
import { LateBadge } from './LateBadge';
import { MissingRates } from './MissingRates';

function Count({ label, value, alarm, testId }: { label: string; value: number; alarm?: boolean; testId: string }) {
  return (
    <Badge color={alarm && value > 0 ? 'red' : 'gray'} data-testid={testId}>
      {label}: {value}
    </Badge>
  );
}

function BudgetUsed({ project: p }: { project: PortfolioProject }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, p.currency, locale);
  if (p.budgetUsedMinor === null) {
    return (
      <Stack gap={2}>
        {p.budgetMinor !== null && <Text size="sm">{t('signals.budget', { budget: money(p.budgetMinor) })}</Text>}
        <MissingRates roles={p.missingRates} currency={p.currency} />
      </Stack>
    );
  }
  return p.budgetMinor !== null ? (
    <UsageBar
      used={p.budgetUsedMinor}
      limit={p.budgetMinor}
      label={t('portfolio.budgetUsed', { used: money(p.budgetUsedMinor), budget: money(p.budgetMinor) })}
      overLabel={t('portfolio.overBudget')}
    />
  ) : (
    <Text size="sm" c="dimmed">
      {t('portfolio.noBudget', { used: money(p.budgetUsedMinor) })}
    </Text>
  );
}

export function PortfolioCard({ project: p }: { project: PortfolioProject }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const next = p.nextMilestone;

  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={p.name} data-testid="portfolio-project">
      <Stack gap={6}>
        <div>
          <Title order={3} size="h5">
            <AnchorLink to="/projects/$projectId" params={{ projectId: p.projectId }}>
              {p.name}
            </AnchorLink>
          </Title>
          <Text size="sm" c="dimmed">
            {p.accountName}
          </Text>
        </div>
        <Group gap={6}>
          <EnumBadge group="planStatus" value={p.planStatus} />
          {p.late && <LateBadge what="project" />}
        </Group>
        {next ? (
          <Group gap={6} data-testid="next-milestone">
            <Text size="sm">{t('portfolio.next', { title: next.title, date: formatCalendarDate(next.dueDate, locale) })}</Text>
            {next.late && <LateBadge what="milestone" size="sm" />}
          </Group>
        ) : (
          <Text size="sm">{t('portfolio.noNext')}</Text>
        )}
        <Group gap={6}>
          <Count label={t('portfolio.open')} value={p.openTasks} testId="open-tasks" />
          <Count label={t('portfolio.late')} value={p.lateTasks} alarm testId="late-tasks" />
          <Count label={t('portfolio.blocked')} value={p.blockedTasks} alarm testId="blocked-tasks" />
        </Group>
        <BudgetUsed project={p} />
      </Stack>
    </Paper>
  );
}
