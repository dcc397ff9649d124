/** Opening a deal on an account, or changing one: a dialog whose refusals land on their fields. */
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DealCreateSchema, DealUpdateSchema, type Deal } from '@common/schemas/deal';
import { ApiError } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useLocale } from '../../i18n';
import { changedFields, serverErrorsToForm, validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useCreateDeal, useUpdateDeal } from './api';
import { DealFields } from './DealFields';
import { dealPayload, dealValues, newDealValues, type DealValues } from './deal-form';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The deal to change; a new one on `accountId` without it. */
  deal?: Deal;
  accountId: string;
  /** A new deal's currency to start with: the account's. */
  currency: string;
}

export function DealDialog({ opened, onClose, deal, accountId, currency }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateDeal();
  const update = useUpdateDeal();
  const initial = deal ? dealValues(deal) : newDealValues(currency);
  /** What an edit may change (the stage moves on its own). */
  const editable = (v: DealValues) => {
    const { stage: _stage, ...fields } = dealPayload(v, locale, t).payload;
    return fields;
  };
  const body = (v: DealValues) => {
    const { payload, errors } = dealPayload(v, locale, t);
    return deal ? { payload: changedFields(editable(v), editable(initial)), errors } : { payload: { ...payload, accountId }, errors };
  };
  const form = useForm<DealValues>({
    initialValues: initial,
    validate: validateWith(deal ? DealUpdateSchema : DealCreateSchema, body),
  });

  const submit = async () => {
    if (form.validate().hasErrors) return false;
    try {
      if (deal) await update.mutateAsync({ deal, changes: body(form.values).payload });
      else await create.mutateAsync(body(form.values).payload as Parameters<typeof create.mutateAsync>[0]);
    } catch (e) {
      if (!(e instanceof ApiError) || e.fieldErrors.length === 0) throw e;
      form.setErrors(serverErrorsToForm(e.fieldErrors));
      return false;
    }
    notify({ message: t(deal ? 'deals.saved' : 'deals.opened'), color: 'green' });
    form.reset();
  };

  return (
    <FormDialog
      title={deal ? t('deals.edit') : t('deals.new')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('common.save')}
      onSubmit={submit}
    >
      <DealFields form={form} withStage={!deal} />
    </FormDialog>
  );
}
