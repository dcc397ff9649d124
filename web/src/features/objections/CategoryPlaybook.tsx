/** One category's playbook on the objections page; admins pin an answer (one of the list, or their own words) or unpin it. */
import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlaybookAnswer } from '@common/schemas/objection';
import { RecordGate } from '../../components/RecordGate';
import { notify } from '../../lib/notify';
import { usePinAnswer, usePlaybook } from './api';
import { AnswerCard } from './PlaybookSuggestions';

function PinButton({ category, answer }: { category: string; answer: PlaybookAnswer }) {
  const { t } = useTranslation();
  const pin = usePinAnswer();
  const response = answer.pinned ? null : answer.response;
  return (
    <Button
      size="compact-xs"
      variant={answer.pinned ? 'subtle' : 'light'}
      loading={pin.isPending}
      aria-label={answer.pinned ? t('objections.unpin') : t('objections.pinNamed', { response: answer.response })}
      onClick={() =>
        pin.mutate(
          { category, response },
          { onSuccess: () => notify({ message: t(response ? 'objections.pinSaved' : 'objections.unpinned'), color: 'green' }) },
        )
      }
    >
      {answer.pinned ? t('objections.unpin') : t('objections.pin')}
    </Button>
  );
}

function PinOwn({ category }: { category: string }) {
  const { t } = useTranslation();
  const pin = usePinAnswer();
  const [text, setText] = useState('');
  return (
    <Group align="flex-end" wrap="nowrap">
      <Textarea
        style={{ flex: 1 }}
        label={t('objections.pinOwn')}
        description={t('objections.pinOwnHint')}
        autosize
        minRows={1}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Button
        disabled={!text.trim()}
        loading={pin.isPending}
        onClick={() =>
          pin.mutate(
            { category, response: text.trim() },
            {
              onSuccess: () => {
                setText('');
                notify({ message: t('objections.pinSaved'), color: 'green' });
              },
            },
          )
        }
      >
        {t('objections.pin')}
      </Button>
    </Group>
  );
}

export function CategoryPlaybook({ category, canPin }: { category: string; canPin: boolean }) {
  const { t } = useTranslation();
  const playbook = usePlaybook(category);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('objections.playbookHint')}
      </Text>
      <RecordGate query={playbook}>
        {({ items }) => (
          <Stack gap="xs">
            {items.length === 0 && <Text c="dimmed">{t('objections.noSuggestions')}</Text>}
            {items.map((a) => (
              <AnswerCard key={a.id} answer={a} testId="playbook-answer">
                {canPin && <PinButton category={category} answer={a} />}
              </AnswerCard>
            ))}
          </Stack>
        )}
      </RecordGate>
      {canPin && <PinOwn category={category} />}
    </Stack>
  );
}
