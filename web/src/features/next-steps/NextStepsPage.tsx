/** The promises made to clients: the user's own or all they can see, overdue first, and what was done. */
import { Group, SegmentedControl, Stack } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NEXT_STEP_STATES, type NextStepState } from '@common/enums';
import { FilterSelect } from '../../components/FilterSelect';
import { nextStepsAdvice } from '../../components/empty-advice';
import { AdvisedEmptyState, ListBody } from '../../components/ListStates';
import { useMe } from '../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useNextSteps } from './api';
import { NextStepsTable } from './NextStepsTable';

const route = getRouteApi('/app/next-steps');

export function NextStepsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/next-steps' });
  const whose = search.whose === 'all' ? 'all' : 'mine';
  const state = NEXT_STEP_STATES.find((s) => s === search.state);
  const list = useNextSteps({ owner: whose === 'mine' ? 'me' : undefined, state });
  const set = (changes: { whose?: string; state?: string }) =>
    void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });

  return (
    <Stack gap="md">
      <PageHeader title={t('nextSteps.title')} />
      <Group align="end" gap="md">
        <SegmentedControl
          aria-label={t('nextSteps.whose')}
          value={whose}
          onChange={(value) => set({ whose: value === 'all' ? 'all' : undefined })}
          data={[
            { value: 'mine', label: t('nextSteps.mine') },
            { value: 'all', label: t('nextSteps.allVisible') },
          ]}
        />
        <FilterSelect
          label={t('fields.status')}
          value={state}
          anyLabel={t('nextSteps.notDone')}
          onChange={(value) => set({ state: value })}
          options={NEXT_STEP_STATES.map((s: NextStepState) => ({ value: s, label: t(`nextSteps.filter.${s}`) }))}
        />
      </Group>
      <ListBody list={list} empty={<AdvisedEmptyState advice={nextStepsAdvice(me.can, state === 'done')} />}>
        <NextStepsTable steps={list.items} />
      </ListBody>
    </Stack>
  );
}
