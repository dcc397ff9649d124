/** The claims pages: the list, one claim, and the settings; each is its own lazily loaded chunk. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan, textParams } from '../../lib/routing';

export function claimRoutes(appRoute: AppRoute) {
  // Claims are internal records (root causes, notes): those who see interactions see them.
  const claims = createRoute({
    getParentRoute: () => appRoute,
    path: 'claims',
    beforeLoad: onlyIfCan('seeInteractions'),
    validateSearch: textParams('status', 'severity', 'category', 'breached', 'q'),
    component: lazyRouteComponent(() => import('./ClaimsPage'), 'ClaimsPage'),
  });
  const claim = createRoute({
    getParentRoute: () => appRoute,
    path: 'claims/$claimId',
    beforeLoad: onlyIfCan('seeInteractions'),
    component: lazyRouteComponent(() => import('./ClaimPage'), 'ClaimPage'),
  });
  const settings = createRoute({
    getParentRoute: () => appRoute,
    path: 'settings/claims',
    beforeLoad: onlyIfCan('manageSettings'),
    component: lazyRouteComponent(() => import('./ClaimSettingsPage'), 'ClaimSettingsPage'),
  });
  return [claims, claim, settings] as const;
}
