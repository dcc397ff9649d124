/**
 * The question and its answer: the scores as a radio group (arrow keys move between them, space
 * picks one), an optional comment, and the send button. Refusals show above the button.
 */
import { useState } from 'react';
import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicSurvey, SurveyAnswer } from '@common/schemas/survey';
import { describeError } from '../../components/describe-error';

interface Props {
  survey: PublicSurvey;
  onAnswer: (answer: SurveyAnswer) => Promise<unknown>;
}

export function ScoreForm({ survey, onAnswer }: Props) {
  const { t } = useTranslation();
  const [score, setScore] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const scores = Array.from({ length: survey.max - survey.min + 1 }, (_, i) => String(survey.min + i));

  const submit = async () => {
    setMissing(score === null);
    if (score === null) return;
    setBusy(true);
    setError(null);
    try {
      await onAnswer({ score: Number(score), comment: comment.trim() || null });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Radio.Group
          value={score}
          onChange={setScore}
          label={survey.question}
          description={t(`surveys.scale.${survey.kind}`, { min: survey.min, max: survey.max })}
          error={missing ? t('surveys.chooseScore') : undefined}
          data-testid="survey-scores"
        >
          <Group gap="xs" mt="xs">
            {scores.map((s) => (
              <Radio key={s} value={s} label={s} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t(survey.kind === 'nps' ? 'surveys.why' : 'surveys.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={3}
        />
        {error !== null && (
          <Alert color="red" role="alert">
            <Text size="sm">{describeError(error, t)}</Text>
          </Alert>
        )}
        <Button type="submit" loading={busy} w="fit-content">
          {t('surveys.send')}
        </Button>
      </Stack>
    </form>
  );
}
