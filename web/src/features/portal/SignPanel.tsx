/**
 * The client's answer to a sent document: sign it by typing their full name and confirming
 * that it is their signature, or decline it with a reason. Both are plain forms: every field
 * is labelled, Enter submits, errors are said next to the field they are about.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Document } from '@common/schemas/document';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { Section } from '../../components/Section';
import { fieldErrorText } from '../../lib/problems';
import { notify } from '../../lib/notify';
import { useDeclineDocument, useSignDocument } from '../acts/api';

/** A refusal on one of the form's fields, or anywhere else (shown above the buttons). */
function useRefusal() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const onField = (field: string) => (error instanceof ApiError ? error.fieldErrorMap()[field] : undefined);
  const fieldText = (field: string) => {
    const e = onField(field);
    return e ? fieldErrorText(e) : undefined;
  };
  const general = error !== null && !(error instanceof ApiError && error.fieldErrors.length) ? describeError(error, t) : null;
  return { setError, fieldText, general };
}

/** A form of the panel: submitted by Enter or its button, with what the server refused above the buttons. */
function AnswerForm(props: {
  label: string;
  onSubmit: () => Promise<void>;
  refusal: string | null;
  refusalTitle: string;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit();
      }}
      noValidate
      aria-label={props.label}
    >
      <Stack gap="sm">
        {props.children}
        {props.refusal && (
          <Alert color="red" role="alert" title={props.refusalTitle}>
            {props.refusal}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

function SignForm({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const sign = useSignDocument();
  const refusal = useRefusal();
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const [missing, setMissing] = useState<{ name?: string; consent?: string }>({});

  const submit = async () => {
    const problems = {
      name: name.trim() ? undefined : t('portal.nameRequired'),
      consent: consent ? undefined : t('portal.consentRequired'),
    };
    setMissing(problems);
    refusal.setError(null);
    if (problems.name || problems.consent) return;
    try {
      await sign.mutateAsync({ id: doc.id, body: { fullName: name.trim(), consent: true } });
      notify({ color: 'green', message: t('portal.signed') });
    } catch (e) {
      refusal.setError(e);
    }
  };

  return (
    <AnswerForm label={t('portal.signTitle')} onSubmit={submit} refusal={refusal.general} refusalTitle={t('portal.notSigned')}>
      <Text size="sm">{t('portal.signIntro')}</Text>
      <TextInput
        label={t('portal.fullName')}
        required
        autoComplete="name"
        value={name}
        error={missing.name ?? refusal.fieldText('fullName')}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <Checkbox
        label={t('portal.consent')}
        checked={consent}
        error={missing.consent ?? refusal.fieldText('consent')}
        onChange={(e) => setConsent(e.currentTarget.checked)}
      />
      <Group>
        <Button type="submit" loading={sign.isPending}>
          {t('portal.sign')}
        </Button>
      </Group>
    </AnswerForm>
  );
}

function DeclineForm({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const decline = useDeclineDocument();
  const refusal = useRefusal();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string>();

  if (!open) {
    return (
      <Group>
        <Button variant="default" color="red" onClick={() => setOpen(true)}>
          {t('portal.declineOpen')}
        </Button>
      </Group>
    );
  }
  const submit = async () => {
    setMissing(reason.trim() ? undefined : t('portal.reasonRequired'));
    refusal.setError(null);
    if (!reason.trim()) return;
    try {
      await decline.mutateAsync({ id: doc.id, body: { reason: reason.trim() } });
      notify({ color: 'green', message: t('portal.declined') });
    } catch (e) {
      refusal.setError(e);
    }
  };
  return (
    <AnswerForm label={t('portal.declineTitle')} onSubmit={submit} refusal={refusal.general} refusalTitle={t('portal.notDeclined')}>
      <Textarea
        label={t('portal.declineReason')}
        required
        autosize
        minRows={2}
        value={reason}
        error={missing ?? refusal.fieldText('reason')}
        onChange={(e) => setReason(e.currentTarget.value)}
        data-autofocus
      />
      <Group>
        <Button type="submit" color="red" loading={decline.isPending}>
          {t('portal.decline')}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </AnswerForm>
  );
}

/** Shown while the document waits for the client's answer. */
export function SignPanel({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  if (!doc.can.sign && !doc.can.decline) return null;
  return (
    <Section title={t('portal.signTitle')}>
      <Stack gap="lg">
        {doc.can.sign && <SignForm doc={doc} />}
        {doc.can.decline && <DeclineForm doc={doc} />}
      </Stack>
    </Section>
  );
}
