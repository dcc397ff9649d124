/** The deals of one account, shown on its page, with "New deal" for those who manage it. */
import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '@common/schemas/account';
import { ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import { useDeals } from './api';
import { DealDialog } from './DealDialog';
import { DealsTable } from './DealsTable';

export function AccountDeals({ account }: { account: Account }) {
  const { t } = useTranslation();
  const list = useDeals({ accountId: account.id, sort: 'close' });
  const [adding, setAdding] = useState(false);
  // Opening a deal is logging sales work on the account: the same right as logging an interaction.
  const canAdd = account.can.logInteraction;
  const add = canAdd && (
    <Button size="sm" onClick={() => setAdding(true)}>
      {t('deals.new')}
    </Button>
  );
  return (
    <Section title={t('deals.title')} actions={add}>
      <ListBody list={list} empty={<Text c="dimmed">{t('deals.noneOnAccount')}</Text>}>
        <DealsTable deals={list.items} showAccount={false} />
      </ListBody>
      {adding && <DealDialog opened accountId={account.id} currency={account.currency} onClose={() => setAdding(false)} />}
    </Section>
  );
}
