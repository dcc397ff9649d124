/** What every corrective action is planned with: what will change, who sees to it, when it is due and when it is checked. */
import { Group, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../users/UserPicker';

export interface Plan {
  what: string;
  ownerId: string;
  dueOn: string;
  checkOn: string;
}
export type PlanErrors = Partial<Record<keyof Plan, string>>;

export const emptyPlan = (ownerId = ''): Plan => ({ what: '', ownerId, dueOn: '', checkOn: '' });

/** What is missing from a plan, in the user's words; empty when it can be sent. */
export function missingOf(plan: Plan, t: (key: string) => string): PlanErrors {
  const errors: PlanErrors = {};
  if (!plan.what.trim()) errors.what = t('correctiveActions.whatMissing');
  if (!plan.ownerId) errors.ownerId = t('correctiveActions.ownerMissing');
  if (!plan.dueOn) errors.dueOn = t('correctiveActions.datesMissing');
  if (!plan.checkOn) errors.checkOn = t('correctiveActions.datesMissing');
  return errors;
}

export function PlanFields({ plan, errors, onChange }: { plan: Plan; errors: PlanErrors; onChange: (plan: Plan) => void }) {
  const { t } = useTranslation();
  const set = (changes: Partial<Plan>) => onChange({ ...plan, ...changes });
  return (
    <>
      <Textarea
        label={t('correctiveActions.fields.what')}
        required
        autosize
        minRows={3}
        value={plan.what}
        error={errors.what}
        onChange={(e) => set({ what: e.currentTarget.value })}
      />
      <UserPicker
        label={t('correctiveActions.fields.owner')}
        roles={['admin', 'account_manager']}
        required
        value={plan.ownerId}
        error={errors.ownerId}
        onChange={(ownerId) => set({ ownerId })}
      />
      <Group grow>
        <TextInput
          type="date"
          label={t('correctiveActions.fields.dueOn')}
          required
          value={plan.dueOn}
          error={errors.dueOn}
          onChange={(e) => set({ dueOn: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('correctiveActions.fields.checkOn')}
          required
          value={plan.checkOn}
          error={errors.checkOn}
          onChange={(e) => set({ checkOn: e.currentTarget.value })}
        />
      </Group>
    </>
  );
}
