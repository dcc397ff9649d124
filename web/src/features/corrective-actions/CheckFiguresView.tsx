/** The effectiveness check's figures: the claims of the root cause since the action, and satisfaction before and after it. */
import { List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckFigures, SatisfactionFigures } from '@common/schemas/corrective-action';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';

function Figure({ value, count }: { value: number | null; count: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (value === null) return <Text c="dimmed">{t('correctiveActions.check.noAnswers')}</Text>;
  return (
    <Text>
      <b>{formatNumber(value, locale)}</b>{' '}
      <Text span size="sm" c="dimmed">
        ({t('correctiveActions.check.answers', { count })})
      </Text>
    </Text>
  );
}

export function CheckFiguresView({ figures }: { figures: CheckFigures }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const row = (label: string, f: SatisfactionFigures) => (
    <Table.Tr key={label}>
      <Table.Td>{label}</Table.Td>
      <Table.Td>
        <Figure value={f.csatAverage} count={f.csatCount} />
      </Table.Td>
      <Table.Td>
        <Figure value={f.nps} count={f.npsCount} />
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="sm" data-testid="check-figures">
      <Title order={3} size="h5">
        {t('correctiveActions.check.recurrence')}: {t('correctiveActions.check.recurrenceCount', { count: figures.recurrenceCount })}
      </Title>
      {!figures.rootCause ? (
        <Text c="dimmed">{t('correctiveActions.check.noRootCause')}</Text>
      ) : figures.recurrences.length === 0 ? (
        <Text c="dimmed">{t('correctiveActions.check.noRecurrence')}</Text>
      ) : (
        <List size="sm">
          {figures.recurrences.map((c) => (
            <List.Item key={c.id}>
              <AnchorLink to="/claims/$claimId" params={{ claimId: c.id }}>
                {t('correctiveActions.check.claimOf', { date: formatDate(c.createdAt, locale) })}
              </AnchorLink>
            </List.Item>
          ))}
        </List>
      )}
      <Title order={3} size="h5">
        {t('correctiveActions.check.satisfaction')}
      </Title>
      <DataTable
        headers={[t('correctiveActions.check.period'), t('correctiveActions.check.csat'), t('correctiveActions.check.nps')]}
        minWidth={480}
      >
        {row(t('correctiveActions.check.before'), figures.before)}
        {row(t('correctiveActions.check.after'), figures.after)}
      </DataTable>
    </Stack>
  );
}
