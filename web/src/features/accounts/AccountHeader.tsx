/**
 * The top of an account page, the same on every tab: its name and status, who looks after it,
 * what needs attention (work stopped, overdue, credit used) and the buttons to log a meeting,
 * call, email or note. Everything shown is what the server says the user may see and do.
 */
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Account } from '@common/schemas/account';
import { ButtonLink } from '../../components/links';
import { usePageTitle } from '../../components/PageHeader';
import { LogInteractionForm } from '../timeline/LogInteractionForm';
import { useUserNames } from '../users/api';
import { AccountFlagBadges } from './AccountFlagBadges';

const route = getRouteApi('/app/accounts/$accountId');

export function AccountHeader({ account }: { account: Account }) {
  const { t } = useTranslation();
  const nameOf = useUserNames([account.ownerId, account.backupOwnerId]);
  usePageTitle(account.name);
  const owner = account.ownerId && nameOf(account.ownerId);
  const backup = account.backupOwnerId && nameOf(account.backupOwnerId);
  const reason = account.flags.workStopped?.reason;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // What was just logged is shown where it lands: the timeline, with every kind unless conversations are shown already.
  const onTimeline = (!search.tab || search.tab === 'timeline') && (!search.kinds || search.kinds === 'conversations');
  const showTimeline = () => void (onTimeline || navigate({ search: (prev) => ({ ...prev, tab: undefined, kinds: undefined }) }));

  return (
    <Stack gap="sm">
      {/* The edit button keeps its place beside the name however long the lines below it get. */}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} miw={0}>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {account.name}
            </Title>
            <Badge size="lg" data-testid="account-status">
              {t(`accountStatus.${account.status}`)}
            </Badge>
          </Group>
          {/* One line each, known from the account before the names arrive (a long name is cut
              short on a phone, whole in the details): a name that comes later never pushes the page down. */}
          <Text size="sm" c="dimmed" truncate="end">
            {owner ? t('accountPage.owner', { name: owner }) : t('accountPage.noOwner')}
          </Text>
          {account.backupOwnerId && (
            <Text size="sm" c="dimmed" truncate="end">
              {t('accountPage.backup', { name: backup ?? '—' })}
            </Text>
          )}
        </Stack>
        {account.can.update && (
          <ButtonLink to="/accounts/$accountId/edit" params={{ accountId: account.id }} variant="default">
            {t('common.edit')}
          </ButtonLink>
        )}
      </Group>
      {Object.values(account.flags).some(Boolean) && (
        <Group gap="xs" wrap="wrap" data-testid="account-flags">
          <AccountFlagBadges flags={account.flags} full size="lg" />
          {reason && <Text size="sm">{t('accountFlags.stopReason', { reason })}</Text>}
        </Group>
      )}
      {account.can.logInteraction && <LogInteractionForm accountId={account.id} onLogged={showTimeline} />}
    </Stack>
  );
}
