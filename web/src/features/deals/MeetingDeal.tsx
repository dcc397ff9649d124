/**
 * The deal part of the "log a meeting" form: none, a new deal opened with the meeting, or an open
 * deal of the account advanced by it (a new stage if it moved, and always its next next step).
 * Both are saved in the meeting's own request, so there is never half of it.
 */
import { NativeSelect, Radio, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DEAL_OPEN_STAGES, type DealStage } from '@common/enums';
import { useDealNames, useDeals } from './api';
import { DealFields } from './DealFields';
import type { DealValues } from './deal-form';

export const DEAL_MODES = ['none', 'create', 'advance'] as const;
export type DealMode = (typeof DEAL_MODES)[number];

export interface AdvanceValues {
  dealId: string;
  /** Empty: the deal stays in its stage. */
  stage: string;
  nextStep: string;
  nextStepDue: string;
}

export interface MeetingDealValues {
  dealMode: DealMode;
  createDeal: DealValues;
  advanceDeal: AdvanceValues;
}

export const NO_ADVANCE: AdvanceValues = { dealId: '', stage: '', nextStep: '', nextStepDue: '' };

/** The request's deal part for what the form says. */
export function advancePayload(v: AdvanceValues) {
  return { dealId: v.dealId, stage: (v.stage || undefined) as DealStage | undefined, nextStep: v.nextStep, nextStepDue: v.nextStepDue };
}

export function MeetingDeal<V extends MeetingDealValues>({ form, accountId }: { form: UseFormReturnType<V>; accountId: string }) {
  const { t } = useTranslation();
  const names = useDealNames();
  const mode = form.values.dealMode;
  const open = useDeals({ accountId, state: 'open', sort: 'next_step' }, 100, mode === 'advance');
  const chosen = open.items.find((d) => d.id === form.values.advanceDeal.dealId);
  return (
    <Stack gap="sm">
      <Radio.Group label={t('deals.meeting.legend')} {...form.getInputProps('dealMode')}>
        <Group gap="md" mt={4}>
          {DEAL_MODES.map((m) => (
            <Radio key={m} value={m} label={t(`deals.meeting.${m}`)} />
          ))}
        </Group>
      </Radio.Group>
      {mode === 'create' && <DealFields form={form} prefix="createDeal." withStage withOwner={false} />}
      {mode === 'advance' &&
        (open.isSuccess && open.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('deals.meeting.noOpenDeals')}
          </Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('deals.meeting.pick')}
                required
                data={[
                  { value: '', label: '—' },
                  ...open.items.map((d) => ({ value: d.id, label: `${d.title} · ${names.stage(d.stage)}` })),
                ]}
                {...form.getInputProps('advanceDeal.dealId')}
              />
              <NativeSelect
                label={t('deals.newStage')}
                data={[
                  { value: '', label: chosen ? names.stage(chosen.stage) : '—' },
                  ...DEAL_OPEN_STAGES.filter((s) => s !== chosen?.stage).map((s) => ({ value: s, label: names.stage(s) })),
                ]}
                {...form.getInputProps('advanceDeal.stage')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('deals.fields.dealNextStep')}
                description={t('deals.meeting.nextStepHint')}
                required
                {...form.getInputProps('advanceDeal.nextStep')}
              />
              <TextInput
                type="date"
                label={t('deals.fields.dealNextStepDue')}
                required
                {...form.getInputProps('advanceDeal.nextStepDue')}
              />
            </SimpleGrid>
          </>
        ))}
    </Stack>
  );
}
