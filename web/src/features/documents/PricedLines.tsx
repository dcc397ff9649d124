/** Priced lines as a table: description, quantity, unit price and amount in the record's currency. */
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { formatMoney } from '../../lib/format';

export interface PricedLine {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  totalMinor: number;
}

export function PricedLines({ lines, currency, total }: { lines: PricedLine[]; currency: string; total?: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (v: number) => formatMoney(v, currency, locale);
  // No sideways scrolling: four short columns in small type wrap to fit a phone, so the client reads every line where it is.
  return (
    <Table striped verticalSpacing="xs" horizontalSpacing={6} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('invoices.description')}</Table.Th>
          <Table.Th>{t('invoices.quantity')}</Table.Th>
          <Table.Th>{t('invoices.unitPrice')}</Table.Th>
          <Table.Th ta="right">{t('invoices.lineTotal')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l, i) => (
          <Table.Tr key={i}>
            <Table.Td>{l.description}</Table.Td>
            <Table.Td>{l.quantity.toLocaleString(locale)}</Table.Td>
            <Table.Td>{money(l.unitPriceMinor)}</Table.Td>
            <Table.Td ta="right">{money(l.totalMinor)}</Table.Td>
          </Table.Tr>
        ))}
        {total !== undefined && (
          <Table.Tr>
            <Table.Th colSpan={3} scope="row">
              {t('documents.total')}
            </Table.Th>
            <Table.Td ta="right" fw={700} data-testid="lines-total">
              {money(total)}
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
