/** The inputs of a deal: what, how much, where it stands, when it should close, and its next step. */
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DEAL_OPEN_STAGES, DEAL_OWNER_ROLES } from '@common/enums';
import { UserPicker } from '../users/UserPicker';
import { useDealNames } from './api';
import type { DealValues } from './deal-form';

interface Props<V> {
  form: UseFormReturnType<V>;
  /** The form's path to the deal's values ('' when the whole form is the deal). */
  prefix?: string;
  /** Whether the stage is chosen here (a new deal) or moved on its own (an existing one). */
  withStage: boolean;
  /** Whether the owner is chosen here. */
  withOwner?: boolean;
}

export function DealFields<V>({ form, prefix = '', withStage, withOwner = true }: Props<V>) {
  const { t } = useTranslation();
  const names = useDealNames();
  const field = (name: keyof DealValues) => form.getInputProps(`${prefix}${name}`);
  return (
    <>
      <TextInput label={t('deals.fields.title')} required {...field('title')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('deals.fields.amount')} inputMode="decimal" required {...field('amount')} />
        <TextInput label={t('deals.fields.currency')} required maxLength={3} {...field('currency')} />
        <TextInput
          label={t('deals.fields.probability')}
          description={t('deals.fields.probabilityHint')}
          inputMode="numeric"
          {...field('probability')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {withStage && (
          <NativeSelect
            label={t('deals.fields.stage')}
            data={DEAL_OPEN_STAGES.map((s) => ({ value: s, label: names.stage(s) }))}
            {...field('stage')}
          />
        )}
        <TextInput type="date" label={t('deals.fields.expectedClose')} required {...field('expectedCloseDate')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('deals.fields.dealNextStep')} required {...field('nextStep')} />
        <TextInput type="date" label={t('deals.fields.dealNextStepDue')} required {...field('nextStepDue')} />
      </SimpleGrid>
      {withOwner && (
        <UserPicker
          label={t('deals.fields.owner')}
          roles={DEAL_OWNER_ROLES}
          clearable
          description={t('deals.fields.ownerHint')}
          {...field('ownerId')}
        />
      )}
    </>
  );
}
