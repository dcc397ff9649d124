/** Next steps as a table: what, for which account, whose, by when, and where it stands. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NextStep } from '@common/schemas/next-step';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { NextStepControls } from './NextStepState';

export function NextStepsTable({ steps, showAccount = true }: { steps: NextStep[]; showAccount?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headers = [
    t('nextSteps.what'),
    ...(showAccount ? [t('fields.account')] : []),
    t('nextSteps.owner'),
    t('nextSteps.due'),
    t('fields.status'),
  ];
  return (
    <DataTable headers={headers} minWidth={showAccount ? 720 : 560}>
      {steps.map((s) => (
        <Table.Tr key={s.id} data-testid="next-step-row">
          <Table.Td>{s.text}</Table.Td>
          {showAccount && (
            <Table.Td>
              <AnchorLink to="/accounts/$accountId" params={{ accountId: s.accountId }}>
                {s.accountName}
              </AnchorLink>
            </Table.Td>
          )}
          <Table.Td>{s.ownerName ?? '—'}</Table.Td>
          <Table.Td>
            {s.dueDate ? (
              formatCalendarDate(s.dueDate, locale)
            ) : (
              <Text span c="dimmed">
                {t('nextSteps.noDate')}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <NextStepControls step={s} accountId={s.accountId} text={s.text} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
