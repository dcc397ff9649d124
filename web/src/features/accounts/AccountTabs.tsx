/**
 * The rest of an account page, one tab at a time: timeline, requests, next steps, deals, claims, surveys, loyalty, health, contacts, projects,
 * billing, documents, details. The tab (and the timeline's kind of entry) live in the URL, so a link opens
 * the same view and Back returns to the previous tab. Tabs the user may not see are not there.
 */
import { Group, Stack, Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMELINE_CATEGORIES, type TimelineCategory } from '@common/enums';
import type { Account } from '@common/schemas/account';
import { ExportMenu } from '../../components/ExportMenu';
import { InlineLoader } from '../../components/RouteStates';
import { lazyNamed } from '../../lib/lazy-named';
import { useMe } from '../auth/session';
import { AccountDropboxAddress } from '../dropbox/DropboxAddress';
import { AccountTimeline } from '../timeline/Timeline';
import { TimelineKindFilter } from '../timeline/TimelineKindFilter';

// The page opens on the timeline; every other tab's code loads when it is opened (or pointed at),
// so the first visit does not wait for forms and tables it may never show.
const AccountRequests = lazyNamed(() => import('../messages/AccountRequests'), 'AccountRequests');
const AccountNextSteps = lazyNamed(() => import('../next-steps/AccountNextSteps'), 'AccountNextSteps');
const AccountDeals = lazyNamed(() => import('../deals/AccountDeals'), 'AccountDeals');
const AccountClaims = lazyNamed(() => import('../claims/AccountClaims'), 'AccountClaims');
const AccountSurveys = lazyNamed(() => import('../surveys/AccountSurveys'), 'AccountSurveys');
const AccountLoyalty = lazyNamed(() => import('../loyalty/AccountLoyalty'), 'AccountLoyalty');
const AccountHealth = lazyNamed(() => import('../health/AccountHealth'), 'AccountHealth');
const AccountContacts = lazyNamed(() => import('./AccountContacts'), 'AccountContacts');
const AccountProjects = lazyNamed(() => import('../projects/AccountProjects'), 'AccountProjects');
const AccountBilling = lazyNamed(() => import('../billing/AccountBilling'), 'AccountBilling');
const ActChain = lazyNamed(() => import('../acts/ActChain'), 'ActChain');
const RecordDocuments = lazyNamed(() => import('../documents/RecordDocuments'), 'RecordDocuments');
const AccountDetails = lazyNamed(() => import('./AccountDetails'), 'AccountDetails');

const PANEL_CODE: Partial<Record<AccountTab, () => void>> = {
  requests: AccountRequests.preload,
  'next-steps': AccountNextSteps.preload,
  deals: AccountDeals.preload,
  claims: AccountClaims.preload,
  surveys: AccountSurveys.preload,
  loyalty: AccountLoyalty.preload,
  health: AccountHealth.preload,
  contacts: AccountContacts.preload,
  projects: AccountProjects.preload,
  billing: AccountBilling.preload,
  documents: () => {
    ActChain.preload();
    RecordDocuments.preload();
  },
  details: AccountDetails.preload,
};

const route = getRouteApi('/app/accounts/$accountId');

export const ACCOUNT_TABS = [
  'timeline',
  'requests',
  'next-steps',
  'deals',
  'claims',
  'surveys',
  'loyalty',
  'health',
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
          <AccountDropboxAddress accountId={account.id} />
          <Group justify="space-between" align="flex-start" gap="sm">
            <TimelineKindFilter value={kind} onChange={setKind} />
            <ExportMenu path="/interactions" query={{ accountId: account.id }} label={t('exports.interactions')} />
          </Group>
          <AccountTimeline accountId={account.id} kind={kind} />
        </Stack>
      ),
      'next-steps': <AccountNextSteps accountId={account.id} />,
      deals: <AccountDeals account={account} />,
      claims: <AccountClaims account={account} />,
      surveys: <AccountSurveys account={account} />,
      loyalty: <AccountLoyalty account={account} />,
      health: <AccountHealth account={account} />,
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
          <Tabs.Tab key={x} value={x} onPointerEnter={PANEL_CODE[x]} onFocus={PANEL_CODE[x]}>
            {t(`accountPage.tabs.${x}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((x) => (
        <Tabs.Panel key={x} value={x} pt="md">
          <Suspense fallback={<InlineLoader />}>{panels[x]}</Suspense>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
