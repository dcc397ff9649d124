/** A table header that sorts by its column; announces the direction to screen readers. */
import { Table, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './SortableTh.module.css';

interface Props {
  field: string;
  label: string;
  /** The current sort: `field` ascending, `-field` descending. */
  sort: string;
  onSort: (sort: string) => void;
}

export function SortableTh({ field, label, sort, onSort }: Props) {
  const { t } = useTranslation();
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
  const next = direction === 'ascending' ? `-${field}` : field;
  return (
    <Table.Th aria-sort={direction ?? 'none'}>
      <UnstyledButton className={classes.button} onClick={() => onSort(next)} aria-label={t('common.sortBy', { column: label })}>
        {label}
        <span aria-hidden="true" className={classes.arrow}>
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
