/** Save and cancel buttons at the foot of a form. */
import { Button, Group } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export function FormActions({ submitting, submitLabel }: { submitting: boolean; submitLabel?: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={() => router.history.back()}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
