/** Admin: add a user with a role and a first password. */
import { notify } from '../../lib/notify';
import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NewPasswordField } from '../../components/NewPasswordField';
import { LANGUAGES, ROLES, type Language, type Role } from '@common/enums';
import { UserCreateSchema, type UserCreate } from '@common/schemas/user';
import { FormActions } from '../../components/FormActions';
import { FormAlerts } from '../../components/FormAlerts';
import { PageHeader } from '../../components/PageHeader';
import { validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { useMe } from '../auth/session';
import { ContactPicker } from '../contacts/ContactPicker';
import { useCreateUser } from './api';
import { CapacityField, toCapacity } from './CapacityField';

interface Values {
  email: string;
  name: string;
  role: Role;
  password: string;
  language: Language;
  /** Comma-separated, as people list skills. */
  specialties: string;
  contactId: string;
  capacityHoursPerWeek: number | string;
  phone: string;
}

function toPayload(v: Values): UserCreate {
  return {
    email: v.email,
    name: v.name,
    role: v.role,
    password: v.password,
    language: v.language,
    specialties:
      v.role === 'specialist'
        ? v.specialties
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    // Only a client user stands for a contact of a client company.
    contactId: v.role === 'client' ? v.contactId || null : undefined,
    // Only specialists take tasks, so only their hours are measured.
    capacityHoursPerWeek: v.role === 'specialist' ? toCapacity(v.capacityHoursPerWeek) : undefined,
    // A client's phone is on their contact.
    phone: v.role === 'client' ? undefined : v.phone,
  };
}

export function UserCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateUser();
  const form = useForm<Values>({
    initialValues: {
      email: '',
      name: '',
      role: 'account_manager',
      password: '',
      language: me.user.language,
      specialties: '',
      contactId: '',
      capacityHoursPerWeek: 40,
      phone: '',
    },
    validate: validateWith(UserCreateSchema, (v: Values) => ({
      payload: toPayload(v),
      errors: v.role === 'client' && !v.contactId ? { contactId: t('users.contactRequired') } : undefined,
    })),
  });
  const [submit, state] = useSubmit(form, async (values: Values) => {
    const user = await create.mutateAsync(toPayload(values));
    notify({ color: 'green', message: t('users.created', { name: user.name }) });
    await navigate({ to: '/users' });
  });

  return (
    <>
      <PageHeader title={t('users.new')} />
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack maw={720}>
          <FormAlerts state={state} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fields.personName')} required {...form.getInputProps('name')} />
            <TextInput label={t('fields.email')} type="email" required {...form.getInputProps('email')} />
            <NativeSelect
              label={t('fields.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              {...form.getInputProps('role')}
            />
            <NativeSelect
              label={t('fields.language')}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              {...form.getInputProps('language')}
            />
            {form.values.role !== 'client' && (
              <TextInput label={t('fields.phone')} description={t('people.phone.hint')} type="tel" {...form.getInputProps('phone')} />
            )}
          </SimpleGrid>
          <NewPasswordField input={form.getInputProps('password')} owner={{ email: form.values.email, name: form.values.name }} />
          {form.values.role === 'specialist' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('fields.specialties')} description={t('users.specialtiesHint')} {...form.getInputProps('specialties')} />
              <CapacityField {...form.getInputProps('capacityHoursPerWeek')} />
            </SimpleGrid>
          )}
          {form.values.role === 'client' && (
            <ContactPicker
              required
              value={form.values.contactId}
              onChange={(id) => form.setFieldValue('contactId', id)}
              error={form.errors.contactId as string | undefined}
            />
          )}
          <FormActions submitting={state.submitting} submitLabel={t('users.create')} />
        </Stack>
      </form>
    </>
  );
}
