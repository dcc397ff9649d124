/** Opening a corrective action: on a claim (from the claim's page) or for a root cause chosen from the configured list. */
import { useState } from 'react';
import { NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { fieldErrorText } from '../../lib/problems';
import { notify } from '../../lib/notify';
import { useMe } from '../auth/session';
import { claimSettingsQuery, useNameOf } from '../claims/api';
import { useCreateAction } from './api';
import { emptyPlan, missingOf, PlanFields, type Plan, type PlanErrors } from './PlanFields';

interface Props {
  /** The claim it is for; without one, the dialog asks for a root cause. */
  claimId?: string;
  opened: boolean;
  onClose: () => void;
}

export function NewActionDialog({ claimId, opened, onClose }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const settings = useQuery({ ...claimSettingsQuery, enabled: !claimId });
  const nameOf = useNameOf();
  const navigate = useNavigate();
  const create = useCreateAction();
  const [plan, setPlan] = useState<Plan>(emptyPlan(me.user.id));
  const [rootCause, setRootCause] = useState('');
  const [errors, setErrors] = useState<PlanErrors & { rootCause?: string; claimId?: string }>({});

  const submit = async () => {
    const missing = missingOf(plan, t);
    if (Object.keys(missing).length) {
      setErrors(missing);
      return false;
    }
    const cause = rootCause || settings.data?.rootCauses[0]?.key;
    try {
      const action = await create.mutateAsync(claimId ? { ...plan, claimId } : { ...plan, rootCause: cause });
      notify({ message: t('correctiveActions.created'), color: 'green' });
      void navigate({ to: '/corrective-actions/$actionId', params: { actionId: action.id } });
    } catch (e) {
      if (!(e instanceof ApiError) || e.fieldErrors.length === 0) throw e;
      setErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, fieldErrorText(f)])));
      return false;
    }
  };

  return (
    <FormDialog
      title={claimId ? t('correctiveActions.new') : t('correctiveActions.newForRootCause')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('correctiveActions.create')}
      onSubmit={submit}
    >
      <Text size="sm" c="dimmed">
        {t('correctiveActions.newHint')}
      </Text>
      {!claimId && (
        <NativeSelect
          label={t('correctiveActions.fields.rootCause')}
          value={rootCause || settings.data?.rootCauses[0]?.key || ''}
          error={errors.rootCause}
          onChange={(e) => setRootCause(e.currentTarget.value)}
          data={(settings.data?.rootCauses ?? []).map((r) => ({ value: r.key, label: nameOf(settings.data?.rootCauses, r.key) }))}
        />
      )}
      {errors.claimId && (
        <Text size="sm" c="red" role="alert">
          {errors.claimId}
        </Text>
      )}
      <PlanFields plan={plan} errors={errors} onChange={setPlan} />
    </FormDialog>
  );
}
