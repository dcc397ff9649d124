/** The unmatched mail page: mail from the dropbox that matched no account, to file by hand. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { onlyIfCan } from '../../lib/routing';
import type { AppRoute } from '../../shell-routes';

export function dropboxRoutes(appRoute: AppRoute) {
  // Those who log interactions (admins and managers) have a dropbox address, so mail to file.
  const unmatched = createRoute({
    getParentRoute: () => appRoute,
    path: 'mail/unmatched',
    beforeLoad: onlyIfCan('logInteractions'),
    component: lazyRouteComponent(() => import('./UnmatchedMailPage'), 'UnmatchedMailPage'),
  });
  return [unmatched] as const;
}
