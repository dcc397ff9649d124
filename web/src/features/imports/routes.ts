/** The import page: admins and managers (who may open accounts) bring spreadsheets in. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan } from '../../lib/routing';

export function importRoutes(appRoute: AppRoute) {
  const page = createRoute({
    getParentRoute: () => appRoute,
    path: 'imports',
    beforeLoad: onlyIfCan('createAccount'),
    component: lazyRouteComponent(() => import('./ImportPage'), 'ImportPage'),
  });
  return [page] as const;
}
