/** Sends the newest version to a contact of the account who has an email: a numbered PDF, and a link to accept or decline it. */
import { useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '@common/schemas/proposal';
import { FormDialog } from '../../components/FormDialog';
import { notify } from '../../lib/notify';
import { RecipientPicker } from '../contacts/RecipientPicker';
import { useSendProposal } from './api';

interface Props {
  proposal: Proposal;
  opened: boolean;
  onClose: () => void;
}

export function SendProposalDialog({ proposal, opened, onClose }: Props) {
  const { t } = useTranslation();
  const send = useSendProposal();
  const [contactId, setContactId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

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
      <RecipientPicker
        accountId={proposal.accountId}
        enabled={opened}
        label={t('proposals.fields.recipient')}
        value={contactId}
        onChange={setContactId}
        error={missing ? t('proposals.chooseRecipient') : undefined}
        noRecipients={t('proposals.noRecipients')}
        testId="proposal-recipient"
      >
        <Text size="sm" c="dimmed">
          {t('proposals.sendHint')}
        </Text>
      </RecipientPicker>
    </FormDialog>
  );
}
