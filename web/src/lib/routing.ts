/** What route definitions share: the router's context, typed search parameters and guards by what the user may do. */
import type { QueryClient } from '@tanstack/react-query';
import { notFound } from '@tanstack/react-router';
import type { SessionAbilities } from '@common/schemas/auth';
import { meQuery } from '../features/auth/session';

export interface RouterContext {
  queryClient: QueryClient;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Accepts the named text parameters of a page's URL, all optional, and drops anything else. */
export const textParams =
  <K extends string>(...keys: K[]) =>
  (search: Record<string, unknown>): Partial<Record<K, string>> => {
    const params: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const v = text(search[k]);
      if (v !== undefined) params[k] = v;
    }
    return params;
  };

/** A page for those the server says may do `ability` (`me.can`) answers "not found" to others, as the API does. */
export const onlyIfCan =
  (ability: keyof SessionAbilities) =>
  ({ context }: { context: RouterContext }) => {
    const me = context.queryClient.getQueryData(meQuery.queryKey);
    if (!me?.can[ability]) throw notFound();
  };
