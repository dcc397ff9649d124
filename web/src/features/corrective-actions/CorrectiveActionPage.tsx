/** One corrective action: its plan, its claims, and its effectiveness check (computed now while open, frozen once recorded). */
import { useState, type ReactNode } from 'react';
import { Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction } from '@common/schemas/corrective-action';
import { Details } from '../../components/Details';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { claimSettingsQuery, useNameOf } from '../claims/api';
import { StatusOf } from './ActionsTable';
import { checkPreviewQuery, correctiveActionQuery } from './api';
import { CheckFiguresView } from './CheckFiguresView';
import { RecordCheckDialog } from './RecordCheckDialog';

const route = getRouteApi('/app/corrective-actions/$actionId');

function CheckSection({ action }: { action: CorrectiveAction }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [sameAccount, setSameAccount] = useState(false);
  const [recording, setRecording] = useState(false);
  const open = action.status === 'open';
  const preview = useQuery({ ...checkPreviewQuery(action.id, sameAccount), enabled: open });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('correctiveActions.check.title')}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('correctiveActions.check.title')}
        </Title>
        {action.can.check && (
          <Button size="compact-sm" onClick={() => setRecording(true)}>
            {t('correctiveActions.check.record')}
          </Button>
        )}
      </Group>
      {open ? (
        <Stack gap="sm">
          {action.scope === 'claim' && (
            <Switch
              label={t('correctiveActions.check.sameAccount')}
              checked={sameAccount}
              onChange={(e) => setSameAccount(e.currentTarget.checked)}
            />
          )}
          <RecordGate query={preview}>
            {(f) => (
              <>
                <Text size="sm" c="dimmed">
                  {t('correctiveActions.check.asOf', { date: formatDateTime(f.asOf, locale) })}
                </Text>
                <CheckFiguresView figures={f} />
              </>
            )}
          </RecordGate>
        </Stack>
      ) : (
        action.checkFigures && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('correctiveActions.check.frozen', { date: formatDateTime(action.checkFigures.asOf, locale) })}
            </Text>
            <CheckFiguresView figures={action.checkFigures} />
          </Stack>
        )
      )}
      {recording && <RecordCheckDialog opened action={action} sameAccount={sameAccount} onClose={() => setRecording(false)} />}
    </Paper>
  );
}

function ActionDetails({ action }: { action: CorrectiveAction }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const settings = useQuery(claimSettingsQuery);
  const nameOf = useNameOf();
  const link = (id: string, label: string) => (
    <AnchorLink key={id} to="/corrective-actions/$actionId" params={{ actionId: id }}>
      {label}
    </AnchorLink>
  );
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" data-testid="corrective-action-details">
        <Stack gap="sm">
          <Group gap="xs">
            <StatusOf action={action} />
          </Group>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{action.what}</Text>
          <Details
            items={[
              [
                t('correctiveActions.fields.scope'),
                action.scope === 'claim' ? t('correctiveActions.forClaim') : t('correctiveActions.forRootCause'),
              ],
              [t('correctiveActions.fields.rootCause'), nameOf(settings.data?.rootCauses, action.rootCause)],
              [
                t('correctiveActions.fields.claims'),
                <Group key="c" gap="xs">
                  {action.claims.map((c) => (
                    <AnchorLink key={c.id} to="/claims/$claimId" params={{ claimId: c.id }}>
                      {c.accountName}
                    </AnchorLink>
                  ))}
                  {action.claims.length === 0 && '—'}
                </Group>,
              ],
              [t('correctiveActions.fields.owner'), action.ownerName],
              [t('correctiveActions.fields.dueOn'), formatCalendarDate(action.dueOn, locale)],
              [t('correctiveActions.fields.checkOn'), formatCalendarDate(action.checkOn, locale)],
              [t('correctiveActions.fields.checkedAt'), action.checkedAt ? formatDateTime(action.checkedAt, locale) : '—'],
              [t('correctiveActions.fields.note'), action.checkNote ?? '—'],
              ...(action.followUpOfId
                ? [[t('correctiveActions.followUpOf'), link(action.followUpOfId, t('correctiveActions.open'))] as [string, ReactNode]]
                : []),
              ...(action.followUpId
                ? [[t('correctiveActions.followedBy'), link(action.followUpId, t('correctiveActions.open'))] as [string, ReactNode]]
                : []),
            ]}
          />
        </Stack>
      </Paper>
      <CheckSection action={action} />
    </Stack>
  );
}

export function CorrectiveActionPage() {
  const { t } = useTranslation();
  const { actionId } = route.useParams();
  const action = useQuery(correctiveActionQuery(actionId));
  return (
    <>
      <PageHeader title={t('correctiveActions.one')} />
      <RecordGate query={action}>{(a) => <ActionDetails action={a} />}</RecordGate>
    </>
  );
}
