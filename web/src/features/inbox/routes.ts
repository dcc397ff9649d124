/** The staff member's notification choices; the bell itself lives in the shell's header. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';

export function inboxRoutes(appRoute: AppRoute) {
  const settings = createRoute({
    getParentRoute: () => appRoute,
    path: 'inbox/settings',
    component: lazyRouteComponent(() => import('./InboxSettingsPage'), 'InboxSettingsPage'),
  });
  return [settings] as const;
}
