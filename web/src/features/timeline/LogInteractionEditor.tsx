/**
 * The open "log an interaction" form (see LogInteractionForm): its code and the validation it
 * needs load when someone first opens it, not with the page that shows the buttons.
 */
import { notify } from '../../lib/notify';
import { useEffect, useRef, useState } from 'react';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INTERACTION_TYPES, NEXT_STEP_OWNER_ROLES, type InteractionType } from '@common/enums';
import { InteractionCreateSchema, type InteractionCreate } from '@common/schemas/interaction';
import { FormAlerts } from '../../components/FormAlerts';
import { emptyToNull, validateWith } from '../../lib/forms';
import { fromDateTimeInput, toDateTimeInput } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import { accountQuery } from '../accounts/api';
import { dealPayload, newDealValues } from '../deals/deal-form';
import { advancePayload, MeetingDeal, NO_ADVANCE, type MeetingDealValues } from '../deals/MeetingDeal';
import { UserPicker } from '../users/UserPicker';
import { useLocale } from '../../i18n';
import { useLogInteraction } from './api';

interface Values extends MeetingDealValues {
  type: InteractionType;
  occurredAt: string;
  summary: string;
  outcome: string;
  nextStep: string;
  nextStepDue: string;
  /** Empty: the person logging. */
  nextStepOwnerId: string;
}

export interface LogInteractionEditorProps {
  accountId: string;
  /** Contacts the interaction was with, when logged from a contact's page. */
  contactIds?: string[];
  /** The kind of interaction whose button opened the form. */
  type: InteractionType;
  onLogged: () => void;
  onCancel: () => void;
}

export default function LogInteractionEditor({ accountId, contactIds, type, onLogged, onCancel }: LogInteractionEditorProps) {
  const { t } = useTranslation();
  const log = useLogInteraction();
  const locale = useLocale();
  // A deal opened with a meeting starts in the account's currency.
  const currency = useQuery(accountQuery(accountId)).data?.currency ?? 'EUR';
  const summary = useRef<HTMLTextAreaElement>(null);
  // The time the form opened with, in whole minutes (see toPayload).
  const [prefilled] = useState(() => toDateTimeInput(new Date()));

  useEffect(() => summary.current?.focus(), []);

  /** A meeting may open or advance a deal in the same request. */
  const dealPart = (v: Values) => {
    if (v.type !== 'meeting' || v.dealMode === 'none') return { payload: {} };
    if (v.dealMode === 'advance') return { payload: { advanceDeal: advancePayload(v.advanceDeal) } };
    const { payload, errors } = dealPayload(v.createDeal, locale, t);
    return { payload: { createDeal: payload }, errors: errors.amount ? { 'createDeal.amount': errors.amount } : undefined };
  };
  const toPayload = (v: Values): InteractionCreate => ({
    ...dealPart(v).payload,
    accountId,
    type: v.type,
    // Left at the prefilled "now" (whole minutes), the time is taken at saving, to the second,
    // so the entry sorts after everything that happened while the form was open.
    occurredAt: v.occurredAt === prefilled ? new Date().toISOString() : (fromDateTimeInput(v.occurredAt) ?? ''),
    summary: v.summary,
    outcome: emptyToNull(v.outcome),
    nextStep: emptyToNull(v.nextStep),
    nextStepDue: v.nextStepDue || null,
    nextStepOwnerId: v.nextStep.trim() && v.nextStepOwnerId ? v.nextStepOwnerId : undefined,
    contactIds,
  });
  const form = useForm<Values>({
    initialValues: {
      type,
      occurredAt: prefilled,
      summary: '',
      outcome: '',
      nextStep: '',
      nextStepDue: '',
      nextStepOwnerId: '',
      dealMode: 'none',
      createDeal: newDealValues(currency),
      advanceDeal: NO_ADVANCE,
    },
    validate: validateWith(InteractionCreateSchema, (v: Values) => ({ payload: toPayload(v), errors: dealPart(v).errors })),
  });
  const [submit, state] = useSubmit(form, async (values: Values) => {
    await log.mutateAsync(toPayload(values));
    notify({ message: t('timeline.logged'), color: 'green' });
    onLogged();
  });

  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={form.onSubmit(submit)}
        noValidate
        aria-labelledby="log-interaction-title"
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
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
          {form.values.type === 'meeting' && <MeetingDeal form={form} accountId={accountId} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
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
