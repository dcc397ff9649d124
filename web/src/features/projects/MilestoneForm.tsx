/** Add a milestone to a project's plan, or change one (which reopens an approved plan). */
import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MILESTONE_STATUSES } from '@common/enums';
import { MilestoneCreateSchema, MilestoneUpdateSchema, type Milestone } from '@common/schemas/plan';
import { api } from '../../api/client';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { changedFields, validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import i18n, { useLocale } from '../../i18n';
import { minorToDecimal, parseMoney } from '../../lib/format';
import { usePlanRefresh } from './plan-api';

interface Values {
  title: string;
  dueDate: string;
  status: Milestone['status'];
  /** The fixed price as typed, in major units; only for a project whose acts charge milestones. */
  price: string;
}

interface Props {
  projectId: string;
  /** The milestone being changed; absent when adding one. */
  milestone?: Milestone;
  onDone?: () => void;
  onCancel?: () => void;
  onReload?: () => Promise<unknown>;
  /** The project's currency when its acts charge the milestones' fixed prices (the form then asks for the price). */
  priceCurrency?: string;
}

const toValues = (m: Milestone | undefined, currency: string | undefined): Values => ({
  title: m?.title ?? '',
  dueDate: m?.dueDate ?? '',
  status: m?.status ?? 'planned',
  price: currency && m?.priceMinor != null ? minorToDecimal(m.priceMinor, currency) : '',
});

/** The API body: the price in minor units when the form asks for it (a price that is not an amount is reported on its field). */
function toPayload(v: Values, currency: string | undefined, locale: string) {
  const { price, ...rest } = v;
  if (!currency) return { payload: rest };
  const priceMinor = parseMoney(price, currency, locale);
  return {
    payload: { ...rest, priceMinor: priceMinor ?? null },
    errors: priceMinor === undefined ? { price: i18n.t('accounts.badAmount') } : undefined,
  };
}

export function MilestoneForm({ projectId, milestone, onDone, onCancel, onReload, priceCurrency }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refresh = usePlanRefresh();
  const form = useForm<Values>({
    initialValues: toValues(milestone, priceCurrency),
    validate: validateWith(
      milestone ? MilestoneUpdateSchema : MilestoneCreateSchema,
      (v: Values) => {
        const converted = toPayload(v, priceCurrency, locale);
        return { ...converted, payload: milestone ? converted.payload : { ...converted.payload, projectId } };
      },
      { priceMinor: 'price' },
    ),
  });
  const [submit, state] = useSubmit(form, async (values: Values) => {
    const { payload } = toPayload(values, priceCurrency, locale);
    if (milestone) {
      const before = toPayload(toValues(milestone, priceCurrency), priceCurrency, locale).payload;
      await api.patch<Milestone>(`/milestones/${milestone.id}`, changedFields(payload, before), milestone.version);
    } else {
      await api.post<Milestone>('/milestones', { ...payload, projectId });
      form.reset();
    }
    await refresh(projectId, 'milestones');
    onDone?.();
  });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t(milestone ? 'plan.editMilestone' : 'plan.addMilestone')}>
      <Stack gap="sm">
        <FormAlerts state={state} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: milestone ? 1 : priceCurrency ? 4 : 3 }}>
          <TextInput label={t('plan.milestoneTitle')} required {...form.getInputProps('title')} />
          <TextInput type="date" label={t('plan.milestoneDue')} required {...form.getInputProps('dueDate')} />
          <NativeSelect
            label={t('fields.status')}
            data={MILESTONE_STATUSES.map((s) => ({ value: s, label: t(`milestoneStatus.${s}`) }))}
            {...form.getInputProps('status')}
          />
          {priceCurrency && (
            <TextInput label={t('plan.milestonePrice', { currency: priceCurrency })} inputMode="decimal" {...form.getInputProps('price')} />
          )}
        </SimpleGrid>
        <InlineActions
          submitting={state.submitting}
          submitLabel={milestone ? t('common.save') : t('plan.addMilestone')}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
