/**
 * Mail that came to the user's dropbox address and matched no account (an unknown sender, a
 * contact of an account they do not manage): read it, file it on an account, or discard it.
 */
import { Accordion, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboundEmail } from '@common/schemas/dropbox';
import { ActionDialog } from '../../components/ActionDialog';
import { FormDialog } from '../../components/FormDialog';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { notify } from '../../lib/notify';
import { AccountPicker } from '../accounts/AccountPicker';
import { useDiscardUnmatched, useFileUnmatched, useUnmatchedMail } from './api';
import { MyDropboxAddress } from './DropboxAddress';
import { senderOf } from './sender';
import { EmailBody } from './ReceivedEmailButton';

export function UnmatchedMailPage() {
  const { t } = useTranslation();
  const list = useUnmatchedMail();
  const [filing, setFiling] = useState<InboundEmail | null>(null);
  const [discarding, setDiscarding] = useState<InboundEmail | null>(null);
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader title={t('dropbox.unmatched.title')} />
      <Section title={t('dropbox.address.title')}>
        <MyDropboxAddress />
      </Section>
      <Section title={t('dropbox.unmatched.listTitle')}>
        <ListBody list={list} empty={<EmptyState title={t('dropbox.unmatched.emptyTitle')} body={t('dropbox.unmatched.emptyBody')} />}>
          <Accordion variant="separated" data-testid="unmatched-mail">
            {list.items.map((mail) => (
              <UnmatchedMail key={mail.id} mail={mail} onFile={() => setFiling(mail)} onDiscard={() => setDiscarding(mail)} />
            ))}
          </Accordion>
        </ListBody>
      </Section>
      <FileDialog mail={filing} onClose={() => setFiling(null)} />
      <DiscardDialog mail={discarding} onClose={() => setDiscarding(null)} />
    </Stack>
  );
}

function UnmatchedMail({ mail, onFile, onDiscard }: { mail: InboundEmail; onFile: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const subject = mail.subject || t('dropbox.noSubject');
  const sender = senderOf(mail);
  return (
    <Accordion.Item value={mail.id}>
      <Accordion.Control>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Stack gap={0}>
            <Text fw={500}>{subject}</Text>
            <Text size="sm" c="dimmed">
              {sender}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {mail.attachments.length > 0 && <Badge variant="light">{t('dropbox.attachments', { count: mail.attachments.length })}</Badge>}
            <Text size="sm" c="dimmed">
              {formatDateTime(mail.sentAt, locale)}
            </Text>
          </Group>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <EmailBody mail={mail} heading={false} />
          <Group gap="sm">
            <Button size="xs" onClick={onFile}>
              {t('dropbox.unmatched.file')}
            </Button>
            <Button size="xs" variant="default" color="red" onClick={onDiscard}>
              {t('dropbox.unmatched.discard')}
            </Button>
          </Group>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

function FileDialog({ mail, onClose }: { mail: InboundEmail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const file = useFileUnmatched();
  const [accountId, setAccountId] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => {
    setAccountId('');
    setMissing(false);
    onClose();
  };
  return (
    <FormDialog
      title={t('dropbox.unmatched.fileTitle', { subject: mail?.subject || t('dropbox.noSubject') })}
      opened={mail !== null}
      onClose={close}
      submitLabel={t('dropbox.unmatched.fileSubmit')}
      onSubmit={async () => {
        if (!accountId) {
          setMissing(true);
          return false;
        }
        await file.mutateAsync({ id: mail!.id, accountId });
        notify({ color: 'green', message: t('dropbox.unmatched.filed') });
        setAccountId('');
      }}
    >
      <Text size="sm">{t('dropbox.unmatched.fileBody')}</Text>
      <AccountPicker
        value={accountId}
        onChange={(id) => {
          setAccountId(id);
          setMissing(false);
        }}
        required
        error={missing ? t('dropbox.unmatched.accountRequired') : undefined}
      />
    </FormDialog>
  );
}

function DiscardDialog({ mail, onClose }: { mail: InboundEmail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const discard = useDiscardUnmatched();
  return (
    <ActionDialog
      opened={mail !== null}
      onClose={onClose}
      title={t('dropbox.unmatched.discardTitle')}
      body={t('dropbox.unmatched.discardBody', { subject: mail?.subject || t('dropbox.noSubject') })}
      confirmLabel={t('dropbox.unmatched.discard')}
      confirmColor="red"
      onConfirm={async () => {
        await discard.mutateAsync(mail!.id);
        notify({ message: t('dropbox.unmatched.discarded') });
      }}
    />
  );
}
