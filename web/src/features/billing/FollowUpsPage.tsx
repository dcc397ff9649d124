/** Debt follow-up: the calls and alerts waiting for the user, and every reminder email with how it went. */
import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../api/use-cursor-list';
import { DataTable } from '../../components/DataTable';
import { describeError } from '../../components/describe-error';
import { AnchorLink } from '../../components/links';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { useMe } from '../auth/session';
import { useCompleteAction, useRetryEmail, useRunFollowUps, type BillingAction, type FollowUpEmail } from './api';
import { BillingBadge } from './BillingBadge';
import { emailErrorText } from '../../lib/problems';

function Actions() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useCursorList<BillingAction>(['billing-actions'], '/billing-actions', { state: 'open', limit: 50 });
  const complete = useCompleteAction();
  return (
    <Section title={t('followUps.actions')}>
      <ListBody list={list} empty={<Text c="dimmed">{t('followUps.noActions')}</Text>}>
        <DataTable headers={[t('followUps.due'), t('followUps.kind'), t('fields.account'), t('followUps.what'), '']}>
          {list.items.map((a) => (
            <Table.Tr key={a.id} data-testid="billing-action">
              <Table.Td>{formatCalendarDate(a.dueDate, locale)}</Table.Td>
              <Table.Td>{t(`billingAction.${a.kind}`)}</Table.Td>
              <Table.Td>
                <AnchorLink to="/accounts/$accountId" params={{ accountId: a.accountId }}>
                  {a.accountName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                {t(`followUps.actionTitle.${a.kind}`, { account: a.accountName })}
                <Text size="xs">{a.detail}</Text>
              </Table.Td>
              <Table.Td>
                {a.can.complete && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={complete.isPending && complete.variables?.id === a.id}
                    onClick={() => complete.mutate(a)}
                  >
                    {t('followUps.done')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListBody>
    </Section>
  );
}

function Emails() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useCursorList<FollowUpEmail>(['follow-ups', 'emails'], '/follow-ups', { limit: 50 });
  const retry = useRetryEmail();
  return (
    <Section title={t('followUps.emails')}>
      {retry.isError && (
        <Alert color="red" role="alert" mb="sm">
          {describeError(retry.error, t)}
        </Alert>
      )}
      <ListBody list={list} empty={<EmptyState title={t('followUps.noEmailsTitle')} body={t('followUps.noEmailsBody')} />}>
        <DataTable headers={[t('followUps.date'), t('fields.account'), t('followUps.to'), t('followUps.subject'), t('fields.status'), '']}>
          {list.items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.runDate ? formatCalendarDate(e.runDate, locale) : formatDateTime(e.createdAt, locale)}</Table.Td>
              <Table.Td>{e.accountName}</Table.Td>
              <Table.Td>{e.to || '—'}</Table.Td>
              <Table.Td>{e.subject}</Table.Td>
              <Table.Td>
                <BillingBadge group="emailStatus" value={e.status} />
                {e.lastError && e.status !== 'sent' && <Text size="xs">{emailErrorText(e.lastError)}</Text>}
              </Table.Td>
              <Table.Td>
                {e.can.retry && e.to && (
                  <Button size="xs" variant="default" onClick={() => retry.mutate(e)}>
                    {t('followUps.retry')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListBody>
    </Section>
  );
}

export function FollowUpsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const run = useRunFollowUps();
  return (
    <>
      <PageHeader title={t('followUps.pageTitle')}>
        {me.can.runFollowUps && (
          <Button loading={run.isPending} onClick={() => run.mutate()}>
            {t('followUps.runNow')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="lg">
        {run.data && (
          <Alert color={run.data.alreadyRan ? 'gray' : 'green'} role="status">
            {t(run.data.alreadyRan ? 'followUps.alreadyRan' : 'followUps.ran', { ...run.data })}
          </Alert>
        )}
        {run.isError && (
          <Alert color="red" role="alert">
            {describeError(run.error, t)}
          </Alert>
        )}
        <Actions />
        <Emails />
      </Stack>
    </>
  );
}
