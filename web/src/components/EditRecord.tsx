/** The frame of an edit page: loads the record, titles the page and hosts its form. */
import { Fragment, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { PageHeader } from './PageHeader';
import { RecordGate } from './RecordGate';

interface Props<T> {
  query: UseQueryResult<T>;
  title: (record: T) => string;
  children: (record: T, reload: () => Promise<unknown>) => ReactNode;
}

export function EditRecord<T extends { version: number }>({ query, title, children }: Props<T>) {
  return (
    <RecordGate query={query}>
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
