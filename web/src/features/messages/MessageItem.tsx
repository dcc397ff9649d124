/** One message of the thread: who wrote it and when, the project it is about, and its words as typed (never as markup). */
import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '@common/schemas/message';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import classes from './Requests.module.css';

export function MessageItem({ message: m, mine }: { message: Message; mine: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const side = t(m.author.fromClient ? 'requests.client' : 'requests.agency');
  return (
    <li className={classes.message} data-mine={mine} data-testid="request-message">
      <Paper withBorder radius="md" p="sm" className={classes.bubble}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {m.author.name ?? t('requests.formerUser')}
            <Text span size="sm" fw={400}>
              {` · ${side}`}
            </Text>
          </Text>
          <Text size="xs">
            <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
          </Text>
        </Group>
        {m.projectName && (
          <Text size="xs" fs="italic">
            {t('requests.aboutProject', { project: m.projectName })}
          </Text>
        )}
        <Text size="sm" mt={4} className={classes.body} data-testid="request-body">
          {m.body}
        </Text>
      </Paper>
    </li>
  );
}
