/**
 * The staff member's notification choices: per kind, in the bell and in the morning digest, the
 * digest's hour and their time zone. Each change is saved as it is made.
 */
import { Alert, Select, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STAFF_NOTICE_KINDS } from '@common/schemas/inbox';
import { describeError } from '../../components/describe-error';
import { PageLoader } from '../../components/RouteStates';
import { Section } from '../../components/Section';
import { inboxPreferencesQuery, useUpdateInboxPreferences } from './api';

const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));
const AGENCY = 'agency';
/** The zones the browser knows; the server checks the one chosen again. */
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function InboxPreferencesSection() {
  const { t } = useTranslation();
  const query = useQuery(inboxPreferencesQuery);
  const update = useUpdateInboxPreferences();
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return (
      <Alert color="red" role="alert" title={t('errors.loadFailed')}>
        {describeError(query.error, t)}
      </Alert>
    );
  const prefs = query.data;
  const zoneOptions = [
    { value: AGENCY, label: t('inbox.settings.agencyZone', { zone: prefs.timeZone ? '' : prefs.effectiveTimeZone }).trim() },
    ...ZONES.map((z) => ({ value: z, label: z.replace(/_/g, ' ') })),
  ];
  return (
    <Section title={t('inbox.settings.title')}>
      <Stack gap="md" data-testid="inbox-preferences">
        <Text size="sm">{t('inbox.settings.intro')}</Text>
        <Table withTableBorder={false} verticalSpacing="xs" maw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inbox.settings.kindColumn')}</Table.Th>
              <Table.Th>{t('inbox.settings.inApp')}</Table.Th>
              <Table.Th>{t('inbox.settings.digest')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {STAFF_NOTICE_KINDS.map((kind) => (
              <Table.Tr key={kind}>
                <Table.Td>
                  <Text size="sm">{t(`inbox.kind.${kind}`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`inbox.kindHelp.${kind}`)}
                  </Text>
                </Table.Td>
                {(['inApp', 'digest'] as const).map((channel) => (
                  <Table.Td key={channel}>
                    <Switch
                      aria-label={t(`inbox.settings.${channel}Of`, { kind: t(`inbox.kind.${kind}`) })}
                      checked={prefs[channel][kind]}
                      disabled={update.isPending}
                      onChange={(e) => update.mutate({ [channel]: { [kind]: e.currentTarget.checked } })}
                      data-testid={`inbox-${channel}-${kind}`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={560}>
          <Select
            label={t('inbox.settings.hour')}
            description={t('inbox.settings.hourHelp')}
            data={HOURS}
            value={String(prefs.digestHour)}
            allowDeselect={false}
            disabled={update.isPending}
            onChange={(v) => v !== null && update.mutate({ digestHour: Number(v) })}
            data-testid="inbox-digest-hour"
          />
          <Select
            label={t('inbox.settings.zone')}
            description={t('inbox.settings.zoneHelp', { zone: prefs.effectiveTimeZone })}
            data={zoneOptions}
            value={prefs.timeZone ?? AGENCY}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('inbox.settings.noZone')}
            disabled={update.isPending}
            onChange={(v) => v !== null && update.mutate({ timeZone: v === AGENCY ? null : v })}
            data-testid="inbox-time-zone"
          />
        </SimpleGrid>
      </Stack>
    </Section>
  );
}
