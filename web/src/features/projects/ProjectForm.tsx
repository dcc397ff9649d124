/** Start a project for an account, or edit one; the shared Zod schemas validate before the server does. */
import { useMemo } from 'react';
import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ACT_BASES, REPORT_SCHEDULES, WORK_KINDS } from '@common/enums';
import { ProjectCreateSchema, ProjectUpdateSchema, type Project } from '@common/schemas/project';
import { api } from '../../api/client';
import { FormActions } from '../../components/FormActions';
import { FormAlerts } from '../../components/FormAlerts';
import { useLocale } from '../../i18n';
import { changedFields, validateWith, type Conversion } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { AccountPicker } from '../accounts/AccountPicker';
import { useCreditConfirm } from '../billing/CreditConfirm';
import { PROJECT_FIELD_RENAMES, projectToValues, valuesToProject, type ProjectCreate, type ProjectFormValues } from './project-form-values';

interface Props {
  /** The project as loaded for editing; absent when starting one. */
  project?: Project;
  /** The account a new project is for, when the user came from its page. */
  accountId?: string;
  onSaved: (project: Project) => void;
  onReload?: () => Promise<unknown>;
}

/** An edit sends neither the account nor the stage: a project stays with its account, and stages move on the project page. */
const editable = ({ accountId: _a, stage: _s, ...rest }: ProjectCreate) => rest;

export function ProjectForm({ project, accountId, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const initial = useMemo(() => projectToValues(project, accountId), [project, accountId]);
  const rename = PROJECT_FIELD_RENAMES;

  const convert = (v: ProjectFormValues): Conversion<unknown> => {
    const { payload, errors } = valuesToProject(v, locale);
    // The schema's message for an empty id is technical; say what to do instead.
    const accountMissing = !project && !v.accountId ? { accountId: t('projects.accountRequired') } : undefined;
    return { payload: project ? editable(payload) : payload, errors: { ...errors, ...accountMissing } };
  };
  const form = useForm<ProjectFormValues>({
    initialValues: initial,
    validate: validateWith(project ? ProjectUpdateSchema : ProjectCreateSchema, convert, rename),
  });

  const [confirmCredit, creditDialog] = useCreditConfirm(t('creditCheck.createAnyway'));

  const [submit, state] = useSubmit(
    form,
    async (values: ProjectFormValues) => {
      const { payload } = valuesToProject(values, locale);
      // A new project's budget is new work for the account: its credit warnings come first.
      if (!project && !(await confirmCredit(payload.accountId, payload.budgetMinor ?? 0))) return;
      const saved = project
        ? await api.patch<Project>(
            `/projects/${project.id}`,
            changedFields(editable(payload), editable(valuesToProject(initial, locale).payload)),
            project.version,
          )
        : await api.post<Project>('/projects', payload);
      onSaved(saved);
    },
    rename,
  );

  return (
    <>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <FormAlerts state={state} onReload={onReload} />
          {!project && (
            <AccountPicker
              required
              value={form.values.accountId}
              onChange={(id) => form.setFieldValue('accountId', id)}
              error={form.errors.accountId as string | undefined}
            />
          )}
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('project.kind')}
              description={t('projects.kindHint')}
              data={WORK_KINDS.map((k) => ({ value: k, label: t(`workKind.${k}`) }))}
              {...form.getInputProps('kind')}
            />
            {!project && (
              <NativeSelect
                label={t('project.stage')}
                data={(['brief', 'planning'] as const).map((s) => ({ value: s, label: t(`projectStage.${s}`) }))}
                {...form.getInputProps('stage')}
              />
            )}
            <TextInput type="date" label={t('project.startDate')} {...form.getInputProps('startDate')} />
            <TextInput type="date" label={t('project.dueDate')} {...form.getInputProps('dueDate')} />
            <TextInput label={t('project.budget')} inputMode="decimal" {...form.getInputProps('budget')} />
            <TextInput
              label={t('fields.currency')}
              description={t('projects.currencyHint')}
              maxLength={3}
              {...form.getInputProps('currency')}
            />
            <NativeSelect
              label={t('project.reportSchedule')}
              data={REPORT_SCHEDULES.map((s) => ({ value: s, label: t(`reportSchedule.${s}`) }))}
              {...form.getInputProps('reportSchedule')}
            />
            <NativeSelect
              label={t('project.actBasis')}
              description={t('projects.actBasisHint')}
              data={ACT_BASES.map((b) => ({ value: b, label: t(`actBasis.${b}`) }))}
              {...form.getInputProps('actBasis')}
            />
          </SimpleGrid>
          <FormActions submitting={state.submitting} />
        </Stack>
      </form>
      {creditDialog}
    </>
  );
}
