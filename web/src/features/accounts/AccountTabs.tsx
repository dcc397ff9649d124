/**
 * The rest of an account page, one tab at a time: timeline, requests, next steps, deals, contacts, projects,
 * billing, documents, details. The tab (and the timeline's kind of entry) live in the URL, so a link opens
 * the same view and Back returns to the previous tab. Tabs the user may not see are not there.
 */
import { Stack, Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMELINE_CATEGORIES, type TimelineCategory } from '@common/enums';
import type { Account } from '@common/schemas/account';
import { useMe } from '../auth/session';
import { ActChain } from '../acts/ActChain';
import { AccountBilling } from '../billing/AccountBilling';
import { AccountDeals } from '../deals/AccountDeals';
import { RecordDocuments } from '../documents/RecordDocuments';
import { AccountRequests } from '../messages/AccountRequests';
import { AccountNextSteps } from '../next-steps/AccountNextSteps';
import { AccountProjects } from '../projects/AccountProjects';
import { AccountTimeline } from '../timeline/Timeline';
import { TimelineKindFilter } from '../timeline/TimelineKindFilter';
import { AccountContacts } from './AccountContacts';
import { AccountDetails } from './AccountDetails';

const route = getRouteApi('/app/accounts/$accountId');

export const ACCOUNT_TABS = [
  'timeline',
  'requests',
  'next-steps',
  'deals',
  'contacts',
  'projects',
  'billing',
  'documents',
  'details',
] as const;
export type AccountTab = (typeof ACCOUNT_TABS)[number];

const kindOf = (v: string | undefined) => TIMELINE_CATEGORIES.find((k) => k === v);

export function AccountTabs({ account }: { account: Account }) {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const kind = kindOf(search.kinds);
  const setKind = (kinds: TimelineCategory | undefined) => void navigate({ search: (prev) => ({ ...prev, kinds }), replace: true });

  const panels: Partial<Record<AccountTab, ReactNode>> = {
    ...(me.can.seeInteractions && {
      timeline: (
        <Stack gap="md">
          <TimelineKindFilter value={kind} onChange={setKind} />
          <AccountTimeline accountId={account.id} kind={kind} />
        </Stack>
      ),
      'next-steps': <AccountNextSteps accountId={account.id} />,
      deals: <AccountDeals account={account} />,
    }),
    ...(account.can.writeMessage && { requests: <AccountRequests accountId={account.id} /> }),
    contacts: <AccountContacts accountId={account.id} canAdd={account.can.addContact} />,
    ...(me.can.seeProjects && { projects: <AccountProjects accountId={account.id} canAdd={account.can.addProject} /> }),
    ...(account.can.seeBilling && { billing: <AccountBilling account={account} /> }),
    ...(me.can.seeDocuments && {
      documents: (
        <Stack gap="lg">
          <ActChain accountId={account.id} />
          <RecordDocuments accountId={account.id} />
        </Stack>
      ),
    }),
    details: <AccountDetails account={account} />,
  };
  const tabs = ACCOUNT_TABS.filter((x) => panels[x] !== undefined);
  const tab = tabs.find((x) => x === search.tab) ?? tabs[0];
  // A new history entry per tab, so Back returns to the tab before; the first tab keeps a clean URL.
  const open = (value: string | null) =>
    void navigate({ search: (prev) => ({ ...prev, tab: value === tabs[0] ? undefined : (value ?? undefined) }) });

  return (
    <Tabs value={tab} onChange={open} keepMounted={false}>
      <Tabs.List aria-label={t('accountPage.sections')}>
        {tabs.map((x) => (
          <Tabs.Tab key={x} value={x}>
            {t(`accountPage.tabs.${x}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((x) => (
        <Tabs.Panel key={x} value={x} pt="md">
          {panels[x]}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
