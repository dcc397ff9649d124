/** Recording the check: did the action work? If not, the follow-up action is planned in the same form and opened with it. */
import { useState } from 'react';
import { Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CorrectiveActionResult } from '@common/enums';
import type { CorrectiveAction } from '@common/schemas/corrective-action';
import { ApiError } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { fieldErrorText } from '../../lib/problems';
import { notify } from '../../lib/notify';
import { useRecordCheck } from './api';
import { emptyPlan, missingOf, PlanFields, type Plan, type PlanErrors } from './PlanFields';

interface Props {
  action: CorrectiveAction;
  sameAccount: boolean;
  opened: boolean;
  onClose: () => void;
}

export function RecordCheckDialog({ action, sameAccount, opened, onClose }: Props) {
  const { t } = useTranslation();
  const record = useRecordCheck();
  const [result, setResult] = useState<CorrectiveActionResult | ''>('');
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState<Plan>(emptyPlan(action.ownerId));
  const [errors, setErrors] = useState<PlanErrors & { result?: string }>({});

  const submit = async () => {
    if (!result) {
      setErrors({ result: t('correctiveActions.check.resultMissing') });
      return false;
    }
    const missing = result === 'not_effective' ? missingOf(followUp, t) : {};
    if (Object.keys(missing).length) {
      setErrors(missing);
      return false;
    }
    try {
      const check = { result, note: note || null, sameAccount, ...(result === 'not_effective' && { followUp }) };
      await record.mutateAsync({ id: action.id, check });
    } catch (e) {
      if (!(e instanceof ApiError) || e.fieldErrors.length === 0) throw e;
      setErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field.replace(/^followUp\./, ''), fieldErrorText(f)])));
      return false;
    }
    notify({ message: t('correctiveActions.check.recorded'), color: 'green' });
  };

  return (
    <FormDialog
      title={t('correctiveActions.check.title')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('correctiveActions.check.record')}
      onSubmit={submit}
    >
      <Radio.Group
        label={t('correctiveActions.check.resultLabel')}
        required
        value={result}
        error={errors.result}
        onChange={(v) => setResult(v)}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="effective" label={t('correctiveActions.check.effective')} data-autofocus />
          <Radio value="not_effective" label={t('correctiveActions.check.notEffective')} />
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('correctiveActions.fields.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {result === 'not_effective' && (
        <>
          <Title order={3} size="h5">
            {t('correctiveActions.check.followUp')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('correctiveActions.check.followUpHint')}
          </Text>
          <PlanFields plan={followUp} errors={errors} onChange={setFollowUp} />
        </>
      )}
    </FormDialog>
  );
}
