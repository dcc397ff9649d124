/** The root of the route tree and the staff shell every staff page hangs under. */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, lazyRouteComponent, redirect, type ParsedLocation } from '@tanstack/react-router';
import { ApiError } from './api/client';
import { ErrorPage, NotFoundPage } from './components/RouteStates';
import { meQuery, mustEnrolTwoFactor } from './features/auth/session';
import { applyLanguage, messagesReady } from './i18n';
import type { RouterContext } from './lib/routing';

/** Loads the signed-in user or sends the visitor to sign in, remembering where they were. */
export async function requireSession(queryClient: QueryClient, location: ParsedLocation) {
  try {
    const me = await queryClient.ensureQueryData(meQuery);
    await applyLanguage(me.user.language);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      throw redirect({ to: '/sign-in', search: { next: location.href } });
    }
    throw e;
  }
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  // Pages show API problems and validation in words from the shared catalogue (see i18n).
  beforeLoad: () => messagesReady,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

/** Everything staff see, inside the shell with the navigation. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await requireSession(context.queryClient, location);
    // A client never sees internal pages, whatever URL they type.
    if (me.user.role === 'client') throw redirect({ to: '/portal' });
    // Required two-factor sign-in comes before anything else (the API refuses the rest).
    if (mustEnrolTwoFactor(me) && location.pathname !== '/security') throw redirect({ to: '/security' });
  },
  component: lazyRouteComponent(() => import('./components/Shell'), 'Shell'),
});

/** The parent of every staff page; feature route modules hang their pages under it. */
export type AppRoute = typeof appRoute;
