/** The account's own fields, for its Details tab. */
import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '@common/schemas/account';
import { Details } from '../../components/Details';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDateTime, formatMoney } from '../../lib/format';
import { useMe } from '../auth/session';
import { CalendarFeedSection } from '../calendar-feeds/CalendarFeedSection';
import { useUserNames } from '../users/api';

/** Only web addresses become links: a `javascript:` URL typed as a website must stay text. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

export function AccountDetails({ account }: { account: Account }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nameOf = useUserNames([account.ownerId, account.backupOwnerId]);
  const me = useMe();
  return (
    <Stack gap="lg">
      <Section title={t('accounts.details')}>
        <Details
          items={[
            [t('fields.status'), t(`accountStatus.${account.status}`)],
            [t('fields.industry'), account.industry],
            [
              t('fields.website'),
              account.website &&
                (isWebUrl(account.website) ? (
                  <Anchor href={account.website} target="_blank" rel="noopener noreferrer">
                    {account.website}
                  </Anchor>
                ) : (
                  account.website
                )),
            ],
            [t('fields.owner'), nameOf(account.ownerId)],
            [t('fields.backupOwner'), nameOf(account.backupOwnerId)],
            [t('fields.language'), t(`languages.${account.language}`)],
            [t('fields.currency'), account.currency],
            [t('fields.paymentTermsDays'), t('accounts.days', { count: account.paymentTermsDays })],
            [
              t('fields.creditLimit'),
              account.creditLimitMinor == null ? null : formatMoney(account.creditLimitMinor, account.currency, locale),
            ],
            [t('fields.createdAt'), formatDateTime(account.createdAt, locale)],
            [t('fields.updatedAt'), formatDateTime(account.updatedAt, locale)],
          ]}
        />
      </Section>
      {me.can.createAccount && <CalendarFeedSection path={`/accounts/${account.id}/calendar`} intro={t('calendarFeed.accountIntro')} />}
    </Stack>
  );
}
