/** One claim on its own page (where an alert's link leads). */
import { Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { ClaimCorrectiveActions } from '../corrective-actions/ClaimCorrectiveActions';
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
      <RecordGate query={claim}>
        {(c) => (
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <ClaimDetails claim={c} />
            </Paper>
            <ClaimCorrectiveActions claim={c} />
          </Stack>
        )}
      </RecordGate>
    </>
  );
}
