/** The privacy settings page (admins): how long interactions are kept. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan } from '../../lib/routing';

export function privacyRoutes(appRoute: AppRoute) {
  const settings = createRoute({
    getParentRoute: () => appRoute,
    path: 'settings/privacy',
    beforeLoad: onlyIfCan('manageSettings'),
    component: lazyRouteComponent(() => import('./PrivacySettingsPage'), 'PrivacySettingsPage'),
  });
  return [settings] as const;
}
