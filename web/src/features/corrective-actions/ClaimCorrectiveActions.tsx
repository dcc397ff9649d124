/** The claim page's corrective actions: those about this claim, and opening one from it. */
import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Claim } from '@common/schemas/claim';
import { ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import { ActionsTable } from './ActionsTable';
import { useCorrectiveActions } from './api';
import { NewActionDialog } from './NewActionDialog';

export function ClaimCorrectiveActions({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const list = useCorrectiveActions({ claimId: claim.id });
  const [creating, setCreating] = useState(false);
  return (
    <Section
      title={t('correctiveActions.title')}
      actions={
        claim.can.update && (
          <Button size="compact-sm" onClick={() => setCreating(true)}>
            {t('correctiveActions.new')}
          </Button>
        )
      }
    >
      <ListBody list={list} empty={<Text c="dimmed">{t('correctiveActions.noneOnClaim')}</Text>}>
        <ActionsTable actions={list.items} />
      </ListBody>
      {creating && <NewActionDialog opened claimId={claim.id} onClose={() => setCreating(false)} />}
    </Section>
  );
}
