/**
 * Writing to the thread: a text box that grows, Ctrl+Enter (⌘+Enter) to send, and a count of
 * characters once the message nears the limit. Problems are said on the box itself.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX_LENGTH, type MessageCreate } from '@common/schemas/message';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { translateMessage, useLocale } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { notify } from '../../lib/notify';
import { fieldErrorText } from '../../lib/problems';
import { useSendMessage } from './api';

/** The count shows from here on, so it is there before it matters. */
const COUNT_FROM = MESSAGE_MAX_LENGTH * 0.9;

export function MessageComposer({ label, target }: { label: string; target: Omit<MessageCreate, 'body'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const send = useSendMessage();
  const counterId = useId();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const length = body.length;
  const over = length - MESSAGE_MAX_LENGTH;

  const submit = async () => {
    if (send.isPending) return;
    if (!body.trim()) return setError(translateMessage('message.body_required'));
    if (over > 0) return setError(t('requests.tooLong', { count: over }));
    setError(null);
    try {
      await send.mutateAsync({ ...target, body });
      setBody('');
      notify({ color: 'green', message: t('requests.sent') });
    } catch (e) {
      const field = e instanceof ApiError ? e.fieldErrors.find((f) => f.field === 'body') : undefined;
      setError(field ? fieldErrorText(field) : describeError(e, t));
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={label}
          description={t('requests.sendHint')}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
          error={error ?? (over > 0 ? t('requests.tooLong', { count: over }) : undefined)}
          autosize
          minRows={3}
          maxRows={12}
          data-testid="request-composer"
        />
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" id={counterId} aria-live="polite" c={over > 0 ? 'red.8' : undefined}>
            {length >= COUNT_FROM &&
              t('requests.counter', { used: formatNumber(length, locale), max: formatNumber(MESSAGE_MAX_LENGTH, locale) })}
          </Text>
          <Button type="submit" loading={send.isPending}>
            {t('requests.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
