/** The deals pages: the list of deals and the pipeline's settings; each is its own lazily loaded chunk. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan, textParams } from '../../lib/routing';

export function dealRoutes(appRoute: AppRoute) {
  const deals = createRoute({
    getParentRoute: () => appRoute,
    path: 'deals',
    // Deals are internal records: those who see interactions see them.
    beforeLoad: onlyIfCan('seeInteractions'),
    validateSearch: textParams('whose', 'state', 'stage', 'from', 'to', 'sort', 'view', 'owner'),
    component: lazyRouteComponent(() => import('./DealsPage'), 'DealsPage'),
  });
  const settings = createRoute({
    getParentRoute: () => appRoute,
    path: 'settings/deals',
    beforeLoad: onlyIfCan('manageSettings'),
    component: lazyRouteComponent(() => import('./DealSettingsPage'), 'DealSettingsPage'),
  });
  return [deals, settings] as const;
}
