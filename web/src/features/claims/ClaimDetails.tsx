/** One claim as staff see it: what, for whom, deadlines, root cause and who was involved, with the move the user may make. */
import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Claim } from '@common/schemas/claim';
import { Details } from '../../components/Details';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { claimSettingsQuery, useNameOf } from './api';
import { Deadline } from './Deadline';
import { EditClaimLinksDialog } from './EditClaimLinksDialog';
import { MoveClaimDialog } from './MoveClaimDialog';
import { SeverityBadge, StatusBadge } from './SeverityBadge';

export function ClaimDetails({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const settings = useQuery(claimSettingsQuery);
  const nameOf = useNameOf();
  const [moving, setMoving] = useState(false);
  const [editing, setEditing] = useState(false);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '—');
  const names = (list: { name: string }[]) => (list.length ? list.map((x) => x.name).join(', ') : '—');
  return (
    <Stack gap="md" data-testid="claim-details">
      <Group gap="xs">
        <StatusBadge status={claim.status} />
        <SeverityBadge severity={claim.severity} />
        {claim.can.moveStatus && claim.status !== 'closed' && (
          <Button size="compact-sm" onClick={() => setMoving(true)}>
            {t('claims.move')}
          </Button>
        )}
        {claim.can.update && (
          <Button size="compact-sm" variant="default" onClick={() => setEditing(true)}>
            {t('claims.analysis.edit')}
          </Button>
        )}
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{claim.description}</Text>
      <Details
        items={[
          [
            t('claims.fields.account'),
            <AnchorLink key="a" to="/accounts/$accountId" params={{ accountId: claim.accountId }} search={{ tab: 'claims' }}>
              {claim.accountName}
            </AnchorLink>,
          ],
          [t('claims.fields.category'), nameOf(settings.data?.categories, claim.category)],
          [t('claims.fields.source'), t(`claims.source.${claim.source}`)],
          [t('claims.fields.project'), claim.projectName ?? '—'],
          [t('claims.fields.registered'), when(claim.createdAt)],
          [
            t('claims.fields.respondBy'),
            <Deadline key="r" by={claim.respondBy} done={claim.respondedAt} breached={claim.respondBreached} />,
          ],
          [
            t('claims.fields.resolveBy'),
            <Deadline key="s" by={claim.resolveBy} done={claim.resolvedAt} breached={claim.resolveBreached} />,
          ],
          [t('claims.fields.respondedAt'), when(claim.respondedAt)],
          [t('claims.fields.resolvedAt'), when(claim.resolvedAt)],
          [
            t('claims.fields.closedAt'),
            claim.closedAt ? `${when(claim.closedAt)} (${t(`claims.closedHow.${claim.closedHow ?? 'staff'}`)})` : '—',
          ],
          [t('claims.fields.rootCause'), nameOf(settings.data?.rootCauses, claim.rootCause)],
          [t('claims.fields.rootCauseNote'), claim.rootCauseNote ?? '—'],
          [t('claims.fields.resolution'), claim.resolution ?? '—'],
          [t('claims.fields.specialists'), names(claim.specialists)],
          [t('claims.fields.projects'), names(claim.projects)],
          [t('claims.fields.internalNote'), claim.internalNote ?? '—'],
        ]}
      />
      {moving && <MoveClaimDialog opened claim={claim} onClose={() => setMoving(false)} />}
      {editing && <EditClaimLinksDialog opened claim={claim} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
