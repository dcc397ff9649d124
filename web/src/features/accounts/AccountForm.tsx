/** Create or edit an account; the shared Zod schemas validate before the server does. */
import { useMemo } from 'react';
import { NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_OWNER_ROLES, ACCOUNT_STATUSES, LANGUAGES } from '@common/enums';
import { AccountCreateSchema, AccountUpdateSchema, type Account } from '@common/schemas/account';
import { api } from '../../api/client';
import { FormActions } from '../../components/FormActions';
import { FormAlerts } from '../../components/FormAlerts';
import { useLocale } from '../../i18n';
import { changedFields, validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { useMe } from '../auth/session';
import { UserPicker } from '../users/UserPicker';
import { ACCOUNT_FIELD_RENAMES, accountToValues, valuesToAccount, type AccountFormValues } from './account-form-values';

interface Props {
  /** The account as loaded for editing; absent when creating one. */
  account?: Account;
  onSaved: (account: Account) => void;
  /** Loads the account afresh after an edit collision. */
  onReload?: () => Promise<unknown>;
}

export function AccountForm({ account, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const initial = useMemo(() => accountToValues(account, me.user.language), [account, me.user.language]);
  const rename = ACCOUNT_FIELD_RENAMES;

  const form = useForm<AccountFormValues>({
    initialValues: initial,
    validate: validateWith(account ? AccountUpdateSchema : AccountCreateSchema, (v) => valuesToAccount(v, locale), rename),
  });

  const [submit, state] = useSubmit(
    form,
    async (values: AccountFormValues) => {
      const { payload } = valuesToAccount(values, locale);
      const saved = account
        ? await api.patch<Account>(
            `/accounts/${account.id}`,
            changedFields(payload, valuesToAccount(initial, locale).payload),
            account.version,
          )
        : await api.post<Account>('/accounts', payload);
      onSaved(saved);
    },
    rename,
  );

  const ownerPicker = { roles: ACCOUNT_OWNER_ROLES, clearable: true, placeholder: t('common.none') };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <FormAlerts state={state} onReload={onReload} />
        <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('fields.status')}
            data={ACCOUNT_STATUSES.map((s) => ({ value: s, label: t(`accountStatus.${s}`) }))}
            {...form.getInputProps('status')}
          />
          <TextInput label={t('fields.industry')} {...form.getInputProps('industry')} />
          <TextInput label={t('fields.website')} type="url" {...form.getInputProps('website')} />
          <NativeSelect
            label={t('fields.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            {...form.getInputProps('language')}
          />
          <UserPicker label={t('fields.owner')} {...ownerPicker} {...form.getInputProps('ownerId')} />
          <UserPicker label={t('fields.backupOwner')} {...ownerPicker} {...form.getInputProps('backupOwnerId')} />
          <TextInput
            label={t('fields.currency')}
            description={t('accounts.currencyHint')}
            maxLength={3}
            {...form.getInputProps('currency')}
          />
          <TextInput label={t('fields.creditLimit')} inputMode="decimal" {...form.getInputProps('creditLimit')} />
          <NumberInput
            label={t('fields.paymentTermsInDays')}
            min={0}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('paymentTermsDays')}
          />
        </SimpleGrid>
        <FormActions submitting={state.submitting} />
      </Stack>
    </form>
  );
}
