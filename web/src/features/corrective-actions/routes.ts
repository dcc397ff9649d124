/** The corrective actions' pages: the list and one action; each is its own lazily loaded chunk. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan, textParams } from '../../lib/routing';

export function correctiveActionRoutes(appRoute: AppRoute) {
  // Internal records, like the claims they are about: those who see interactions see them.
  const list = createRoute({
    getParentRoute: () => appRoute,
    path: 'corrective-actions',
    beforeLoad: onlyIfCan('seeInteractions'),
    validateSearch: textParams('status', 'rootCause', 'ownerId'),
    component: lazyRouteComponent(() => import('./CorrectiveActionsPage'), 'CorrectiveActionsPage'),
  });
  const one = createRoute({
    getParentRoute: () => appRoute,
    path: 'corrective-actions/$actionId',
    beforeLoad: onlyIfCan('seeInteractions'),
    component: lazyRouteComponent(() => import('./CorrectiveActionPage'), 'CorrectiveActionPage'),
  });
  return [list, one] as const;
}
