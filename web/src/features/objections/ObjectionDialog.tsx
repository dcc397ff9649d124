/**
 * Logging an objection on a deal (in a meeting or not): its category, the client's words and the
 * answer given, with the category's playbook offered; picking an answer fills it in and counts
 * the objection for that answer, even if its words are then adjusted. A meeting logged without a
 * deal asks which of the account's open deals it was about.
 */
import { useState } from 'react';
import { Alert, NativeSelect, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { OBJECTION_RESULTS, type ObjectionResult } from '@common/enums';
import { ObjectionCreateSchema, type ObjectionCreate } from '@common/schemas/objection';
import { ApiError } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { serverErrorsToForm, validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useDealNames, useDeals } from '../deals/api';
import { useCategories, useCreateObjection } from './api';
import { PlaybookSuggestions } from './PlaybookSuggestions';

interface Values {
  dealId: string;
  category: string;
  text: string;
  response: string;
  result: ObjectionResult;
}

interface Props {
  /** The deal; without it, the form offers the open deals of `accountId`. */
  dealId?: string;
  accountId?: string;
  /** For the title; a meeting's card knows only the deal's id. */
  dealTitle?: string;
  /** The meeting it was raised in. */
  interactionId?: string;
  onClose: () => void;
}

/** The account's open deals to choose from, or why there is none. */
function DealChoice({ accountId, form }: { accountId: string; form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const names = useDealNames();
  const open = useDeals({ accountId, state: 'open', sort: 'next_step' }, 100);
  if (open.isSuccess && open.items.length === 0) {
    return (
      <Alert color="yellow" title={t('deals.meeting.noOpenDeals')}>
        {t('objections.openDealFirst')}
      </Alert>
    );
  }
  return (
    <NativeSelect
      label={t('objections.fields.deal')}
      required
      data={[{ value: '', label: '—' }, ...open.items.map((d) => ({ value: d.id, label: `${d.title} · ${names.stage(d.stage)}` }))]}
      {...form.getInputProps('dealId')}
    />
  );
}

export function ObjectionDialog({ dealId, accountId, dealTitle, interactionId, onClose }: Props) {
  const { t } = useTranslation();
  const { categories, name } = useCategories();
  const create = useCreateObjection();
  const [picked, setPicked] = useState<string | null>(null);
  const body = (v: Values): { payload: ObjectionCreate; errors?: Record<string, string> } => ({
    errors: v.dealId ? undefined : { dealId: t('objections.chooseDeal') },
    payload: {
      dealId: v.dealId,
      interactionId,
      category: v.category,
      text: v.text,
      response: v.response,
      result: v.result,
      playbookAnswerId: picked ?? undefined,
    },
  });
  const form = useForm<Values>({
    initialValues: { dealId: dealId ?? '', category: '', text: '', response: '', result: 'open' },
    validate: validateWith(ObjectionCreateSchema, body),
    onValuesChange: (v, previous) => {
      // Another category's answers are not this one's.
      if (v.category !== previous.category) setPicked(null);
    },
  });

  const submit = async () => {
    if (form.validate().hasErrors) return false;
    try {
      await create.mutateAsync(body(form.values).payload);
    } catch (e) {
      if (!(e instanceof ApiError) || e.fieldErrors.length === 0) throw e;
      form.setErrors(serverErrorsToForm(e.fieldErrors));
      return false;
    }
    notify({ message: t('objections.logged'), color: 'green' });
  };

  return (
    <FormDialog
      title={dealTitle ? t('objections.onDeal', { title: dealTitle }) : t('objections.add')}
      opened
      onClose={onClose}
      submitLabel={t('common.save')}
      onSubmit={submit}
    >
      {!dealId && accountId && <DealChoice accountId={accountId} form={form} />}
      <NativeSelect
        label={t('objections.fields.category')}
        required
        data={[{ value: '', label: '—' }, ...categories.map((c) => ({ value: c.key, label: name(c.key) }))]}
        {...form.getInputProps('category')}
      />
      <Textarea label={t('objections.fields.text')} required autosize minRows={2} {...form.getInputProps('text')} />
      {form.values.category && (
        <PlaybookSuggestions
          category={form.values.category}
          onPick={(a) => {
            form.setFieldValue('response', a.response);
            setPicked(a.id);
          }}
        />
      )}
      <Textarea
        label={t('objections.fields.response')}
        description={picked ? t('objections.picked') : undefined}
        autosize
        minRows={2}
        {...form.getInputProps('response')}
      />
      <NativeSelect
        label={t('objections.fields.result')}
        data={OBJECTION_RESULTS.map((r) => ({ value: r, label: t(`objections.result.${r}`) }))}
        {...form.getInputProps('result')}
      />
    </FormDialog>
  );
}
