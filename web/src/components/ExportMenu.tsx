/** "Export" beside a list's heading: the list with its current filters as CSV, CSV for Excel (;) or an Excel workbook. */
import { Button, Menu, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { buildUrl, type Query } from '../api/client';

const FORMATS = [
  { key: 'csv', label: 'exports.csv', extension: '.csv', query: {} },
  { key: 'csv-semicolon', label: 'exports.csvSemicolon', extension: '.csv', query: { delimiter: 'semicolon' } },
  { key: 'xlsx', label: 'exports.xlsx', extension: '.xlsx', query: {} },
] as const;

/**
 * `path` is the list's API path (`/accounts`); `query` its current filters and order. Paging is
 * dropped: the file holds every row of the list, as the server streams it. `label` names what is
 * exported where a page shows more than one list (an account's interactions on its timeline).
 */
export function ExportMenu({ path, query, label, size }: { path: string; query: Query; label?: string; size?: ButtonProps['size'] }) {
  const { t } = useTranslation();
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size={size} data-testid="export-menu">
          {label ?? t('exports.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {FORMATS.map((f) => (
          <Menu.Item key={f.key} component="a" href={buildUrl(`${path}${f.extension}`, { ...filters, ...f.query })} download>
            {t(f.label)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
