/** The signing secret, shown once after creating a webhook or rotating its secret, with a copy button. */
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SecretDialog({ secret, rotated, onClose }: { secret: string; rotated: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('webhooks.secret.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Alert color="yellow">{t(rotated ? 'webhooks.secret.rotatedBody' : 'webhooks.secret.body')}</Alert>
        <Code block data-testid="webhook-secret" aria-label={t('webhooks.secret.title')}>
          {secret}
        </Code>
        <Text size="sm" c="dimmed">
          {t('webhooks.secret.verify')}
        </Text>
        <Group justify="flex-end">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('webhooks.secret.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
