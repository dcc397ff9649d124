/** "Export" beside a list's heading: the list with its current filters as CSV, CSV for Excel (;) or an Excel workbook. */
import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { buildUrl, type Query } from '../api/client';

const FORMATS = [
  { key: 'csv', label: 'exports.csv', extension: '.csv', query: {} },
  { key: 'csv-semicolon', label: 'exports.csvSemicolon', extension: '.csv', query: { delimiter: 'semicolon' } },
  { key: 'xlsx', label: 'exports.xlsx', extension: '.xlsx', query: {} },
] as const;

/**
 * `path` is the list's API path (`/accounts`); `query` its current filters and order. Paging is
 * dropped: the file holds every row of the list, as the server streams it.
 */
export function ExportMenu({ path, query }: { path: string; query: Query }) {
  const { t } = useTranslation();
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" data-testid="export-menu">
          {t('exports.menu')}
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
