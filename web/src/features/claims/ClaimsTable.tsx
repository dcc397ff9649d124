/** Claims as a table: severity, what and for whom, where each stands, its deadlines (missed ones flagged) and a link to open it. */
import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Claim } from '@common/schemas/claim';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { claimSettingsQuery, useNameOf } from './api';
import { Deadline } from './Deadline';
import { SeverityBadge, StatusBadge } from './SeverityBadge';

export function ClaimsTable({ claims, showAccount = true }: { claims: Claim[]; showAccount?: boolean }) {
  const { t } = useTranslation();
  const settings = useQuery(claimSettingsQuery);
  const nameOf = useNameOf();
  const headers = [
    t('claims.fields.severity'),
    t('claims.fields.description'),
    ...(showAccount ? [t('claims.fields.account')] : []),
    t('claims.fields.status'),
    t('claims.fields.respondBy'),
    t('claims.fields.resolveBy'),
  ];
  return (
    <DataTable headers={headers} minWidth={showAccount ? 980 : 840}>
      {claims.map((c) => (
        <Table.Tr key={c.id} data-testid="claim-row">
          <Table.Td>
            <SeverityBadge severity={c.severity} />
          </Table.Td>
          <Table.Td maw={360}>
            <AnchorLink to="/claims/$claimId" params={{ claimId: c.id }}>
              <Text size="sm" fw={500} lineClamp={2} span>
                {c.description}
              </Text>
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {nameOf(settings.data?.categories, c.category)} · {t(`claims.source.${c.source}`)}
            </Text>
          </Table.Td>
          {showAccount && (
            <Table.Td>
              <AnchorLink to="/accounts/$accountId" params={{ accountId: c.accountId }} search={{ tab: 'claims' }}>
                {c.accountName}
              </AnchorLink>
            </Table.Td>
          )}
          <Table.Td>
            <StatusBadge status={c.status} />
          </Table.Td>
          <Table.Td>
            <Deadline by={c.respondBy} done={c.respondedAt} breached={c.respondBreached} />
          </Table.Td>
          <Table.Td>
            <Deadline by={c.resolveBy} done={c.resolvedAt} breached={c.resolveBreached} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
