/**
 * An account's loyalty on its page (staff who read its internal records): the tier and its benefits,
 * the downgrade risk with the rule that is close, why it holds (or misses) its tier, who referred it,
 * and its moves between tiers.
 */
import { Alert, Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Account } from '@common/schemas/account';
import type { LoyaltyStanding } from '@common/schemas/loyalty';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { standingQuery } from './api';
import { CheckList } from './CheckList';
import { LoyaltyHistory } from './LoyaltyHistory';
import { AccountName, ReferralField, RewardWords } from './ReferralField';
import { benefitWords, checkWords } from './tier-words';

function Benefits({ standing }: { standing: LoyaltyStanding }) {
  const { t } = useTranslation();
  if (!standing.tier) return null;
  const words = benefitWords(standing.tier.benefits, t);
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('loyalty.account.benefits')}
      </Text>
      {words.length ? (
        <List size="sm" spacing={2} data-testid="loyalty-benefits">
          {words.map((w) => (
            <List.Item key={w}>{w}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('loyalty.words.none')}
        </Text>
      )}
      {standing.tier.benefits.namedBackupManager && (
        <Text size="sm">
          {t('loyalty.account.backupManager')}: {standing.backupManager?.name ?? t('loyalty.account.noBackupManager')}
        </Text>
      )}
    </Stack>
  );
}

function AtRisk({ standing }: { standing: LoyaltyStanding }) {
  const { t, i18n } = useTranslation();
  if (!standing.atRisk || !standing.tier) return null;
  const near = standing.checks.filter((c) => c.near);
  return (
    <Alert color="orange" title={t('loyalty.account.atRisk', { tier: standing.tier.name })} data-testid="loyalty-at-risk">
      {near.map((c) => (
        <Text key={`${c.rule}-${c.currency ?? ''}`} size="sm">
          {checkWords(c, i18n.language)}
        </Text>
      ))}
    </Alert>
  );
}

function StandingCard({ standing, account }: { standing: LoyaltyStanding; account: Account }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const why = standing.tier ? t('loyalty.account.whyHolds', { tier: standing.tier.name }) : t('loyalty.account.whyNone');
  return (
    <Section title={t('loyalty.account.title')}>
      <Stack gap="md">
        <Group gap="sm">
          <Badge size="lg" tt="none" color={standing.tier ? 'grape' : 'gray'} data-testid="loyalty-tier">
            {standing.tier?.name ?? t('loyalty.noTier')}
          </Badge>
          {standing.since && (
            <Text size="sm" c="dimmed">
              {t('loyalty.account.since', { date: formatDate(standing.since, locale) })}
            </Text>
          )}
        </Group>
        <AtRisk standing={standing} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Benefits standing={standing} />
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {why}
            </Text>
            {standing.evaluatedAt ? (
              <>
                <CheckList checks={standing.checks} label={why} />
                <Text size="xs" c="dimmed">
                  {t('loyalty.account.evaluatedAt', { at: formatDateTime(standing.evaluatedAt, locale) })}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('loyalty.account.notEvaluated')}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        <ReferralField key={standing.referredBy?.accountId ?? ''} standing={standing} canChange={account.can.update} />
        {standing.referredBy?.reward && (
          <Text size="sm" c="dimmed">
            <RewardWords reward={standing.referredBy.reward} />
          </Text>
        )}
        {standing.referrals.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('loyalty.referral.referrals')}
            </Text>
            <List size="sm" spacing={2}>
              {standing.referrals.map((r) => (
                <List.Item key={r.accountId}>
                  <AccountName id={r.accountId} name={r.name} /> <RewardWords reward={r.reward} />
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Section>
  );
}

export function AccountLoyalty({ account }: { account: Account }) {
  const standing = useQuery(standingQuery(account.id));
  return (
    <Stack gap="lg">
      <RecordGate query={standing}>{(s) => <StandingCard standing={s} account={account} />}</RecordGate>
      <LoyaltyHistory accountId={account.id} />
    </Stack>
  );
}
