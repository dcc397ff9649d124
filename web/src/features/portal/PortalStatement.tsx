/** The company's statement for the last year: what was invoiced and paid, and the balance after each entry. */
import { Anchor, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { csvUrl, statementQuery } from '../billing/api';
import { StatementEntries, StatementSummary } from '../billing/StatementParts';

export function PortalStatement({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery(statementQuery(accountId, {}));
  return (
    <Section title={t('statement.short')}>
      <RecordGate query={query}>
        {(s) => (
          <>
            <Group justify="space-between" gap="xs" mb="sm">
              <Text size="sm">
                {t('portal.invoices.statementPeriod', { from: formatCalendarDate(s.from, locale), to: formatCalendarDate(s.to, locale) })}
              </Text>
              <Anchor size="sm" href={csvUrl(`/accounts/${accountId}/statement.csv`, { from: s.from, to: s.to })} download>
                {t('statement.csv')}
              </Anchor>
            </Group>
            <StatementSummary statement={s} />
            <StatementEntries statement={s} minWidth={560} reference={(e) => e.reference ?? '—'} />
          </>
        )}
      </RecordGate>
    </Section>
  );
}
