import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { AccountForm } from './AccountForm';
import { useAccountSaved } from './api';

export function AccountCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const saved = useAccountSaved();
  return (
    <>
      <PageHeader title={t('accounts.new')} />
      <AccountForm
        onSaved={(account) => {
          saved(account);
          void navigate({ to: '/accounts/$accountId', params: { accountId: account.id } });
        }}
      />
    </>
  );
}
