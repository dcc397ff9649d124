/**
 * "Log a meeting / call / email / note" right on the account or contact page. From the keyboard:
 * a button opens the form with the cursor in the summary; Escape or Cancel closes it, and the
 * focus goes back to the button that opened it.
 */
import { notify } from '../../lib/notify';
import { useEffect, useRef, useState } from 'react';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { INTERACTION_TYPES, NEXT_STEP_OWNER_ROLES, type InteractionType } from '@common/enums';
import { InteractionCreateSchema, type InteractionCreate } from '@common/schemas/interaction';
import { FormAlerts } from '../../components/FormAlerts';
import { emptyToNull, validateWith } from '../../lib/forms';
import { fromDateTimeInput, toDateTimeInput } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import { UserPicker } from '../users/UserPicker';
import { useLogInteraction } from './api';

interface Values {
  type: InteractionType;
  occurredAt: string;
  summary: string;
  outcome: string;
  nextStep: string;
  nextStepDue: string;
  /** Empty: the person logging. */
  nextStepOwnerId: string;
}

const blank = (type: InteractionType): Values => ({
  type,
  occurredAt: toDateTimeInput(new Date()),
  summary: '',
  outcome: '',
  nextStep: '',
  nextStepDue: '',
  nextStepOwnerId: '',
});

interface Props {
  accountId: string;
  /** Contacts the interaction was with, when logged from a contact's page. */
  contactIds?: string[];
  /** After it is logged (the account page shows its timeline). */
  onLogged?: () => void;
}

export function LogInteractionForm({ accountId, contactIds, onLogged }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const log = useLogInteraction();
  const prefilled = useRef('');
  const summary = useRef<HTMLTextAreaElement>(null);
  const buttons = useRef(new Map<InteractionType, HTMLButtonElement>());
  // Which button opened the form, to return to; null before the form is first opened.
  const opener = useRef<InteractionType | null>(null);

  useEffect(() => {
    if (open) summary.current?.focus();
    else if (opener.current) buttons.current.get(opener.current)?.focus();
  }, [open]);

  const toPayload = (v: Values): InteractionCreate => ({
    accountId,
    type: v.type,
    // Left at the prefilled "now" (whole minutes), the time is taken at saving, to the second,
    // so the entry sorts after everything that happened while the form was open.
    occurredAt: v.occurredAt === prefilled.current ? new Date().toISOString() : (fromDateTimeInput(v.occurredAt) ?? ''),
    summary: v.summary,
    outcome: emptyToNull(v.outcome),
    nextStep: emptyToNull(v.nextStep),
    nextStepDue: v.nextStepDue || null,
    nextStepOwnerId: v.nextStep.trim() && v.nextStepOwnerId ? v.nextStepOwnerId : undefined,
    contactIds,
  });
  const form = useForm<Values>({
    initialValues: blank('meeting'),
    validate: validateWith(InteractionCreateSchema, (v: Values) => ({ payload: toPayload(v) })),
  });
  const [submit, state] = useSubmit(form, async (values: Values) => {
    await log.mutateAsync(toPayload(values));
    notify({ message: t('timeline.logged'), color: 'green' });
    form.setValues(blank(values.type));
    setOpen(false);
    onLogged?.();
  });

  const start = (type: InteractionType) => {
    opener.current = type;
    const values = blank(type);
    prefilled.current = values.occurredAt;
    form.setValues(values);
    form.clearErrors();
    setOpen(true);
  };

  if (!open) {
    return (
      <Group gap="xs">
        {INTERACTION_TYPES.map((type) => (
          <Button
            key={type}
            variant="default"
            size="sm"
            onClick={() => start(type)}
            ref={(el) => void (el ? buttons.current.set(type, el) : buttons.current.delete(type))}
          >
            {t(`timeline.log.${type}`)}
          </Button>
        ))}
      </Group>
    );
  }

  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={form.onSubmit(submit)}
        noValidate
        aria-labelledby="log-interaction-title"
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <Stack gap="sm">
          <Title order={3} size="h5" id="log-interaction-title">
            {t('timeline.logTitle')}
          </Title>
          <FormAlerts state={state} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('fields.type')}
              data={INTERACTION_TYPES.map((type) => ({ value: type, label: t(`interactionType.${type}`) }))}
              {...form.getInputProps('type')}
            />
            <TextInput type="datetime-local" label={t('fields.occurredAt')} required {...form.getInputProps('occurredAt')} />
          </SimpleGrid>
          <Textarea label={t('fields.summary')} required autosize minRows={2} ref={summary} {...form.getInputProps('summary')} />
          <Textarea label={t('fields.outcome')} autosize minRows={1} {...form.getInputProps('outcome')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('fields.nextStep')} {...form.getInputProps('nextStep')} />
            <TextInput type="date" label={t('fields.nextStepDue')} {...form.getInputProps('nextStepDue')} />
            <UserPicker
              label={t('nextSteps.ownerField')}
              roles={NEXT_STEP_OWNER_ROLES}
              clearable
              placeholder={t('people.nextStepOwner.placeholder')}
              description={t('people.nextStepOwner.hint')}
              disabled={!form.values.nextStep.trim()}
              {...form.getInputProps('nextStepOwnerId')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={state.submitting}>
              {t('timeline.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
