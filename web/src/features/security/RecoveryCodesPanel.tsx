/** Recovery codes just made: shown once, to copy, download or print, then put away. */
import { Alert, Button, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function download(codes: string[]) {
  const blob = new Blob([`Liaison recovery codes\n\n${codes.join('\n')}\n`], { type: 'text/plain' });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: 'liaison-recovery-codes.txt' });
  link.click();
  URL.revokeObjectURL(url);
}

export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" title={t('security.codesTitle')} data-testid="recovery-codes">
      <Stack gap="sm">
        <Text size="sm">{t('security.codesBody')}</Text>
        <List spacing={2} ff="monospace" listStyleType="none" aria-label={t('security.codesTitle')}>
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Group>
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('security.copied') : t('security.copyCodes')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={() => download(codes)}>
            {t('security.downloadCodes')}
          </Button>
          <Button size="xs" onClick={onDone}>
            {t('security.codesSaved')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
