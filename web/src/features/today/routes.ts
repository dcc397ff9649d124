/** Today's settings page (admins); Today itself is the app's landing route. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan } from '../../lib/routing';

export function todayRoutes(appRoute: AppRoute) {
  const settings = createRoute({
    getParentRoute: () => appRoute,
    path: 'settings/today',
    beforeLoad: onlyIfCan('manageSettings'),
    component: lazyRouteComponent(() => import('./TodaySettingsPage'), 'TodaySettingsPage'),
  });
  return [settings] as const;
}
