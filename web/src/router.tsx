/** Every page of the app; each page is its own lazily loaded chunk. */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type ParsedLocation,
} from '@tanstack/react-router';
import { ApiError } from './api/client';
import { ErrorPage, NotFoundPage, PageLoader } from './components/RouteStates';
import { homeFor, meQuery, mustEnrolTwoFactor } from './features/auth/session';
import { billingRoutes } from './features/billing/routes';
import { deliveryRoutes } from './features/delivery/routes';
import { applyLanguage } from './i18n';
import { onlyFor, textParams, type RouterContext } from './lib/routing';

/** Loads the signed-in user or sends the visitor to sign in, remembering where they were. */
async function requireSession(queryClient: QueryClient, location: ParsedLocation) {
  try {
    const me = await queryClient.ensureQueryData(meQuery);
    applyLanguage(me.user.language);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      throw redirect({ to: '/sign-in', search: { next: location.href } });
    }
    throw e;
  }
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: textParams('next'),
  component: lazyRouteComponent(() => import('./features/auth/SignInPage'), 'SignInPage'),
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'setup',
  component: lazyRouteComponent(() => import('./features/auth/SetupPage'), 'SetupPage'),
});

const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal',
  beforeLoad: async ({ context, location }) => {
    const me = await requireSession(context.queryClient, location);
    if (me.user.role !== 'client') throw redirect({ to: homeFor(me.user.role) });
  },
  component: lazyRouteComponent(() => import('./features/portal/PortalPage'), 'PortalPage'),
});

/** Everything staff see, inside the shell with the navigation. */
const appRoute = createRoute({
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

const page = <P extends string>(path: P, component: ReturnType<typeof lazyRouteComponent>) =>
  createRoute({ getParentRoute: () => appRoute, path, component });

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const me = context.queryClient.getQueryData(meQuery.queryKey);
    throw redirect({ to: me ? homeFor(me.user.role) : '/accounts' });
  },
});

const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'accounts',
  validateSearch: textParams('q', 'status', 'ownerId', 'sort'),
  component: lazyRouteComponent(() => import('./features/accounts/AccountsPage'), 'AccountsPage'),
});
const accountNewRoute = page(
  'accounts/new',
  lazyRouteComponent(() => import('./features/accounts/AccountCreatePage'), 'AccountCreatePage'),
);
const accountRoute = page(
  'accounts/$accountId',
  lazyRouteComponent(() => import('./features/accounts/AccountPage'), 'AccountPage'),
);
const accountEditRoute = page(
  'accounts/$accountId/edit',
  lazyRouteComponent(() => import('./features/accounts/AccountEditPage'), 'AccountEditPage'),
);

const contactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'contacts',
  validateSearch: textParams('q'),
  component: lazyRouteComponent(() => import('./features/contacts/ContactsPage'), 'ContactsPage'),
});
const contactNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'contacts/new',
  validateSearch: textParams('accountId'),
  component: lazyRouteComponent(() => import('./features/contacts/ContactCreatePage'), 'ContactCreatePage'),
});
const contactRoute = page(
  'contacts/$contactId',
  lazyRouteComponent(() => import('./features/contacts/ContactPage'), 'ContactPage'),
);
const contactEditRoute = page(
  'contacts/$contactId/edit',
  lazyRouteComponent(() => import('./features/contacts/ContactEditPage'), 'ContactEditPage'),
);

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'users',
  beforeLoad: onlyFor('admin'),
  component: lazyRouteComponent(() => import('./features/users/UsersPage'), 'UsersPage'),
});
const userNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'users/new',
  beforeLoad: onlyFor('admin'),
  component: lazyRouteComponent(() => import('./features/users/UserCreatePage'), 'UserCreatePage'),
});

const tokensRoute = page(
  'tokens',
  lazyRouteComponent(() => import('./features/tokens/TokensPage'), 'TokensPage'),
);

const securityRoute = page(
  'security',
  lazyRouteComponent(() => import('./features/security/SecurityPage'), 'SecurityPage'),
);

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'audit',
  beforeLoad: onlyFor('admin'),
  validateSearch: textParams('recordType', 'recordId', 'actorId'),
  component: lazyRouteComponent(() => import('./features/audit/AuditPage'), 'AuditPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  setupRoute,
  portalRoute,
  appRoute.addChildren([
    homeRoute,
    accountsRoute,
    accountNewRoute,
    accountRoute,
    accountEditRoute,
    contactsRoute,
    contactNewRoute,
    contactRoute,
    contactEditRoute,
    usersRoute,
    userNewRoute,
    tokensRoute,
    securityRoute,
    auditRoute,
    ...deliveryRoutes(appRoute),
    ...billingRoutes(appRoute),
  ]),
]);

/** The app's router; the query client is shared so route guards can read the cache. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: PageLoader,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
