/** "Referred by": the account that brought this one (its manager changes it), and the reward recorded for it. */
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoyaltyStanding, ReferralReward } from '@common/schemas/loyalty';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatDate, formatMoney } from '../../lib/format';
import { fieldErrorText } from '../../lib/problems';
import { notify } from '../../lib/notify';
import { AccountPicker } from '../accounts/AccountPicker';
import { useSetReferral } from './api';

export function AccountName({ id, name }: { id: string; name: string }) {
  return (
    <AnchorLink to="/accounts/$accountId" params={{ accountId: id }} search={{ tab: 'loyalty' }}>
      {name}
    </AnchorLink>
  );
}

export function RewardWords({ reward }: { reward: ReferralReward | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!reward) return null;
  const what =
    reward.kind === 'percent'
      ? t('loyalty.referral.rewardPercent', { percent: reward.percent })
      : formatMoney(reward.amountMinor ?? 0, reward.currency ?? 'EUR', locale);
  return <>{t('loyalty.referral.rewarded', { what, date: formatDate(reward.firstPaidOn, locale) })}</>;
}

export function ReferralField({ standing, canChange }: { standing: LoyaltyStanding; canChange: boolean }) {
  const { t } = useTranslation();
  const current = standing.referredBy?.accountId ?? '';
  const [value, setValue] = useState(current);
  const [error, setError] = useState<unknown>(null);
  const save = useSetReferral(standing.accountId);
  const onField = error instanceof ApiError ? error.fieldErrorMap().referrerId : undefined;

  const submit = async (referrerId: string | null) => {
    setError(null);
    try {
      await save.mutateAsync(referrerId);
      if (!referrerId) setValue('');
      notify({ color: 'green', message: t(referrerId ? 'loyalty.referral.saved' : 'loyalty.referral.cleared') });
    } catch (e) {
      setError(e);
    }
  };

  if (!canChange)
    return (
      <Text size="sm">
        {t('loyalty.referral.referredBy')}:{' '}
        {standing.referredBy ? (
          <AccountName id={standing.referredBy.accountId} name={standing.referredBy.name} />
        ) : (
          t('loyalty.referral.nobody')
        )}
      </Text>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit(value || null);
      }}
      noValidate
      aria-label={t('loyalty.referral.referredBy')}
    >
      <Stack gap="xs" maw={480}>
        <AccountPicker
          label={t('loyalty.referral.referredBy')}
          description={t('loyalty.referral.help')}
          value={value}
          onChange={setValue}
          error={onField && fieldErrorText(onField)}
        />
        {error !== null && !onField && (
          <Alert color="red" role="alert" title={t('errors.saveFailed')}>
            {describeError(error, t)}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" size="sm" loading={save.isPending} disabled={value === current}>
            {t('common.save')}
          </Button>
          {current && (
            <Button size="sm" variant="subtle" onClick={() => void submit(null)}>
              {t('loyalty.referral.clear')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
