/** One account: its details, its contacts and its timeline, with logging inline. */
import { Anchor, Badge, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links';
import type { Account } from '@common/schemas/account';
import type { Contact } from '@common/schemas/contact';
import { useCursorList } from '../../api/use-cursor-list';
import { Details } from '../../components/Details';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDateTime, formatMoney } from '../../lib/format';
import { useMe } from '../auth/session';
import { ActChain } from '../acts/ActChain';
import { AccountBilling } from '../billing/AccountBilling';
import { RecordDocuments } from '../documents/RecordDocuments';
import { ContactsTable } from '../contacts/ContactsTable';
import { AccountProjects } from '../projects/AccountProjects';
import { AccountNextSteps } from '../next-steps/AccountNextSteps';
import { LogInteractionForm } from '../timeline/LogInteractionForm';
import { AccountTimeline } from '../timeline/Timeline';
import { useUserNames } from '../users/api';
import { accountQuery } from './api';

const route = getRouteApi('/app/accounts/$accountId');

/** Only web addresses become links: a `javascript:` URL typed as a website must stay text. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function AccountDetails({ account }: { account: Account }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nameOf = useUserNames([account.ownerId, account.backupOwnerId]);
  return (
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
  );
}

function AccountContacts({ accountId, canAdd }: { accountId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const list = useCursorList<Contact>(['contacts', 'list'], '/contacts', { accountId, limit: 50 });
  const add = canAdd && (
    <ButtonLink size="sm" to="/contacts/new" search={{ accountId }}>
      {t('contacts.add')}
    </ButtonLink>
  );
  return (
    <Section title={t('contacts.title')} actions={add}>
      <ListBody list={list} empty={<EmptyState title={t('contacts.noneTitle')} body={t('contacts.noneBody')} />}>
        <ContactsTable contacts={list.items} showAccount={false} />
      </ListBody>
    </Section>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { accountId } = route.useParams();
  const me = useMe();
  const query = useQuery(accountQuery(accountId));

  return (
    <RecordGate query={query}>
      {(account) => (
        <Stack gap="lg">
          <PageHeader title={account.name}>
            <Badge size="lg">{t(`accountStatus.${account.status}`)}</Badge>
            {account.can.update && (
              <ButtonLink to="/accounts/$accountId/edit" params={{ accountId }} variant="default">
                {t('common.edit')}
              </ButtonLink>
            )}
          </PageHeader>
          <Section title={t('accounts.details')}>
            <AccountDetails account={account} />
          </Section>
          <AccountContacts accountId={accountId} canAdd={account.can.addContact} />
          <AccountProjects accountId={accountId} canAdd={account.can.addProject} />
          <AccountNextSteps accountId={accountId} />
          {account.can.seeBilling && <AccountBilling account={account} />}
          {me.can.seeDocuments && <ActChain accountId={accountId} />}
          {me.can.seeDocuments && <RecordDocuments accountId={accountId} />}
          <Section title={t('timeline.title')}>
            <Stack gap="md">
              {account.can.logInteraction && <LogInteractionForm accountId={accountId} />}
              <AccountTimeline accountId={accountId} />
            </Stack>
          </Section>
        </Stack>
      )}
    </RecordGate>
  );
}
