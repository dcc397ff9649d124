/** Create or edit a contact of an account. */
import { useMemo } from 'react';
import { Checkbox, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DECISION_ROLES, LANGUAGES, type DecisionRole, type Language } from '@common/enums';
import { ContactCreateSchema, ContactUpdateSchema, type Contact, type ContactCreate } from '@common/schemas/contact';
import { api } from '../../api/client';
import { FormActions } from '../../components/FormActions';
import { FormAlerts } from '../../components/FormAlerts';
import { changedFields, emptyToNull, validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { AccountPicker } from '../accounts/AccountPicker';

interface ContactFormValues {
  accountId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  position: string;
  decisionRole: DecisionRole | '';
  portalAccess: boolean;
  receivesReports: boolean;
  /** Empty: the client's language. */
  language: Language | '';
}

function toValues(contact: Contact | undefined, accountId: string | undefined): ContactFormValues {
  return {
    accountId: contact?.accountId ?? accountId ?? '',
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    position: contact?.position ?? '',
    decisionRole: contact?.decisionRole ?? '',
    portalAccess: contact?.portalAccess ?? false,
    receivesReports: contact?.receivesReports ?? false,
    language: contact?.language ?? '',
  };
}

function toPayload(v: ContactFormValues): ContactCreate {
  return {
    accountId: v.accountId,
    firstName: v.firstName,
    lastName: emptyToNull(v.lastName),
    email: emptyToNull(v.email),
    phone: emptyToNull(v.phone),
    position: emptyToNull(v.position),
    decisionRole: v.decisionRole || null,
    portalAccess: v.portalAccess,
    receivesReports: v.receivesReports,
    language: v.language || null,
  };
}

interface Props {
  contact?: Contact;
  /** The account a new contact belongs to, when the user came from its page. */
  accountId?: string;
  onSaved: (contact: Contact) => void;
  onReload?: () => Promise<unknown>;
}

export function ContactForm({ contact, accountId, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const initial = useMemo(() => toValues(contact, accountId), [contact, accountId]);
  const form = useForm<ContactFormValues>({
    initialValues: initial,
    validate: validateWith(contact ? ContactUpdateSchema : ContactCreateSchema, (v: ContactFormValues) => ({
      payload: toPayload(v),
      // The schema's own message for an empty id is technical; say what to do instead.
      errors: v.accountId ? undefined : { accountId: t('contacts.accountRequired') },
    })),
  });

  const [submit, state] = useSubmit(form, async (values: ContactFormValues) => {
    const payload = toPayload(values);
    if (!contact) return onSaved(await api.post<Contact>('/contacts', payload));
    // A contact stays with its account; only the other fields are editable.
    const { accountId: _, ...changes } = changedFields(payload, toPayload(initial));
    onSaved(await api.patch<Contact>(`/contacts/${contact.id}`, changes, contact.version));
  });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <FormAlerts state={state} onReload={onReload} />
        {!contact && (
          <AccountPicker
            required
            value={form.values.accountId}
            onChange={(id) => form.setFieldValue('accountId', id)}
            error={form.errors.accountId as string | undefined}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.firstName')} required {...form.getInputProps('firstName')} />
          <TextInput label={t('fields.lastName')} {...form.getInputProps('lastName')} />
          <TextInput label={t('fields.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('fields.phone')} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('fields.position')} {...form.getInputProps('position')} />
          <NativeSelect
            label={t('fields.decisionRole')}
            data={[{ value: '', label: t('common.none') }, ...DECISION_ROLES.map((r) => ({ value: r, label: t(`decisionRole.${r}`) }))]}
            {...form.getInputProps('decisionRole')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('fields.portalAccess')}
          description={t('contacts.portalAccessHint')}
          {...form.getInputProps('portalAccess', { type: 'checkbox' })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Checkbox label={t('contactReports.receivesReports')} {...form.getInputProps('receivesReports', { type: 'checkbox' })} />
          <NativeSelect
            label={t('contactReports.language')}
            data={[
              { value: '', label: t('contactReports.accountLanguage') },
              ...LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) })),
            ]}
            {...form.getInputProps('language')}
          />
        </SimpleGrid>
        <FormActions submitting={state.submitting} />
      </Stack>
    </form>
  );
}
