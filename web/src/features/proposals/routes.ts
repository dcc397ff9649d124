/** The proposals' pages: one proposal (staff), and the page of the client's emailed link (anyone). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { rootRoute } from '../../shell-routes';
import { onlyIfCan } from '../../lib/routing';

export function proposalRoutes(appRoute: AppRoute) {
  const proposal = createRoute({
    getParentRoute: () => appRoute,
    path: 'proposals/$proposalId',
    // Proposals follow deals: those who see internal records see them (the server checks each one).
    beforeLoad: onlyIfCan('seeInteractions'),
    component: lazyRouteComponent(() => import('./ProposalPage'), 'ProposalPage'),
  });
  return [proposal] as const;
}

/** Outside the app's shell: no sign-in asked. */
export const publicProposalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'p/$token',
  component: lazyRouteComponent(() => import('./PublicProposalPage'), 'PublicProposalPage'),
});
