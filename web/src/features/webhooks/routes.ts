/** Settings → Webhooks (admins). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan } from '../../lib/routing';

export function webhookRoutes(appRoute: AppRoute) {
  const settings = createRoute({
    getParentRoute: () => appRoute,
    path: 'settings/webhooks',
    beforeLoad: onlyIfCan('manageSettings'),
    component: lazyRouteComponent(() => import('./WebhooksPage'), 'WebhooksPage'),
  });
  return [settings] as const;
}
