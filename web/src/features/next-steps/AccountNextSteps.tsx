/** The account's next steps not done yet, overdue first: what was promised and by whom. */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import { useNextSteps } from './api';
import { NextStepsTable } from './NextStepsTable';

export function AccountNextSteps({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const list = useNextSteps({ accountId }, 20);
  return (
    <Section title={t('nextSteps.title')}>
      <ListBody list={list} empty={<Text c="dimmed">{t('nextSteps.noneOnAccount')}</Text>}>
        <NextStepsTable steps={list.items} showAccount={false} />
      </ListBody>
    </Section>
  );
}
