/** Admins: one loyalty tier in a dialog — its name and rank, the rules an account must meet, and the benefits it brings. */
import { useState } from 'react';
import { Modal, NumberInput, SimpleGrid, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LoyaltyTierCreateSchema, LoyaltyTierUpdateSchema, type LoyaltyTier } from '@common/schemas/loyalty';
import { api } from '../../api/client';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { useLocale } from '../../i18n';
import { validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { useSaveTier } from './api';
import { MoneyRowsField } from './MoneyRowsField';
import { TIER_RENAMES, tierToValues, valuesToTier, type TierFormValues } from './tier-form-values';

interface Props {
  /** The tier to change; none to add one. */
  tier?: LoyaltyTier;
  /** The rank a new tier is offered (one above the highest). */
  nextRank: number;
  onClose: () => void;
}

export function TierEditor({ tier, nextRank, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveTier();
  // After a collision the form edits the tier as it is now, at its new version.
  const [current, setCurrent] = useState(tier);
  const form = useForm<TierFormValues>({ initialValues: tierToValues(tier, nextRank) });
  const convert = (v: TierFormValues) => valuesToTier(v, locale, t('loyalty.form.badAmount'));
  const validate = validateWith(current ? LoyaltyTierUpdateSchema : LoyaltyTierCreateSchema, convert, TIER_RENAMES);
  const title = tier ? t('loyalty.tiers.edit', { name: tier.name }) : t('loyalty.tiers.new');

  const [submit, state] = useSubmit(
    form,
    async (values: TierFormValues) => {
      const errors = validate(values);
      if (Object.keys(errors).length) return form.setErrors(errors);
      const saved = await save.mutateAsync({ tier: current, body: convert(values).payload });
      notify({ color: 'green', message: t(current ? 'loyalty.tiers.saved' : 'loyalty.tiers.added', { name: saved.name }) });
      onClose();
    },
    TIER_RENAMES,
  );
  const reload = async () => {
    if (!current) return;
    const fresh = await api.get<LoyaltyTier>(`/loyalty/tiers/${current.id}`);
    setCurrent(fresh);
    form.setValues(tierToValues(fresh));
  };
  const number = (field: keyof TierFormValues, label: string, opts: { min: number; max: number; decimals?: boolean; help?: string }) => (
    <NumberInput
      label={t(label)}
      description={opts.help && t(opts.help)}
      min={opts.min}
      max={opts.max}
      allowDecimal={Boolean(opts.decimals)}
      decimalScale={opts.decimals ? 2 : undefined}
      {...form.getInputProps(field)}
    />
  );

  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={form.onSubmit(submit)} noValidate aria-label={title}>
        <Stack>
          <FormAlerts state={state} onReload={reload} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('loyalty.form.name')} required data-autofocus {...form.getInputProps('name')} />
            {number('rank', 'loyalty.form.rank', { min: 1, max: 100, help: 'loyalty.form.rankHelp' })}
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('loyalty.form.rules')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {number('minTenureMonths', 'loyalty.form.minTenureMonths', { min: 0, max: 600 })}
            {number('minOnTimePercent', 'loyalty.form.minOnTimePercent', { min: 0, max: 100, decimals: true })}
            {number('minNps', 'loyalty.form.minNps', { min: 0, max: 10 })}
          </SimpleGrid>
          <MoneyRowsField
            form={form}
            path="revenue"
            legend={t('loyalty.form.minPaidRevenue')}
            description={t('loyalty.form.revenueHelp')}
          />
          <Switch
            label={t('loyalty.form.openCriticalClaimsDisqualify')}
            {...form.getInputProps('openCriticalClaimsDisqualify', { type: 'checkbox' })}
          />
          <Switch label={t('loyalty.form.requiresBackupManager')} {...form.getInputProps('requiresBackupManager', { type: 'checkbox' })} />
          <Title order={3} size="h5">
            {t('loyalty.form.benefits')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {number('discountPercent', 'loyalty.form.discountPercent', { min: 0, max: 50, decimals: true })}
            {number('freeHoursPerQuarter', 'loyalty.form.freeHoursPerQuarter', { min: 0, max: 1000 })}
            {number('claimDeadlinePercent', 'loyalty.form.claimDeadlinePercent', { min: 10, max: 100, help: 'loyalty.form.deadlineHelp' })}
          </SimpleGrid>
          <Switch label={t('loyalty.form.namedBackupManager')} {...form.getInputProps('namedBackupManager', { type: 'checkbox' })} />
          <InlineActions submitting={state.submitting} submitLabel={t('common.save')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
