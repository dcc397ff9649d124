/** The loyalty programme's settings page (admins); an account's standing is a tab of its page. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan } from '../../lib/routing';

export function loyaltyRoutes(appRoute: AppRoute) {
  const settings = createRoute({
    getParentRoute: () => appRoute,
    path: 'settings/loyalty',
    beforeLoad: onlyIfCan('manageSettings'),
    component: lazyRouteComponent(() => import('./LoyaltySettingsPage'), 'LoyaltySettingsPage'),
  });
  return [settings] as const;
}
