/** Every deal the user can see: their own by default if they manage accounts, filtered by state, stage and close period, in the chosen order. */
import { Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DEAL_SORTS, DEAL_STAGES, DEAL_STATES } from '@common/enums';
import { FilterSelect } from '../../components/FilterSelect';
import { ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../auth/session';
import { useDealNames, useDeals } from './api';
import { DealsTable } from './DealsTable';

const route = getRouteApi('/app/deals');
const pick = <T extends string>(values: readonly T[], v: string | undefined) => values.find((x) => x === v);

export function DealsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const names = useDealNames();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/deals' });
  // Managers start with their own deals; admins and finance with all they see.
  const defaultWhose = me.user.role === 'account_manager' ? 'mine' : 'all';
  const whose = search.whose === 'all' || search.whose === 'mine' ? search.whose : defaultWhose;
  const state = pick(DEAL_STATES, search.state);
  const stage = pick(DEAL_STAGES, search.stage);
  const sort = pick(DEAL_SORTS, search.sort) ?? 'close';
  const list = useDeals({ owner: whose === 'mine' ? 'me' : undefined, state, stage, sort, closeFrom: search.from, closeTo: search.to });
  const set = (changes: Record<string, string | undefined>) =>
    void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });

  return (
    <Stack gap="md">
      <PageHeader title={t('deals.title')} />
      <Group align="end" gap="md">
        <SegmentedControl
          aria-label={t('deals.whose')}
          value={whose}
          onChange={(value) => set({ whose: value === defaultWhose ? undefined : value })}
          data={[
            { value: 'mine', label: t('deals.mine') },
            { value: 'all', label: t('deals.all') },
          ]}
        />
        <FilterSelect
          label={t('fields.status')}
          value={state}
          anyLabel={t('deals.anyState')}
          onChange={(value) => set({ state: value })}
          options={DEAL_STATES.map((s) => ({ value: s, label: t(`deals.state.${s}`) }))}
        />
        <FilterSelect
          label={t('deals.fields.stage')}
          value={stage}
          onChange={(value) => set({ stage: value })}
          options={DEAL_STAGES.map((s) => ({ value: s, label: names.stage(s) }))}
        />
        <TextInput
          type="date"
          label={t('deals.closeFrom')}
          value={search.from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('deals.closeTo')}
          value={search.to ?? ''}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
        />
        <NativeSelect
          label={t('deals.sortLabel')}
          value={sort}
          onChange={(e) => set({ sort: e.currentTarget.value === 'close' ? undefined : e.currentTarget.value })}
          data={DEAL_SORTS.map((s) => ({ value: s, label: t(`deals.sort.${s}`) }))}
        />
      </Group>
      <ListBody list={list} empty={<Text c="dimmed">{t('deals.none')}</Text>}>
        <DealsTable deals={list.items} />
      </ListBody>
    </Stack>
  );
}
