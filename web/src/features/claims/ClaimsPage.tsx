/** Every claim the user can see, filtered by status, severity, category, missed deadlines and text. */
import { Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CLAIM_SEVERITIES, CLAIM_STATUSES } from '@common/enums';
import { FilterSelect } from '../../components/FilterSelect';
import { ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { ExportMenu } from '../../components/ExportMenu';
import { SearchInput } from '../../components/SearchInput';
import { claimSettingsQuery, useClaims, useNameOf } from './api';
import { ClaimsTable } from './ClaimsTable';

const route = getRouteApi('/app/claims');
const pick = <T extends string>(values: readonly T[], v: string | undefined) => values.find((x) => x === v);

export function ClaimsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/claims' });
  const settings = useQuery(claimSettingsQuery);
  const nameOf = useNameOf();
  const status = pick(CLAIM_STATUSES, search.status);
  const severity = pick(CLAIM_SEVERITIES, search.severity);
  const breached = pick(['true', 'false'] as const, search.breached);
  const list = useClaims({ status, severity, breached, category: search.category, q: search.q });
  const set = (changes: Record<string, string | undefined>) =>
    void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });

  return (
    <Stack gap="md">
      <PageHeader title={t('claims.title')}>
        <ExportMenu path="/claims" query={{ status, severity, breached, category: search.category, q: search.q }} />
      </PageHeader>
      <Group align="end" gap="md">
        <SearchInput label={t('claims.search')} value={search.q ?? ''} onSearch={(q) => set({ q })} />
        <FilterSelect
          label={t('claims.fields.status')}
          value={status}
          onChange={(value) => set({ status: value })}
          options={CLAIM_STATUSES.map((s) => ({ value: s, label: t(`claims.status.${s}`) }))}
        />
        <FilterSelect
          label={t('claims.fields.severity')}
          value={severity}
          onChange={(value) => set({ severity: value })}
          options={CLAIM_SEVERITIES.map((s) => ({ value: s, label: t(`claims.severity.${s}`) }))}
        />
        <FilterSelect
          label={t('claims.fields.category')}
          value={search.category}
          onChange={(value) => set({ category: value })}
          options={(settings.data?.categories ?? []).map((c) => ({ value: c.key, label: nameOf(settings.data?.categories, c.key) }))}
        />
        <FilterSelect
          label={t('claims.deadlines')}
          value={breached}
          onChange={(value) => set({ breached: value })}
          options={[
            { value: 'true', label: t('claims.breachedOnly') },
            { value: 'false', label: t('claims.onTimeOnly') },
          ]}
        />
      </Group>
      <ListBody list={list} empty={<Text c="dimmed">{t('claims.none')}</Text>}>
        <ClaimsTable claims={list.items} />
      </ListBody>
    </Stack>
  );
}
