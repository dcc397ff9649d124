/**
 * Every deal the user can see, as a pipeline board or a list: their own by default if they
 * manage accounts (an admin may pick any manager), in an expected close period; the list also
 * by state and stage, sorted by its column headers, and downloadable as CSV. All of it is in the URL.
 */
import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DEAL_OWNER_ROLES, DEAL_SORTS, DEAL_STAGES, DEAL_STATES } from '@common/enums';
import { FilterSelect } from '../../components/FilterSelect';
import { ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { ExportMenu } from '../../components/ExportMenu';
import { useMe } from '../auth/session';
import { UserFilter } from '../users/UserPicker';
import { useDealNames, useDeals } from './api';
import { DealBoard } from './DealBoard';
import { DealsTable } from './DealsTable';

const route = getRouteApi('/app/deals');
const pick = <T extends string>(values: readonly T[], v: string | undefined) => values.find((x) => x === v);

export function DealsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const names = useDealNames();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/deals' });
  const view = search.view === 'board' ? 'board' : 'list';
  // Managers start with their own deals; admins and finance with all they see, and admins may pick a manager.
  const defaultWhose = me.user.role === 'account_manager' ? 'mine' : 'all';
  const whose = search.whose === 'all' || search.whose === 'mine' ? search.whose : defaultWhose;
  const picksOwner = me.user.role === 'admin';
  const owner = (picksOwner ? search.owner : undefined) ?? (whose === 'mine' ? 'me' : undefined);
  const state = pick(DEAL_STATES, search.state);
  const stage = pick(DEAL_STAGES, search.stage);
  const sort = pick(DEAL_SORTS, search.sort) ?? 'close';
  const filter = { owner, state, stage, sort, closeFrom: search.from, closeTo: search.to };
  const list = useDeals(filter, 50, view === 'list');
  const set = (changes: Record<string, string | undefined>) =>
    void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });

  return (
    <Stack gap="md">
      <PageHeader title={t('deals.title')}>
        <SegmentedControl
          aria-label={t('deals.view.label')}
          value={view}
          onChange={(value) => set({ view: value === 'list' ? undefined : value })}
          data={[
            { value: 'board', label: t('deals.view.board') },
            { value: 'list', label: t('deals.view.list') },
          ]}
        />
        {view === 'list' && <ExportMenu path="/deals" query={filter} />}
      </PageHeader>
      <Group align="end" gap="md" role="search">
        {picksOwner && search.owner ? null : (
          <SegmentedControl
            aria-label={t('deals.whose')}
            value={whose}
            onChange={(value) => set({ whose: value === defaultWhose ? undefined : value })}
            data={[
              { value: 'mine', label: t('deals.mine') },
              { value: 'all', label: t('deals.all') },
            ]}
          />
        )}
        {picksOwner && (
          <UserFilter
            label={t('deals.ownerFilter')}
            anyLabel={t('deals.anyOwner')}
            roles={DEAL_OWNER_ROLES}
            value={search.owner}
            onChange={(id) => set({ owner: id })}
          />
        )}
        {view === 'list' && (
          <>
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
          </>
        )}
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
      </Group>
      {view === 'board' ? (
        <DealBoard owner={owner} from={search.from} to={search.to} />
      ) : (
        <ListBody list={list} empty={<Text c="dimmed">{t('deals.none')}</Text>}>
          <DealsTable deals={list.items} sort={sort} onSort={(s) => set({ sort: s === 'close' ? undefined : s })} />
        </ListBody>
      )}
    </Stack>
  );
}
