/** A task's history (who changed what and when) and its time log, both read from the task's audit entries. */
import { List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@common/schemas/audit';
import type { Task } from '@common/schemas/task';
import type { CursorList } from '../../api/use-cursor-list';
import { EmptyState, ListBody } from '../../components/ListStates';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { fieldLabel, formatValue } from '../audit/audit-values';
import { milestonesQuery } from '../projects/plan-api';
import { hoursLabel } from './labels';
import { timeLog, visibleChanges } from './task-history';

/** "What · who · when", the first line of a history or time log entry. */
function Headline({ what, who, at }: { what: string; who: string | null; at: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Text size="sm">
      <strong>{what}</strong>
      {' · '}
      {who ?? t('audit.system')}
      <Text span c="dimmed" size="sm">
        {' · '}
        <time dateTime={at}>{formatDateTime(at, locale)}</time>
      </Text>
    </Text>
  );
}

function Entry({ entry, nameOf }: { entry: AuditEntry; nameOf: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const context = { entry, t, locale, nameOf };
  const changes = visibleChanges(entry);
  return (
    <li data-testid="history-entry">
      <Headline what={t(`taskPage.did.${entry.action}`)} who={entry.actorName} at={entry.at} />
      {entry.action !== 'delete' && changes.length > 0 && (
        <List size="sm" spacing={2} withPadding>
          {changes.map(([field, { before, after }]) => (
            <List.Item key={field}>
              {fieldLabel(field, t)}:{' '}
              {entry.action === 'update'
                ? `${formatValue(field, before, context)} → ${formatValue(field, after, context)}`
                : formatValue(field, after, context)}
            </List.Item>
          ))}
        </List>
      )}
    </li>
  );
}

/** The list of entries, newest first, with "load more". */
export function TaskHistory({ task, history }: { task: Task; history: CursorList<AuditEntry> }) {
  const { t } = useTranslation();
  // Entries written before milestones were named by the task carry only the id.
  const milestones = useQuery(milestonesQuery(task.projectId));
  const nameOf = (id: string) => milestones.data?.find((m) => m.id === id)?.title;
  return (
    <ListBody list={history} empty={<EmptyState title={t('taskPage.noHistoryTitle')} body={t('taskPage.noHistoryBody')} />}>
      <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('taskPage.history')}>
        {history.items.map((entry) => (
          <Entry key={entry.id} entry={entry} nameOf={nameOf} />
        ))}
      </Stack>
    </ListBody>
  );
}

/** Each time the hours spent changed: when, who, and how many hours. */
export function TimeLog({ history }: { history: CursorList<AuditEntry> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const log = timeLog(history.items);
  if (history.isPending) return null;
  if (log.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('taskPage.noTimeLogged')}
      </Text>
    );
  return (
    <Stack component="ol" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('taskPage.timeLog')}>
      {log.map((x) => (
        <li key={x.id} data-testid="time-entry">
          <Headline
            // Signed like a ledger line in either language: "+2.5 h", "−0.5 h" for a correction.
            what={`${x.hours > 0 ? '+' : '−'}${hoursLabel(t, Math.abs(x.hours), locale)}`}
            who={x.actorName}
            at={x.at}
          />
        </li>
      ))}
    </Stack>
  );
}
