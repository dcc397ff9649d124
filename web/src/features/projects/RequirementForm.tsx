/** Propose a requirement of either party, or change one; changing an agreed one makes a change request. */
import { NativeSelect, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { REQUIREMENT_PARTIES } from '@common/enums';
import { RequirementCreateSchema, RequirementUpdateSchema, type Requirement } from '@common/schemas/plan';
import { api } from '../../api/client';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { usePlanRefresh } from './plan-api';

interface Values {
  party: Requirement['party'];
  text: string;
  /** Why it changed; kept with the previous text in the history. */
  note: string;
}

interface Props {
  projectId: string;
  requirement?: Requirement;
  onDone?: () => void;
  onCancel?: () => void;
  onReload?: () => Promise<unknown>;
}

export function RequirementForm({ projectId, requirement, onDone, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const refresh = usePlanRefresh();
  const form = useForm<Values>({
    initialValues: { party: requirement?.party ?? 'client', text: requirement?.text ?? '', note: '' },
    validate: validateWith(requirement ? RequirementUpdateSchema : RequirementCreateSchema, (v: Values) => ({
      payload: requirement ? { text: v.text, note: v.note } : { projectId, party: v.party, text: v.text },
    })),
  });
  const [submit, state] = useSubmit(form, async (v: Values) => {
    if (requirement) {
      await api.patch<Requirement>(`/requirements/${requirement.id}`, { text: v.text, note: v.note || null }, requirement.version);
    } else {
      await api.post<Requirement>('/requirements', { projectId, party: v.party, text: v.text });
      form.reset();
    }
    await refresh(projectId, 'requirements');
    onDone?.();
  });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t(requirement ? 'requirements.edit' : 'requirements.add')}>
      <Stack gap="sm">
        <FormAlerts state={state} onReload={onReload} />
        {!requirement && (
          <NativeSelect
            label={t('requirements.party')}
            data={REQUIREMENT_PARTIES.map((p) => ({ value: p, label: t(`party.${p}`) }))}
            {...form.getInputProps('party')}
          />
        )}
        <Textarea label={t('requirements.text')} required autosize minRows={2} {...form.getInputProps('text')} />
        {requirement && (
          <Textarea
            label={t('requirements.changeNote')}
            // The reason is not an internal remark: the client reads it with the change.
            description={
              requirement.status === 'agreed'
                ? `${t('requirements.changeAgreedHint')} ${t('requirements.changeNoteHint')}`
                : t('requirements.changeNoteHint')
            }
            autosize
            minRows={1}
            {...form.getInputProps('note')}
          />
        )}
        <InlineActions
          submitting={state.submitting}
          submitLabel={requirement ? t('common.save') : t('requirements.add')}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
