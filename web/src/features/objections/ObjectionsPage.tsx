/** What clients object to: each category by how often it comes up and how the deals that met it ended, and its playbook. */
import { NativeSelect, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ObjectionCategoryStats } from '@common/schemas/objection';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { useMe } from '../auth/session';
import { useCategories, useCategoryStats } from './api';
import { CategoryPlaybook } from './CategoryPlaybook';

const route = getRouteApi('/app/objections');

function WinRate({ s }: { s: ObjectionCategoryStats }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (s.closedDeals === 0) return <Text c="dimmed">{t('objections.noClosed')}</Text>;
  const percent = `${formatNumber(Math.round((100 * s.wonDeals) / s.closedDeals), locale)}%`;
  return <>{t('objections.winRateValue', { won: s.wonDeals, closed: s.closedDeals, percent })}</>;
}

export function ObjectionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { name } = useCategories();
  const stats = useCategoryStats();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const chosen = search.category ?? stats.data?.items[0]?.category ?? null;
  const choose = (category: string) => void navigate({ search: { category }, replace: true });
  return (
    <Stack>
      <PageHeader title={t('objections.title')} />
      <Section title={t('objections.categories')}>
        <RecordGate query={stats}>
          {({ items }) => (
            <DataTable
              headers={[t('objections.fields.category'), t('objections.frequency'), t('objections.deals'), t('objections.winRate')]}
            >
              {items.map((s) => (
                <Table.Tr key={s.category} data-testid="objection-category">
                  <Table.Td>
                    <UnstyledButton
                      onClick={() => choose(s.category)}
                      aria-pressed={s.category === chosen}
                      fw={s.category === chosen ? 600 : 400}
                    >
                      {name(s.category)}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{s.objections}</Table.Td>
                  <Table.Td>{s.deals}</Table.Td>
                  <Table.Td>
                    <WinRate s={s} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </RecordGate>
      </Section>
      {chosen && (
        <Section title={`${t('objections.playbook')}: ${name(chosen)}`}>
          <Stack gap="sm">
            <NativeSelect
              label={t('objections.fields.category')}
              value={chosen}
              data={(stats.data?.items ?? []).map((s) => ({ value: s.category, label: name(s.category) }))}
              onChange={(e) => choose(e.currentTarget.value)}
            />
            <CategoryPlaybook category={chosen} canPin={me.can.manageSettings} />
          </Stack>
        </Section>
      )}
    </Stack>
  );
}
