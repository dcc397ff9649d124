/**
 * An admin's answers to a contact's personal-data request: download everything held about them,
 * or erase it after typing their name, told plainly what stays (invoices, signed documents).
 */
import { useState } from 'react';
import { Alert, Button, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@common/schemas/contact';
import { ERASED_NAME } from '@common/schemas/privacy';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { InlineActions } from '../../components/InlineActions';
import { Section } from '../../components/Section';
import { notify } from '../../lib/notify';
import { fieldErrorText } from '../../lib/problems';
import { contactName } from '../contacts/api';
import { contactPersonalDataUrl, useEraseContact } from './api';

function EraseDialog({ contact, opened, onClose }: { contact: Contact; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const erase = useEraseContact(contact.id);
  const name = contactName(contact);
  const [typed, setTyped] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    setTyped('');
    setFieldError(undefined);
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (typed.trim() !== name) return setFieldError(t('privacy.erase.mismatch'));
    setError(null);
    try {
      await erase.mutateAsync(typed);
      notify({ message: t('privacy.erase.done'), color: 'green' });
      close();
    } catch (e) {
      const onField = e instanceof ApiError ? e.fieldErrorMap().confirm : undefined;
      if (onField) setFieldError(fieldErrorText(onField));
      else setError(e);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('privacy.erase.title', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
        aria-label={t('privacy.erase.title', { name })}
      >
        <Stack>
          <Alert color="red" title={t('privacy.erase.warningTitle')}>
            <Text size="sm">{t('privacy.erase.warning')}</Text>
          </Alert>
          <div>
            <Text size="sm" fw={500}>
              {t('privacy.erase.keptTitle')}
            </Text>
            <List size="sm">
              <List.Item>{t('privacy.erase.keptInvoices')}</List.Item>
              <List.Item>{t('privacy.erase.keptDocuments')}</List.Item>
              <List.Item>{t('privacy.erase.keptFacts')}</List.Item>
            </List>
          </div>
          <TextInput
            label={t('privacy.erase.confirmLabel', { name })}
            required
            autoComplete="off"
            value={typed}
            error={fieldError}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              setFieldError(undefined);
            }}
            data-autofocus
          />
          {error !== null && (
            <Alert color="red" role="alert" title={t('errors.saveFailed')}>
              {describeError(error, t)}
            </Alert>
          )}
          <InlineActions submitting={erase.isPending} submitLabel={t('privacy.erase.submit')} submitColor="red" onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The contact page's block for admins; nothing for anyone else (the server refuses them too). */
export function ContactPrivacyActions({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const [erasing, setErasing] = useState(false);
  // What an erasure leaves; the server refuses a second one in any case.
  const erased = contact.firstName === ERASED_NAME && !contact.lastName && !contact.email && !contact.phone;
  return (
    <Section title={t('privacy.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('privacy.help')}
        </Text>
        <Button.Group>
          <Button component="a" href={contactPersonalDataUrl(contact.id)} download variant="default">
            {t('privacy.export')}
          </Button>
          {!erased && (
            <Button color="red" variant="light" onClick={() => setErasing(true)}>
              {t('privacy.erase.open')}
            </Button>
          )}
        </Button.Group>
        {erased && <Text size="sm">{t('privacy.erased')}</Text>}
      </Stack>
      <EraseDialog contact={contact} opened={erasing} onClose={() => setErasing(false)} />
    </Section>
  );
}
