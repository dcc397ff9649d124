/** The plan's milestones as the client follows them: done, next, late or planned, with their dates. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import classes from './PortalShell.module.css';
import { RecordGate } from '../../components/RecordGate';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { milestonesQuery } from '../projects/plan-api';
import { milestoneProgress, type MilestoneState } from './milestone-progress';

const TONES: Record<MilestoneState, string> = { done: 'green', next: 'blue', late: 'red', planned: 'gray' };
const LABELS: Record<MilestoneState, string> = { done: 'done', next: 'nextOne', late: 'late', planned: 'planned' };

export function PortalMilestones({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery(milestonesQuery(projectId));
  return (
    <RecordGate query={query}>
      {(milestones) => {
        if (milestones.length === 0) return <Text c="dimmed">{t('portal.project.noMilestones')}</Text>;
        const { states } = milestoneProgress(milestones);
        const sorted = [...milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
        return (
          <Stack gap="xs" component="ol" className={classes.plainList}>
            {sorted.map((m) => {
              const state = states.get(m.id) ?? 'planned';
              const date =
                state === 'done' && m.doneOn
                  ? t('portal.project.doneOn', { date: formatCalendarDate(m.doneOn, locale) })
                  : t('portal.project.dueOn', { date: formatCalendarDate(m.dueDate, locale) });
              return (
                <Group
                  key={m.id}
                  component="li"
                  gap="sm"
                  wrap="nowrap"
                  align="flex-start"
                  data-testid="portal-milestone"
                  data-state={state}
                >
                  <Badge color={TONES[state]} variant="light" miw={96}>
                    {t(`portal.project.${LABELS[state]}`)}
                  </Badge>
                  <div>
                    <Text fw={state === 'next' ? 600 : undefined}>{m.title}</Text>
                    <Text size="sm" c="dimmed">
                      {date}
                    </Text>
                  </div>
                </Group>
              );
            })}
          </Stack>
        );
      }}
    </RecordGate>
  );
}
