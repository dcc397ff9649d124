/** Personal API tokens: create one (shown once), see when each was used, revoke. */
import { notify } from '../../lib/notify';
import { useState } from 'react';
import { Button, Code, CopyButton, Group, Stack, Table, TextInput, Alert } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiTokenCreateSchema, type ApiToken } from '@common/schemas/auth';
import { api } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { FormAlerts } from '../../components/FormAlerts';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { validateSchema } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';

const tokensKey = ['tokens'];

function NewToken({ onCreated }: { onCreated: (token: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { name: '' }, validate: validateSchema(ApiTokenCreateSchema) });
  const [submit, state] = useSubmit(form, async (values: { name: string }) => {
    const created = await api.post<ApiToken & { token: string }>('/tokens', values);
    onCreated(created.token);
    form.reset();
    await queryClient.invalidateQueries({ queryKey: tokensKey });
  });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <FormAlerts state={state} />
        <Group align="flex-start">
          <TextInput label={t('tokens.name')} description={t('tokens.nameHint')} required {...form.getInputProps('name')} />
          <Button type="submit" mt={{ base: 0, sm: 44 }} loading={state.submitting}>
            {t('tokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TokensPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const query = useQuery({ queryKey: tokensKey, queryFn: () => api.get<{ items: ApiToken[] }>('/tokens') });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => api.delete(`/tokens/${token.id}`),
    onSuccess: (_, token) => notify({ message: t('tokens.revoked', { name: token.name }) }),
    onError: (e) => notify({ color: 'red', message: describeError(e, t) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });

  return (
    <Stack gap="lg">
      <PageHeader title={t('tokens.title')} />
      <Section title={t('tokens.new')}>
        <NewToken onCreated={setSecret} />
        {secret && (
          <Alert color="green" mt="md" title={t('tokens.createdTitle')} role="status" data-testid="new-token">
            <Stack gap="xs">
              {t('tokens.createdBody')}
              <Code block>{secret}</Code>
              <Group>
                <CopyButton value={secret}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="default" onClick={copy}>
                      {copied ? t('tokens.copied') : t('tokens.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button size="xs" variant="default" onClick={() => setSecret(null)}>
                  {t('tokens.done')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Section>
      <Section title={t('tokens.yours')}>
        <RecordGate query={query}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title={t('tokens.emptyTitle')} body={t('tokens.emptyBody')} />
            ) : (
              <DataTable
                minWidth={560}
                headers={[t('tokens.name'), t('tokens.prefix'), t('fields.createdAt'), t('tokens.lastUsed'), t('common.actions')]}
              >
                {items.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{formatDateTime(token.createdAt, locale)}</Table.Td>
                    <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('tokens.never')}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('tokens.revokeNamed', { name: token.name })}
                        onClick={() => window.confirm(t('tokens.confirmRevoke', { name: token.name })) && revoke.mutate(token)}
                      >
                        {t('tokens.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )
          }
        </RecordGate>
      </Section>
    </Stack>
  );
}
