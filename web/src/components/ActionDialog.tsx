/**
 * A confirmation dialog for one action, optionally asking for a note (how the client agreed,
 * what blocks a task). Refusals from the server stay in the dialog: a note error on the note,
 * anything else above the buttons.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fieldErrorText } from '../lib/problems';
import { describeError } from './describe-error';
import { InlineActions } from './InlineActions';

interface NoteField {
  label: string;
  description?: string;
  /** Shown when the note is required and left empty. */
  missing?: string;
  /** The API's name for the note, so its field error lands here (default `note`). */
  field?: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  body?: ReactNode;
  /** Content shown as is under the body, such as an alert (the body is a paragraph). */
  children?: ReactNode;
  note?: NoteField;
  confirmLabel: string;
  confirmColor?: string;
  onConfirm: (note: string) => Promise<unknown>;
}

export function ActionDialog({ opened, onClose, title, body, children, note, confirmLabel, confirmColor, onConfirm }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setText('');
    setNoteError(undefined);
    setError(null);
    onClose();
  };

  const confirm = async () => {
    if (note?.missing && !text.trim()) return setNoteError(note.missing);
    setBusy(true);
    setError(null);
    try {
      await onConfirm(text.trim());
      close();
    } catch (e) {
      const onNote = e instanceof ApiError ? e.fieldErrorMap()[note?.field ?? 'note'] : undefined;
      if (note && onNote) setNoteError(fieldErrorText(onNote));
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
        noValidate
      >
        <Stack>
          {body && <Text size="sm">{body}</Text>}
          {children}
          {note && (
            <Textarea
              label={note.label}
              description={note.description}
              required={Boolean(note.missing)}
              autosize
              minRows={2}
              value={text}
              error={noteError}
              onChange={(e) => setText(e.currentTarget.value)}
              data-autofocus
            />
          )}
          {error !== null && (
            <Alert color="red" role="alert" title={t('errors.saveFailed')}>
              {describeError(error, t)}
            </Alert>
          )}
          <InlineActions submitting={busy} submitLabel={confirmLabel} submitColor={confirmColor} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
