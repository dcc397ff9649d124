/** Corrective actions as a table: what changes and what for, who sees to it, its dates and where it stands. */
import { Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction } from '@common/schemas/corrective-action';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { claimSettingsQuery, useNameOf } from '../claims/api';

export function StatusOf({ action }: { action: CorrectiveAction }) {
  const { t } = useTranslation();
  if (action.status === 'open') return <Badge variant="light">{t('correctiveActions.status.open')}</Badge>;
  const worked = action.result === 'effective';
  return (
    <Badge variant="light" color={worked ? 'green' : 'orange'}>
      {t('correctiveActions.status.checked')}: {t(`correctiveActions.result.${action.result ?? 'effective'}`)}
    </Badge>
  );
}

export function ActionsTable({ actions }: { actions: CorrectiveAction[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const settings = useQuery(claimSettingsQuery);
  const nameOf = useNameOf();
  const headers = [
    t('correctiveActions.fields.what'),
    t('correctiveActions.fields.rootCause'),
    t('correctiveActions.fields.owner'),
    t('correctiveActions.fields.dueOn'),
    t('correctiveActions.fields.checkOn'),
    t('correctiveActions.fields.status'),
  ];
  return (
    <DataTable headers={headers} minWidth={900}>
      {actions.map((a) => (
        <Table.Tr key={a.id} data-testid="corrective-action-row">
          <Table.Td maw={380}>
            <AnchorLink to="/corrective-actions/$actionId" params={{ actionId: a.id }}>
              <Text size="sm" fw={500} lineClamp={2} span>
                {a.what}
              </Text>
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {a.scope === 'claim' ? t('correctiveActions.forClaim') : t('correctiveActions.forRootCause')}
            </Text>
          </Table.Td>
          <Table.Td>{nameOf(settings.data?.rootCauses, a.rootCause)}</Table.Td>
          <Table.Td>{a.ownerName}</Table.Td>
          <Table.Td>{formatCalendarDate(a.dueOn, locale)}</Table.Td>
          <Table.Td>{formatCalendarDate(a.checkOn, locale)}</Table.Td>
          <Table.Td>
            <StatusOf action={a} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
