/** The frame of an edit page: loads the record, titles the page and hosts its form, for those the record lets change it. */
import { Fragment, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { PageHeader } from './PageHeader';
import { RecordGate } from './RecordGate';

interface Props<T> {
  query: UseQueryResult<T>;
  /** Whether the record lets the user change it (its `can.update`); others get "not found". */
  editable: (record: T) => boolean;
  title: (record: T) => string;
  children: (record: T, reload: () => Promise<unknown>) => ReactNode;
}

export function EditRecord<T extends { version: number }>({ query, editable, title, children }: Props<T>) {
  return (
    <RecordGate query={query} allowed={editable}>
      {(record) => (
        <>
          <PageHeader title={title(record)} />
          {/* Keyed by version: after a collision, "reload" starts the form from the newer record,
              and the form always saves against the version it shows. */}
          <Fragment key={record.version}>{children(record, () => query.refetch())}</Fragment>
        </>
      )}
    </RecordGate>
  );
}
