/**
 * The money side of an account page: what it owes against its limit, stop-work, and where to go
 * next. Over the limit and overdue are shown as the account's flags in the page header, worded as
 * its state; "before you confirm" warnings belong only where something is being confirmed.
 */
import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Account } from '@common/schemas/account';
import { ActionDialog } from '../../components/ActionDialog';
import { Details } from '../../components/Details';
import { ExportMenu } from '../../components/ExportMenu';
import { ButtonLink } from '../../components/links';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { exposureQuery, useStopWork } from './api';

export function AccountBilling({ account }: { account: Account }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const exposure = useQuery(exposureQuery(account.id));
  const stopWork = useStopWork();
  const [dialog, setDialog] = useState<'set' | 'lift' | null>(null);
  const e = exposure.data;
  const money = (v: number | null | undefined) => (v == null ? null : formatMoney(v, account.currency, locale));
  const stopped = Boolean(e?.stopWork);

  const actions = (
    <Group gap="xs">
      <ButtonLink size="xs" variant="default" to="/invoices" search={{ accountId: account.id }}>
        {t('nav.invoices')}
      </ButtonLink>
      <ButtonLink size="xs" variant="default" to="/accounts/$accountId/statement" params={{ accountId: account.id }}>
        {t('statement.short')}
      </ButtonLink>
      <ExportMenu path="/payments" query={{ accountId: account.id }} label={t('exports.payments')} size="xs" />
      {account.can.createInvoice && (
        <ButtonLink size="xs" to="/invoices/new" search={{ accountId: account.id }}>
          {t('invoices.new')}
        </ButtonLink>
      )}
    </Group>
  );

  return (
    <Section title={t('accountBilling.title')} actions={actions}>
      <Stack gap="sm">
        {e?.stopWork && (
          <Alert
            color="red"
            title={t('accountBilling.stopped', { date: formatCalendarDate(e.stopWork.since.slice(0, 10), locale) })}
            data-testid="stop-work"
          >
            {e.stopWork.reason}
          </Alert>
        )}
        <Details
          items={[
            [t('accountBilling.owed'), money(e?.exposureMinor)],
            // The limit itself is in the account's details; here, how much of it is used.
            [
              t('accountBilling.limitUsed'),
              e?.creditLimitMinor ? `${Math.round((e.exposureMinor * 100) / e.creditLimitMinor).toLocaleString(locale)}%` : null,
            ],
            [
              t('accountBilling.oldestOverdue'),
              e?.oldestOverdueDays == null ? null : t('invoices.daysOverdue', { count: e.oldestOverdueDays }),
            ],
          ]}
        />
        {account.can.changeStopWork && e && (
          <Group>
            <Button size="xs" variant="default" color={stopped ? undefined : 'red'} onClick={() => setDialog(stopped ? 'lift' : 'set')}>
              {t(stopped ? 'accountBilling.lift' : 'accountBilling.stop')}
            </Button>
          </Group>
        )}
      </Stack>
      <ActionDialog
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={t(dialog === 'lift' ? 'accountBilling.liftTitle' : 'accountBilling.stopTitle')}
        note={{ label: t('accountBilling.reason'), missing: t('invoices.reasonRequired'), field: 'reason' }}
        confirmLabel={t(dialog === 'lift' ? 'accountBilling.lift' : 'accountBilling.stop')}
        onConfirm={(reason) => stopWork.mutateAsync({ accountId: account.id, reason, lift: dialog === 'lift' })}
      />
    </Section>
  );
}
