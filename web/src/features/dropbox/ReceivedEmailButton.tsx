/**
 * On an email interaction: opens the message it was logged from by the dropbox, with its whole
 * text and its attachments (fetched only when asked for; an email typed in by hand has none).
 */
import { Alert, Anchor, Button, List, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboundEmail } from '@common/schemas/dropbox';
import { senderOf } from './sender';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { InlineLoader } from '../../components/RouteStates';
import { attachmentUrl, receivedEmailQuery } from './api';

export function ReceivedEmailButton({ interactionId }: { interactionId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
        {t('dropbox.received.open')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('dropbox.received.title')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && <ReceivedEmail interactionId={interactionId} />}
      </Modal>
    </>
  );
}

function ReceivedEmail({ interactionId }: { interactionId: string }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useQuery(receivedEmailQuery(interactionId));
  if (isPending) return <InlineLoader />;
  if (error instanceof ApiError && error.status === 404) return <Text>{t('dropbox.received.none')}</Text>;
  if (error)
    return (
      <Alert color="red" role="alert" title={t('errors.loadFailed')}>
        {describeError(error, t)}
      </Alert>
    );
  return <EmailBody mail={data} />;
}

/** A received message's people, text and files (plain text: the server never keeps its HTML). */
export function EmailBody({ mail, heading = true }: { mail: InboundEmail; heading?: boolean }) {
  const { t } = useTranslation();
  const sender = senderOf(mail);
  return (
    <Stack gap="sm">
      {heading && (
        <>
          <Text fw={500}>{mail.subject || t('dropbox.noSubject')}</Text>
          <Text size="sm" c="dimmed">
            {t('dropbox.from', { sender })}
          </Text>
        </>
      )}
      <Text size="sm" c="dimmed">
        {t('dropbox.to', { recipients: mail.recipients.join(', ') || '—' })}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{mail.text || t('dropbox.noText')}</Text>
      {mail.attachments.length > 0 && (
        <List size="sm" aria-label={t('dropbox.attachmentsLabel')}>
          {mail.attachments.map((a) => (
            <List.Item key={a.id}>
              <Anchor href={attachmentUrl(mail.id, a.id)} download={a.filename}>
                {a.filename}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                ({a.size < 1024 ? t('dropbox.bytes', { count: a.size }) : t('dropbox.kilobytes', { count: Math.round(a.size / 1024) })})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
