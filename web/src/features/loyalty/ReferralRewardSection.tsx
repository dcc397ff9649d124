/** Admins: what the referrer earns once a referred account first pays — a discount percent or a fixed amount per currency. */
import { Button, NumberInput, Radio, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoyaltySettingsSchema, type LoyaltySettings } from '@common/schemas/loyalty';
import { FormAlerts } from '../../components/FormAlerts';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { loyaltySettingsQuery, useSaveLoyaltySettings } from './api';
import { MoneyRowsField } from './MoneyRowsField';
import { REWARD_RENAMES, rewardToValues, valuesToReward, type RewardFormValues } from './reward-form-values';

function RewardForm({ settings }: { settings: LoyaltySettings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveLoyaltySettings();
  const form = useForm<RewardFormValues>({ initialValues: rewardToValues(settings) });
  const convert = (v: RewardFormValues) => valuesToReward(v, locale, t('loyalty.form.badAmount'));
  const validate = validateWith(LoyaltySettingsSchema, convert, REWARD_RENAMES);
  const [submit, state] = useSubmit(
    form,
    async (values: RewardFormValues) => {
      const errors = validate(values);
      if (Object.keys(errors).length) return form.setErrors(errors);
      await save.mutateAsync(convert(values).payload);
      notify({ color: 'green', message: t('loyalty.reward.saved') });
    },
    REWARD_RENAMES,
  );
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('loyalty.reward.title')}>
      <Stack gap="sm" maw={560}>
        <FormAlerts state={state} />
        <Radio.Group label={t('loyalty.reward.kind')} description={t('loyalty.reward.help')} {...form.getInputProps('kind')}>
          <Stack gap="xs" mt="xs">
            <Radio value="percent" label={t('loyalty.reward.percentKind')} />
            <Radio value="fixed" label={t('loyalty.reward.fixedKind')} />
          </Stack>
        </Radio.Group>
        {form.values.kind === 'percent' ? (
          <NumberInput label={t('loyalty.reward.percent')} min={0} max={50} decimalScale={2} {...form.getInputProps('percent')} />
        ) : (
          <MoneyRowsField form={form} path="amounts" legend={t('loyalty.reward.amounts')} minRows={1} />
        )}
        <Button type="submit" w="fit-content" loading={state.submitting}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

export function ReferralRewardSection() {
  const { t } = useTranslation();
  const settings = useQuery(loyaltySettingsQuery);
  return (
    <Section title={t('loyalty.reward.title')}>
      <RecordGate query={settings}>{(s) => <RewardForm key={JSON.stringify(s)} settings={s} />}</RecordGate>
    </Section>
  );
}
