/** The signed-in user: loading, signing in and out, and where each starts. What they may do comes from the server (`me.can`). */
import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { Language, Role } from '@common/enums';
import type { Me } from '@common/schemas/auth';
import { api } from '../../api/client';
import { applyLanguage } from '../../i18n';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => api.get<Me>('/auth/me'),
  staleTime: 5 * 60_000,
  retry: false,
});

/** Whether the installation still needs its first administrator. */
export const setupQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: () => api.get<{ needed: boolean }>('/setup'),
  staleTime: Infinity,
});

/** The signed-in user; only used below routes that have loaded it. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

/** The agency requires two-factor sign-in for this user and it is not set up: only enrolment is open. */
export const mustEnrolTwoFactor = (me: Me) => me.twoFactor.required && !me.twoFactor.enabled;

/**
 * Where each role starts when no page was asked for: the page of their daily work. Managers
 * and admins start at Today, finance at what is owed, a specialist at their tasks and a client
 * at their company's portal.
 */
const HOME = {
  admin: '/today',
  account_manager: '/today',
  finance: '/receivables',
  specialist: '/my-work',
  client: '/portal',
} as const satisfies Record<Role, string>;

/** Where a user lands after signing in when no page was asked for (and where `/` and the logo lead). */
export const homeFor = (role: Role) => HOME[role];

/**
 * A `next` path from the URL, only if it points inside this app: an attacker's link
 * must not turn sign-in into a redirect to another site.
 */
export function safeNext(next: unknown): string | undefined {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return undefined;
  if (next.startsWith('/sign-in') || next.startsWith('/setup')) return undefined;
  return next;
}

/** Saves the language on the user's profile so it follows them to other devices. */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => api.patch<Me>('/auth/me', { language }),
    onMutate: (language) => applyLanguage(language),
    onSuccess: (me) => queryClient.setQueryData(meQuery.queryKey, me),
  });
}

/** Ends the session, leaves for the sign-in page and forgets every cached record of the user. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: async () => {
      // Leave first: pages still on screen would otherwise refetch and meet a 401.
      await navigate({ to: '/sign-in', search: { next: undefined } });
      queryClient.clear();
    },
  });
}
