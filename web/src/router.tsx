/** Every page of the app; each page is its own lazily loaded chunk. */
import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, lazyRouteComponent, redirect, type AnyRouter } from '@tanstack/react-router';
import { cursorListQuery } from './api/use-cursor-list';
import { NotFoundPage, PageLoader } from './components/RouteStates';
import { accountQuery } from './features/accounts/api';
import { homeFor, meQuery } from './features/auth/session';
import { todayQuery } from './features/today/api';
import { appRoute, rootRoute } from './shell-routes';
import { billingRoutes } from './features/billing/routes';
import { dealRoutes } from './features/deals/routes';
import { salesReportRoutes } from './features/deals/report-routes';
import { satisfactionReportRoutes } from './features/satisfaction-report/routes';
import { claimRoutes } from './features/claims/routes';
import { correctiveActionRoutes } from './features/corrective-actions/routes';
import { deliveryRoutes } from './features/delivery/routes';
import { documentRoutes } from './features/documents/routes';
import { objectionRoutes } from './features/objections/routes';
import { portalRoutes } from './features/portal/routes';
import { serviceRoutes } from './features/services/routes';
import { publicSurveyRoute, surveyRoutes } from './features/surveys/routes';
import { privacyRoutes } from './features/privacy/routes';
import { loyaltyRoutes } from './features/loyalty/routes';
import { importRoutes } from './features/imports/routes';
import { todayRoutes } from './features/today/routes';
import { proposalRoutes, publicProposalRoute } from './features/proposals/routes';
import { inboxRoutes } from './features/inbox/routes';
import { webhookRoutes } from './features/webhooks/routes';
import { dropboxRoutes } from './features/dropbox/routes';
import { onlyIfCan, textParams } from './lib/routing';

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

// Pages opened from emailed links, and the one that asks for a reset link: anyone may open them.
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'forgot-password',
  component: lazyRouteComponent(() => import('./features/auth/ForgotPasswordPage'), 'ForgotPasswordPage'),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'reset-password',
  component: lazyRouteComponent(() => import('./features/auth/ResetPasswordPage'), 'ResetPasswordPage'),
});
const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'invitation',
  component: lazyRouteComponent(() => import('./features/auth/AcceptInvitationPage'), 'AcceptInvitationPage'),
});

const unsubscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'unsubscribe',
  component: lazyRouteComponent(() => import('./features/notifications/UnsubscribePage'), 'UnsubscribePage'),
});

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

const accountListSearch = textParams('q', 'status', 'ownerId', 'sort');

const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'accounts',
  validateSearch: accountListSearch,
  // The list's first page (the page's own query) is asked for while the page's code downloads.
  loader: ({ context, location }) => {
    const search = accountListSearch(location.search);
    const query = { ...search, sort: search.sort ?? 'name', limit: 50 };
    void context.queryClient.prefetchInfiniteQuery(cursorListQuery(['accounts', 'list'], '/accounts', query));
  },
  component: lazyRouteComponent(() => import('./features/accounts/AccountsPage'), 'AccountsPage'),
});
const accountNewRoute = page(
  'accounts/new',
  lazyRouteComponent(() => import('./features/accounts/AccountCreatePage'), 'AccountCreatePage'),
);
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'accounts/$accountId',
  validateSearch: textParams('tab', 'kinds'),
  // The account is asked for while the page's code downloads; the page shows its own loading state.
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(accountQuery(params.accountId));
  },
  component: lazyRouteComponent(() => import('./features/accounts/AccountPage'), 'AccountPage'),
});
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
  beforeLoad: onlyIfCan('manageUsers'),
  component: lazyRouteComponent(() => import('./features/users/UsersPage'), 'UsersPage'),
});
const userNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'users/new',
  beforeLoad: onlyIfCan('manageUsers'),
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

const todayRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'today',
  validateSearch: textParams('kind', 'as'),
  loader: ({ context, location }) => {
    void context.queryClient.prefetchQuery(todayQuery(textParams('as')(location.search).as));
  },
  component: lazyRouteComponent(() => import('./features/today/TodayPage'), 'TodayPage'),
});

const nextStepsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'next-steps',
  beforeLoad: onlyIfCan('seeInteractions'),
  validateSearch: textParams('whose', 'state'),
  component: lazyRouteComponent(() => import('./features/next-steps/NextStepsPage'), 'NextStepsPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'audit',
  beforeLoad: onlyIfCan('seeAuditLog'),
  validateSearch: textParams('recordType', 'recordId', 'actorId'),
  component: lazyRouteComponent(() => import('./features/audit/AuditPage'), 'AuditPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  setupRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  invitationRoute,
  unsubscribeRoute,
  publicSurveyRoute,
  publicProposalRoute,
  ...portalRoutes(),
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
    todayRoute,
    nextStepsRoute,
    ...deliveryRoutes(appRoute),
    ...billingRoutes(appRoute),
    ...documentRoutes(appRoute),
    ...dealRoutes(appRoute),
    ...objectionRoutes(appRoute),
    ...serviceRoutes(appRoute),
    ...salesReportRoutes(appRoute),
    ...satisfactionReportRoutes(appRoute),
    ...claimRoutes(appRoute),
    ...correctiveActionRoutes(appRoute),
    ...surveyRoutes(appRoute),
    ...loyaltyRoutes(appRoute),
    ...proposalRoutes(appRoute),
    ...inboxRoutes(appRoute),
    ...todayRoutes(appRoute),
    ...webhookRoutes(appRoute),
    ...dropboxRoutes(appRoute),
    ...importRoutes(appRoute),
    ...privacyRoutes(appRoute),
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

/**
 * Starts downloading the code of the page at `pathname` (and of the shell around it) at once,
 * in parallel with the session check that the router does first.
 */
export function preloadPageCode(router: AnyRouter, pathname: string) {
  const [routes] = router.getMatchedRoutes(pathname);
  for (const route of routes) router.loadRouteChunk(route)?.catch(() => undefined);
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
