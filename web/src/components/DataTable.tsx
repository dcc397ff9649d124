/** A striped table that scrolls sideways on narrow screens; headers are labels or ready-made cells. */
import { Fragment, type ReactNode } from 'react';
import { Table } from '@mantine/core';

interface Props {
  /** Column headers: text, or a cell of its own such as a sortable header. */
  headers: ReactNode[];
  minWidth?: number;
  children: ReactNode;
}

export function DataTable({ headers, minWidth = 640, children }: Props) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {headers.map((header, i) =>
              typeof header === 'string' ? <Table.Th key={i}>{header}</Table.Th> : <Fragment key={i}>{header}</Fragment>,
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
