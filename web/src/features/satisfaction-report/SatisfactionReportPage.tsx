/**
 * Cooperation analysis: NPS trend, CSAT, claims, late work and payments per account, and the
 * causes of dissatisfaction, for a period and an account or manager kept in the address. Every
 * bar and every count in the tables opens its records.
 */
import { useState } from 'react';
import { Group, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SatisfactionDrill, SatisfactionReport } from '@common/schemas/satisfaction-report';
import { EmptyState } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { AccountPicker } from '../accounts/AccountPicker';
import { useMe } from '../auth/session';
import { ManagerFilter } from '../delivery/ManagerFilter';
import { AccountsSection } from './AccountsSection';
import { satisfactionReportQuery } from './api';
import { CausesSection } from './CausesSection';
import { ClaimsSection } from './ClaimsSection';
import { CsatSection } from './CsatSection';
import { DrillContext } from './drill';
import { NpsSection } from './NpsSection';
import { RecordsDrawer } from './RecordsDrawer';

const route = getRouteApi('/app/satisfaction-report');

const isEmpty = (r: SatisfactionReport) => r.nps.total.responses + r.csat.total.responses + r.claims.total === 0 && r.accounts.length === 0;

export function SatisfactionReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filter = { from: search.from, to: search.to, owner: search.owner, account: search.account };
  const report = useQuery(satisfactionReportQuery(filter));
  const [drill, setDrill] = useState<{ drill: SatisfactionDrill; title: string } | null>(null);
  const set = (changes: Record<string, string | undefined>) =>
    void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });

  return (
    <DrillContext.Provider value={(d, title) => setDrill({ drill: d, title })}>
      <Stack gap="md">
        <PageHeader title={t('satisfaction.title')} />
        <Group align="end" gap="md" role="search">
          <TextInput
            type="month"
            label={t('satisfaction.from')}
            value={search.from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="month"
            label={t('satisfaction.to')}
            value={search.to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value || undefined })}
          />
          <AccountPicker value={search.account ?? ''} onChange={(account) => set({ account: account || undefined, owner: undefined })} />
          {/* A manager's analysis is of their own accounts; admins and finance choose whose. */}
          {me.user.role !== 'account_manager' && (
            <ManagerFilter
              value={search.owner}
              onChange={(owner) => set({ owner, account: undefined })}
              anyLabel={t('satisfaction.allManagers')}
            />
          )}
        </Group>
        <RecordGate query={report}>
          {(r) =>
            isEmpty(r) ? (
              <EmptyState title={t('satisfaction.emptyTitle')} body={t('satisfaction.emptyBody')} />
            ) : (
              <>
                <Section title={t('satisfaction.causes')}>
                  <CausesSection causes={r.causes} />
                </Section>
                <Section title={t('satisfaction.npsTrend')}>
                  <NpsSection nps={r.nps} />
                </Section>
                <Section title={t('satisfaction.csat')}>
                  <CsatSection csat={r.csat} />
                </Section>
                <Section title={t('satisfaction.claimsTitle')}>
                  <ClaimsSection claims={r.claims} />
                </Section>
                <Section title={t('satisfaction.signals')}>
                  <AccountsSection accounts={r.accounts} />
                </Section>
              </>
            )
          }
        </RecordGate>
      </Stack>
      <RecordsDrawer filter={filter} open={drill} onClose={() => setDrill(null)} />
    </DrillContext.Provider>
  );
}
