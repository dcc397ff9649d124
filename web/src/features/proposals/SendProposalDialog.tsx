/** Sends the newest version to a contact of the account who has an email: a numbered PDF, and a link to accept or decline it. */
import { useState } from 'react';
import { Alert, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@common/schemas/contact';
import type { Proposal } from '@common/schemas/proposal';
import { api, type Page } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { PageLoader } from '../../components/RouteStates';
import { notify } from '../../lib/notify';
import { contactName } from '../contacts/api';
import { useSendProposal } from './api';

interface Props {
  proposal: Proposal;
  opened: boolean;
  onClose: () => void;
}

export function SendProposalDialog({ proposal, opened, onClose }: Props) {
  const { t } = useTranslation();
  const send = useSendProposal();
  const contacts = useQuery({
    queryKey: ['contacts', 'list', 'recipients', proposal.accountId],
    queryFn: () => api.get<Page<Contact>>('/contacts', { accountId: proposal.accountId, limit: 200 }),
    enabled: opened,
  });
  const [contactId, setContactId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const withEmail = contacts.data?.items.filter((c) => c.email) ?? [];

  const submit = async () => {
    setMissing(!contactId);
    if (!contactId) return false;
    await send.mutateAsync({ proposal, body: { contactId } });
    notify({ message: t('proposals.sentNotice'), color: 'green' });
  };

  return (
    <FormDialog
      title={t('proposals.sendTitle', { n: proposal.latestVersion })}
      opened={opened}
      onClose={onClose}
      submitLabel={t('proposals.sendNow')}
      errorTitle={t('proposals.notSent')}
      onSubmit={submit}
    >
      {contacts.isPending ? (
        <PageLoader />
      ) : contacts.isError ? (
        <Alert color="red">{t('errors.loadFailed')}</Alert>
      ) : withEmail.length === 0 ? (
        <Alert color="yellow">{t('proposals.noRecipients')}</Alert>
      ) : (
        <Stack>
          <Select
            label={t('proposals.fields.recipient')}
            data={withEmail.map((c) => ({ value: c.id, label: `${contactName(c)} · ${c.email}` }))}
            value={contactId}
            onChange={setContactId}
            error={missing ? t('proposals.chooseRecipient') : undefined}
            required
            data-testid="proposal-recipient"
          />
          <Text size="sm" c="dimmed">
            {t('proposals.sendHint')}
          </Text>
        </Stack>
      )}
    </FormDialog>
  );
}
