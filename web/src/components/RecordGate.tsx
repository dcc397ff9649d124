/**
 * Shows a record once loaded: a loader before, "not found" for a missing or denied id, and
 * "not found" too when `allowed` says the page is not for this user (an edit page of a record
 * they may only read), as route guards answer.
 */
import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useBackgroundReady } from '../lib/use-background-ready';
import { describeError } from './describe-error';
import { NotFoundPage, PageLoader } from './RouteStates';

interface Props<T> {
  query: UseQueryResult<T>;
  allowed?: (record: T) => boolean;
  children: (record: T) => ReactNode;
}

export function RecordGate<T>({ query, allowed, children }: Props<T>) {
  const { t } = useTranslation();
  const loaded = useBackgroundReady(!query.isPending);
  if (query.isPending || !loaded) return <PageLoader />;
  if (query.isError) {
    // The API answers 404 both for ids that do not exist and for records the user may not see.
    if (query.error instanceof ApiError && query.error.isNotFound) return <NotFoundPage />;
    return (
      <Alert color="red" role="alert" title={t('errors.loadFailed')}>
        {describeError(query.error, t)}
      </Alert>
    );
  }
  if (allowed && !allowed(query.data)) return <NotFoundPage />;
  return <>{children(query.data)}</>;
}
