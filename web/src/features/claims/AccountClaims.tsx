/** The claims of one account, shown on its page, with "Register a claim" for those who manage it. */
import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '@common/schemas/account';
import { ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import { useClaims } from './api';
import { ClaimsTable } from './ClaimsTable';
import { NewClaimDialog } from './NewClaimDialog';

export function AccountClaims({ account }: { account: Account }) {
  const { t } = useTranslation();
  const list = useClaims({ accountId: account.id });
  const [adding, setAdding] = useState(false);
  // Registering a claim is handling the relationship: the same right as logging an interaction.
  const add = account.can.logInteraction && (
    <Button size="sm" onClick={() => setAdding(true)}>
      {t('claims.new')}
    </Button>
  );
  return (
    <Section title={t('claims.title')} actions={add}>
      <ListBody list={list} empty={<Text c="dimmed">{t('claims.noneOnAccount')}</Text>}>
        <ClaimsTable claims={list.items} showAccount={false} />
      </ListBody>
      {adding && <NewClaimDialog opened accountId={account.id} onClose={() => setAdding(false)} />}
    </Section>
  );
}
