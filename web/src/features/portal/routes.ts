/** The client portal's pages, for client users only; each is its own lazily loaded chunk. */
import { createRoute, lazyRouteComponent, redirect, type ParsedLocation } from '@tanstack/react-router';
import type { RouterContext } from '../../lib/routing';
import { requireSession, rootRoute } from '../../shell-routes';
import { homeFor } from '../auth/session';
import { portalHomeQuery } from './api';

/** Portal pages are for client users; anyone else goes to their own home. */
const clientsOnly = async ({ context, location }: { context: RouterContext; location: ParsedLocation }) => {
  const me = await requireSession(context.queryClient, location);
  if (me.user.role !== 'client') throw redirect({ to: homeFor(me.user.role) });
};

const page = <P extends string>(path: P, component: ReturnType<typeof lazyRouteComponent>) =>
  createRoute({ getParentRoute: () => rootRoute, path, beforeLoad: clientsOnly, component });

export function portalRoutes() {
  const home = createRoute({
    getParentRoute: () => rootRoute,
    path: 'portal',
    beforeLoad: clientsOnly,
    // The start page's data is asked for while its code downloads.
    loader: ({ context }) => void context.queryClient.prefetchQuery(portalHomeQuery),
    component: lazyRouteComponent(() => import('./PortalHomePage'), 'PortalHomePage'),
  });
  return [
    home,
    page(
      'portal/projects',
      lazyRouteComponent(() => import('./PortalProjectsPage'), 'PortalProjectsPage'),
    ),
    page(
      'portal/projects/$projectId',
      lazyRouteComponent(() => import('./PortalProjectPage'), 'PortalProjectPage'),
    ),
    page(
      'portal/documents',
      lazyRouteComponent(() => import('./PortalDocumentsPage'), 'PortalDocumentsPage'),
    ),
    page(
      'portal/documents/$documentId',
      lazyRouteComponent(() => import('./PortalDocumentPage'), 'PortalDocumentPage'),
    ),
    page(
      'portal/invoices',
      lazyRouteComponent(() => import('./PortalInvoicesPage'), 'PortalInvoicesPage'),
    ),
    page(
      'portal/requests',
      lazyRouteComponent(() => import('../messages/PortalRequestsPage'), 'PortalRequestsPage'),
    ),
    page(
      'portal/claims',
      lazyRouteComponent(() => import('../claims/PortalClaimsPage'), 'PortalClaimsPage'),
    ),
    page(
      'portal/manager',
      lazyRouteComponent(() => import('./PortalManagerPage'), 'PortalManagerPage'),
    ),
    page(
      'portal/surveys',
      lazyRouteComponent(() => import('../surveys/PortalSurveysPage'), 'PortalSurveysPage'),
    ),
    page(
      'portal/proposals',
      lazyRouteComponent(() => import('../proposals/PortalProposalsPage'), 'PortalProposalsPage'),
    ),
    page(
      'portal/notifications',
      lazyRouteComponent(() => import('../notifications/PortalNotificationsPage'), 'PortalNotificationsPage'),
    ),
  ] as const;
}
