/**
 * Choosing whom to email among the account's contacts who have an address: loading, a failed load
 * and an account without such contacts each say so; otherwise a required select, then `children`
 * (the rest of the sending form).
 */
import type { ReactNode } from 'react';
import { Alert, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@common/schemas/contact';
import { api, type Page } from '../../api/client';
import { PageLoader } from '../../components/RouteStates';
import { contactName } from './api';

interface Props {
  accountId: string;
  /** Loads the contacts only while the form is open. */
  enabled: boolean;
  label: string;
  value: string | null;
  onChange: (contactId: string | null) => void;
  /** Shown on the select when the form was sent without a choice. */
  error?: string;
  /** Shown instead of the form when no contact of the account has an email. */
  noRecipients: string;
  testId: string;
  children?: ReactNode;
}

export function RecipientPicker({ accountId, enabled, label, value, onChange, error, noRecipients, testId, children }: Props) {
  const { t } = useTranslation();
  const contacts = useQuery({
    queryKey: ['contacts', 'list', 'recipients', accountId],
    queryFn: () => api.get<Page<Contact>>('/contacts', { accountId, limit: 200 }),
    enabled,
  });
  const withEmail = contacts.data?.items.filter((c) => c.email) ?? [];
  if (contacts.isPending) return <PageLoader />;
  if (contacts.isError) return <Alert color="red">{t('errors.loadFailed')}</Alert>;
  if (withEmail.length === 0) return <Alert color="yellow">{noRecipients}</Alert>;
  return (
    <Stack>
      <Select
        label={label}
        data={withEmail.map((c) => ({ value: c.id, label: `${contactName(c)} · ${c.email}` }))}
        value={value}
        onChange={onChange}
        error={error}
        required
        data-testid={testId}
      />
      {children}
    </Stack>
  );
}
