/** One claim on its own page (where an alert's link leads). */
import { Paper } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { claimQuery } from './api';
import { ClaimDetails } from './ClaimDetails';

const route = getRouteApi('/app/claims/$claimId');

export function ClaimPage() {
  const { t } = useTranslation();
  const { claimId } = route.useParams();
  const claim = useQuery(claimQuery(claimId));
  return (
    <>
      <PageHeader title={t('claims.one')} />
      <Paper withBorder p="md" radius="md">
        <RecordGate query={claim}>{(c) => <ClaimDetails claim={c} />}</RecordGate>
      </Paper>
    </>
  );
}
