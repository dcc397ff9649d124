/** What route definitions share: the router's context, typed search parameters and role guards. */
import type { QueryClient } from '@tanstack/react-query';
import { notFound } from '@tanstack/react-router';
import type { Role } from '@common/enums';
import { meQuery } from '../features/auth/session';

export interface RouterContext {
  queryClient: QueryClient;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Accepts the named text parameters of a page's URL, all optional, and drops anything else. */
export const textParams =
  <K extends string>(...keys: K[]) =>
  (search: Record<string, unknown>): Partial<Record<K, string>> =>
    Object.fromEntries(keys.map((k) => [k, text(search[k])]).filter(([, v]) => v !== undefined));

/** Pages only some roles may see answer "not found" to others, as the API does. */
export const onlyFor =
  (...roles: Role[]) =>
  ({ context }: { context: RouterContext }) => {
    const me = context.queryClient.getQueryData(meQuery.queryKey);
    if (!me || !roles.includes(me.user.role)) throw notFound();
  };
