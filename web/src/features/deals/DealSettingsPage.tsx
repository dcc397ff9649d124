/** Admin settings of the sales pipeline: stage names and probabilities, and the reasons a deal can be lost for. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Paper } from '@mantine/core';
import { dealSettingsQuery } from './api';
import { DealSettingsForm } from './DealSettingsForm';

export function DealSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(dealSettingsQuery);
  return (
    <>
      <PageHeader title={t('deals.settings.title')} />
      <Paper withBorder p="md" radius="md">
        <RecordGate query={settings}>{(s) => <DealSettingsForm key={JSON.stringify(s)} settings={s} />}</RecordGate>
      </Paper>
    </>
  );
}
