/** The discussion on a task between the manager and the specialist, with a box to add to it. */
import { Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TaskCommentCreateSchema } from '@common/schemas/task';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { RecordGate } from '../../components/RecordGate';
import { useLocale } from '../../i18n';
import { validateSchema } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import { taskCommentsQuery, useAddComment } from './api';

export function TaskComments({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery(taskCommentsQuery(taskId));
  const add = useAddComment(taskId);
  const form = useForm({ initialValues: { body: '' }, validate: validateSchema(TaskCommentCreateSchema) });
  const [submit, state] = useSubmit(form, async (v: { body: string }) => {
    await add.mutateAsync(v.body);
    form.reset();
  });

  return (
    <Stack gap="sm">
      <RecordGate query={query}>
        {(comments) =>
          comments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('comments.none')}
            </Text>
          ) : (
            <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('comments.title')}>
              {comments.map((c) => (
                <li key={c.id} data-testid="comment">
                  <Text size="sm" c="dimmed">
                    {c.authorName ?? t('timeline.nobody')} · <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, locale)}</time>
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.body}
                  </Text>
                </li>
              ))}
            </Stack>
          )
        }
      </RecordGate>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="xs">
          <FormAlerts state={state} />
          <Textarea label={t('comments.new')} autosize minRows={2} {...form.getInputProps('body')} />
          <InlineActions submitting={state.submitting} submitLabel={t('comments.add')} />
        </Stack>
      </form>
    </Stack>
  );
}
