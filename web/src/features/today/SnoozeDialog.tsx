/** Snoozes an item until a day the user picks, next week unless they choose otherwise. */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { fieldErrorText } from '../../lib/problems';
import { nextWeek } from './dates';

interface Props {
  opened: boolean;
  onClose: () => void;
  today: string;
  onSnooze: (until: string) => Promise<unknown>;
}

export function SnoozeDialog({ opened, onClose, today, onSnooze }: Props) {
  const { t } = useTranslation();
  const [until, setUntil] = useState(nextWeek(today));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) {
      setUntil(nextWeek(today));
      setError(null);
    }
  }, [opened, today]);
  const fieldError = error instanceof ApiError ? error.fieldErrorMap().until : undefined;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSnooze(until);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('today.snoozeTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput
            type="date"
            label={t('today.snoozeUntil')}
            value={until}
            min={nextWeek(today, 1)}
            onChange={(e) => setUntil(e.currentTarget.value)}
            error={fieldError ? fieldErrorText(fieldError) : undefined}
            data-autofocus
            required
          />
          {error !== null && !fieldError && (
            <Alert color="red" role="alert">
              {describeError(error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('today.actions.snooze')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
