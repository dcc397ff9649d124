/** The manager records the client's answers to the brief; only changed answers are sent. */
import { notify } from '../../lib/notify';
import { Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { BriefAnswersSchema } from '@common/schemas/task';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { useAnsweredBy } from './BriefAnswers';
import { useAnswerBrief, type Brief } from './plan-api';

type Values = Record<string, string>;
type Answer = { questionId: string; answer: string };

/** The schema names an answer by its place in the list; the form by its question. */
const fieldNames = (answers: Answer[]) => Object.fromEntries(answers.map((a, i) => [`answers.${i}.answer`, a.questionId]));

export function BriefAnswersForm({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const answer = useAnswerBrief(brief.projectId);
  const answeredBy = useAnsweredBy();
  const initial: Values = Object.fromEntries(brief.questions.map((q) => [q.id, q.answer ?? '']));
  // An answer cannot be taken back by clearing it, so only filled-in, changed answers go out.
  const changed = (v: Values): Answer[] =>
    brief.questions.filter((q) => v[q.id].trim() !== '' && v[q.id] !== initial[q.id]).map((q) => ({ questionId: q.id, answer: v[q.id] }));

  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) => {
      const answers = changed(v);
      // Nothing changed is not an error worth a red field; the submit says so instead.
      return answers.length ? validateWith(BriefAnswersSchema, () => ({ payload: { answers } }), fieldNames(answers))(v) : {};
    },
  });
  const [submit, state] = useSubmit(form, async (v: Values) => {
    const answers = changed(v);
    if (answers.length === 0) return notify({ message: t('brief.nothingChanged') });
    await answer.mutateAsync(answers);
    notify({ color: 'green', message: t('brief.saved', { count: answers.length }) });
  });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('brief.formLabel')}>
      <Stack gap="md">
        <FormAlerts state={state} />
        {brief.questions.map((q) => (
          <Textarea key={q.id} label={q.text} description={answeredBy(q)} autosize minRows={2} {...form.getInputProps(q.id)} />
        ))}
        <InlineActions submitting={state.submitting} submitLabel={t('brief.save')} />
      </Stack>
    </form>
  );
}
