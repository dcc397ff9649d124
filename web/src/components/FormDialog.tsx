/** A modal form whose refusals land on its fields (by API name) or above its buttons; it closes once the submit succeeds. */
import { useState, type ReactNode } from 'react';
import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fieldErrorText, problemText } from '../lib/problems';
import { describeError } from './describe-error';
import { InlineActions } from './InlineActions';

interface Props {
  title: string;
  opened: boolean;
  onClose: () => void;
  submitLabel: string;
  /** Resolves `false` to stay open without an error (the form showed what is missing itself). */
  onSubmit: () => Promise<unknown>;
  /** The refusal's heading (default: "Not saved"). */
  errorTitle?: string;
  children: ReactNode;
}

export function FormDialog({ title, opened, onClose, submitLabel, onSubmit, errorTitle, children }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if ((await onSubmit()) !== false) onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
        aria-label={title}
      >
        <Stack>
          {children}
          {error !== null && (
            <Alert color="red" role="alert" title={errorTitle ?? t('errors.saveFailed')}>
              {error instanceof ApiError && error.fieldErrors.length
                ? error.fieldErrors.map(fieldErrorText).join(' ')
                : describeError(error, t)}
              {error instanceof ApiError && error.fieldErrors.length > 0 && error.detail && <Text size="sm">{problemText(error)}</Text>}
            </Alert>
          )}
          <InlineActions submitting={busy} submitLabel={submitLabel} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
