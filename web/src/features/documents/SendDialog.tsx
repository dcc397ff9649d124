/** Choose contacts of the account (those with an email address) and send them a PDF by email. */
import { useState } from 'react';
import { Alert, Checkbox, Stack, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@common/schemas/contact';
import type { DocumentSend } from '@common/schemas/document';
import { api, type Page } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { PageLoader } from '../../components/RouteStates';
import { contactName } from '../contacts/api';
import './catalogue';

interface Props {
  accountId: string;
  title: string;
  opened: boolean;
  onClose: () => void;
  onSend: (body: DocumentSend) => Promise<unknown>;
}

export function SendDialog({ accountId, title, opened, onClose, onSend }: Props) {
  const { t } = useTranslation();
  const contacts = useQuery({
    queryKey: ['contacts', 'list', 'recipients', accountId],
    queryFn: () => api.get<Page<Contact>>('/contacts', { accountId, limit: 200 }),
    enabled: opened,
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const withEmail = contacts.data?.items.filter((c) => c.email) ?? [];

  const send = async () => {
    setMissing(chosen.length === 0);
    if (chosen.length === 0) return false;
    await onSend({ contactIds: chosen, message: message.trim() || null });
    setChosen([]);
    setMessage('');
  };

  return (
    <FormDialog
      title={title}
      opened={opened}
      onClose={onClose}
      submitLabel={t('documents.send')}
      errorTitle={t('documents.sendFailed')}
      onSubmit={send}
    >
      <Stack>
        {contacts.isPending ? (
          <PageLoader />
        ) : contacts.isError ? (
          <Alert color="red">{t('errors.loadFailed')}</Alert>
        ) : withEmail.length === 0 ? (
          <Alert color="yellow">{t('documents.noRecipients')}</Alert>
        ) : (
          <Checkbox.Group
            label={t('documents.recipients')}
            value={chosen}
            onChange={setChosen}
            withAsterisk
            error={missing ? t('documents.chooseRecipient') : undefined}
          >
            <Stack gap="xs" mt="xs">
              {withEmail.map((c) => (
                <Checkbox key={c.id} value={c.id} label={`${contactName(c)} <${c.email}>`} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Textarea label={t('documents.message')} autosize minRows={2} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
      </Stack>
    </FormDialog>
  );
}
