/**
 * Admin: change a specialist's weekly capacity. Saved against the version shown; when someone
 * changed the user meanwhile, the dialog offers to load them as they are now.
 */
import { Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserUpdateSchema, type User } from '@common/schemas/user';
import { api } from '../../api/client';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { useUpdateUser } from './api';
import { CapacityField, toCapacity } from './CapacityField';

interface Values {
  capacityHoursPerWeek: number | string;
}

function CapacityForm({ user, onReload, onDone }: { user: User; onReload: () => Promise<unknown>; onDone: () => void }) {
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
  // The user as last loaded: a reload after a collision replaces the one the list showed.
  const [fresh, setFresh] = useState<User | null>(null);
  const shown = fresh && fresh.id === user?.id ? fresh : user;
  // The dialog keeps its name while it fades out after closing.
  const named = useRef(shown);
  if (shown) named.current = shown;
  const close = () => {
    setFresh(null);
    onClose();
  };
  return (
    <Modal
      opened={shown !== null}
      onClose={close}
      title={t('people.capacity.title', { name: named.current?.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {shown && (
        // Keyed by version: after a reload the form starts from the newer record and saves against it.
        <CapacityForm
          key={shown.version}
          user={shown}
          onReload={async () => setFresh(await api.get<User>(`/users/${shown.id}`))}
          onDone={close}
        />
      )}
    </Modal>
  );
}
