/** The service catalog's page, its own lazily loaded chunk with its words. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan, textParams } from '../../lib/routing';

export function serviceRoutes(appRoute: AppRoute) {
  const services = createRoute({
    getParentRoute: () => appRoute,
    path: 'services',
    beforeLoad: onlyIfCan('seeServices'),
    validateSearch: textParams('q', 'workKind', 'active'),
    component: lazyRouteComponent(
      () => Promise.all([import('./ServicesPage'), import('./catalogue')]).then(([module]) => module),
      'ServicesPage',
    ),
  });
  return [services] as const;
}
