/** Cancel and submit buttons of a form shown in place (a dialog, a row, a panel) rather than as a page. */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  submitting: boolean;
  submitLabel: string;
  submitColor?: string;
  /** Absent for a form that stays on the page, such as "add another". */
  onCancel?: () => void;
}

export function InlineActions({ submitting, submitLabel, submitColor, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" color={submitColor} loading={submitting}>
        {submitLabel}
      </Button>
    </Group>
  );
}
