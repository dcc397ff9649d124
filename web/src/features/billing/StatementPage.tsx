/** An account's statement for a period: opening balance, every invoice and payment, closing balance. */
import { Anchor, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { csvUrl, statementQuery } from './api';
import { StatementEntries, StatementSummary } from './StatementParts';

const route = getRouteApi('/app/accounts/$accountId/statement');

export function StatementPage() {
  const { t } = useTranslation();
  const { accountId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(statementQuery(accountId, { from: search.from, to: search.to }));
  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <RecordGate query={query}>
      {(s) => {
        return (
          <>
            <PageHeader title={t('statement.title', { name: s.accountName })}>
              <Anchor href={csvUrl(`/accounts/${accountId}/statement.csv`, { from: s.from, to: s.to })} download>
                {t('statement.csv')}
              </Anchor>
            </PageHeader>
            <Group align="flex-end" mb="md" role="search">
              <TextInput
                type="date"
                label={t('statement.from')}
                value={s.from}
                onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })}
              />
              <TextInput
                type="date"
                label={t('statement.to')}
                value={s.to}
                onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })}
              />
              <AnchorLink to="/accounts/$accountId" params={{ accountId }}>
                {t('statement.backToAccount')}
              </AnchorLink>
            </Group>
            <SimpleGrid cols={1} mb="md">
              <Section title={t('statement.summary')}>
                <StatementSummary statement={s} />
              </Section>
            </SimpleGrid>
            <StatementEntries
              statement={s}
              reference={(e) => (
                <AnchorLink to="/invoices/$invoiceId" params={{ invoiceId: e.invoiceId }}>
                  {e.reference ?? '—'}
                </AnchorLink>
              )}
            />
          </>
        );
      }}
    </RecordGate>
  );
}
