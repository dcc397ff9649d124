/** A category's playbook in the objection form: each answer with how its deals ended; picking one fills the answer. */
import type { ReactNode } from 'react';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlaybookAnswer } from '@common/schemas/objection';
import { usePlaybook } from './api';

/** "won 3 of 4", and how often it was given on deals still open. */
export function AnswerRecord({ answer }: { answer: PlaybookAnswer }) {
  const { t } = useTranslation();
  const open = answer.uses - answer.closed;
  return (
    <Text size="xs" c="dimmed" data-testid="answer-record">
      {answer.closed > 0 ? t('objections.wonOf', { won: answer.won, closed: answer.closed }) : t('objections.noClosed')}
      {open > 0 && ` · ${t('objections.usedOpen', { count: open })}`}
    </Text>
  );
}

/** An answer of the playbook: its words, whether it is the recommended one, its record, and what one may do with it. */
export function AnswerCard({ answer, testId, children }: { answer: PlaybookAnswer; testId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" radius="sm" data-testid={testId}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text size="sm">{answer.response}</Text>
          <Group gap="xs">
            {answer.pinned && (
              <Badge size="xs" color="teal">
                {t('objections.pinned')}
              </Badge>
            )}
            <AnswerRecord answer={answer} />
          </Group>
        </Stack>
        {children}
      </Group>
    </Paper>
  );
}

export function PlaybookSuggestions({ category, onPick }: { category: string; onPick: (answer: PlaybookAnswer) => void }) {
  const { t } = useTranslation();
  const playbook = usePlaybook(category);
  const items = playbook.data?.items ?? [];
  if (!playbook.isSuccess) return null;
  return (
    <Stack gap={6} role="group" aria-label={t('objections.suggestions')}>
      <Text size="sm" fw={500}>
        {t('objections.suggestions')}
      </Text>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('objections.noSuggestions')}
        </Text>
      )}
      {items.slice(0, 5).map((a) => (
        <AnswerCard key={a.id} answer={a} testId="playbook-suggestion">
          <Button
            size="compact-xs"
            variant="light"
            aria-label={t('objections.useNamed', { response: a.response })}
            onClick={() => onPick(a)}
          >
            {t('objections.use')}
          </Button>
        </AnswerCard>
      ))}
    </Stack>
  );
}
