/** The first rows of an import as they will be saved, with a field chosen per column. */
import { Badge, Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@common/schemas/import';

interface Props {
  preview: ImportPreview;
  busy: boolean;
  onMapping: (mapping: (string | null)[]) => void;
}

const NONE = '';

export function ImportPreviewTable({ preview, busy, onMapping }: Props) {
  const { t } = useTranslation();
  const options = [
    { value: NONE, label: t('imports.noField') },
    ...preview.fields.map((f) => ({ value: f.key, label: t(`imports.field.${f.key}`) })),
  ];
  const setField = (index: number, field: string | null) => {
    // A field goes to one column: choosing it here takes it from any other.
    const mapping = preview.columns.map((c) => (c.index === index ? field || null : c.field === field ? null : c.field));
    onMapping(mapping);
  };
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.rowNumber')}</Table.Th>
            {preview.columns.map((c) => (
              <Table.Th key={c.index}>
                <Select
                  label={c.header || `#${c.index + 1}`}
                  aria-label={t('imports.fieldFor', { column: c.header || `#${c.index + 1}` })}
                  value={c.field ?? NONE}
                  data={options}
                  allowDeselect={false}
                  disabled={busy}
                  onChange={(v) => setField(c.index, v)}
                  size="xs"
                  miw={140}
                />
              </Table.Th>
            ))}
            <Table.Th>{t('imports.rowState')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => (
            <Table.Tr key={row.rowNumber}>
              <Table.Td>{row.rowNumber}</Table.Td>
              {preview.columns.map((c) => (
                <Table.Td key={c.index} style={{ whiteSpace: 'pre-wrap' }}>
                  {c.field ? String(row.values[c.field === 'accountId' ? 'account' : c.field] ?? '') : ''}
                </Table.Td>
              ))}
              <Table.Td>
                {row.errors.length > 0 ? (
                  <Badge color="red">{t('imports.hasErrors')}</Badge>
                ) : row.duplicate ? (
                  <Badge color="gray">{t('imports.duplicate')}</Badge>
                ) : (
                  <Badge color="green">{t('imports.ok')}</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
