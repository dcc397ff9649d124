/** Admin: change a specialist's weekly capacity. */
import { Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { UserUpdateSchema, type User } from '@common/schemas/user';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { useUpdateUser } from './api';
import { CapacityField, toCapacity } from './CapacityField';
import { UserEditDialog, type UserFormProps } from './UserEditDialog';

interface Values {
  capacityHoursPerWeek: number | string;
}

function CapacityForm({ user, onReload, onDone }: UserFormProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const form = useForm<Values>({
    initialValues: { capacityHoursPerWeek: user.capacityHoursPerWeek },
    validate: validateWith(UserUpdateSchema, (v: Values) => ({ payload: { capacityHoursPerWeek: toCapacity(v.capacityHoursPerWeek) } })),
  });
  const [submit, state] = useSubmit(form, async (v: Values) => {
    const saved = await update.mutateAsync({ user, changes: { capacityHoursPerWeek: toCapacity(v.capacityHoursPerWeek) } });
    notify({ color: 'green', message: t('people.capacity.saved', { name: saved.name, hours: saved.capacityHoursPerWeek }) });
    onDone();
  });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <FormAlerts state={state} onReload={onReload} />
        <CapacityField required data-autofocus {...form.getInputProps('capacityHoursPerWeek')} />
        <InlineActions submitting={state.submitting} submitLabel={t('common.save')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function CapacityDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  return <UserEditDialog user={user} onClose={onClose} title={(name) => t('people.capacity.title', { name })} form={CapacityForm} />;
}
