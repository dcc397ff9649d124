/** A BCC address with a copy button: the signed-in manager's own, or an account's. */
import { Button, Code, CopyButton, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DropboxAddress as Address } from '@common/schemas/dropbox';
import { describeError } from '../../components/describe-error';
import { accountDropboxQuery, myDropboxQuery } from './api';

function AddressLine({ result, label, help }: { result: UseQueryResult<Address>; label: string; help: string }) {
  const { t } = useTranslation();
  const { data, error, isPending } = result;
  return (
    <Stack gap={4} data-testid="dropbox-address">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {isPending ? (
        <Skeleton height={24} maw={420} aria-label={t('dropbox.address.loading')} />
      ) : error ? (
        <Text size="sm" c="red" role="alert">
          {describeError(error, t)}
        </Text>
      ) : (
        <Group gap="xs">
          {/* A long address wraps on a phone rather than scrolling out of reach of the keyboard. */}
          <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{data.address}</Code>
          <CopyButton value={data.address}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="default" onClick={copy} aria-label={t('dropbox.address.copyOf', { label })}>
                {copied ? t('dropbox.address.copied') : t('dropbox.address.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {help}
      </Text>
    </Stack>
  );
}

export function MyDropboxAddress() {
  const { t } = useTranslation();
  const result = useQuery(myDropboxQuery);
  return <AddressLine result={result} label={t('dropbox.address.mine')} help={t('dropbox.address.mineHelp')} />;
}

export function AccountDropboxAddress({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const result = useQuery(accountDropboxQuery(accountId));
  return <AddressLine result={result} label={t('dropbox.address.account')} help={t('dropbox.address.accountHelp')} />;
}
