/** Admin: change a user's work phone, which the portal shows the clients they manage. */
import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { UserUpdateSchema, type User } from '@common/schemas/user';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { useUpdateUser } from './api';
import { UserEditDialog, type UserFormProps } from './UserEditDialog';

interface Values {
  phone: string;
}

function PhoneForm({ user, onReload, onDone }: UserFormProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const form = useForm<Values>({
    initialValues: { phone: user.phone ?? '' },
    validate: validateWith(UserUpdateSchema, (v: Values) => ({ payload: { phone: v.phone } })),
  });
  const [submit, state] = useSubmit(form, async (v: Values) => {
    const saved = await update.mutateAsync({ user, changes: { phone: v.phone } });
    notify({
      color: 'green',
      message: saved.phone
        ? t('people.phone.saved', { name: saved.name, phone: saved.phone })
        : t('people.phone.removed', { name: saved.name }),
    });
    onDone();
  });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <FormAlerts state={state} onReload={onReload} />
        <TextInput
          label={t('fields.phone')}
          description={t('people.phone.hint')}
          type="tel"
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('phone')}
        />
        <InlineActions submitting={state.submitting} submitLabel={t('common.save')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function PhoneDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  return <UserEditDialog user={user} onClose={onClose} title={(name) => t('people.phone.title', { name })} form={PhoneForm} />;
}
