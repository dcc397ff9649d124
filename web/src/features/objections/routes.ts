/** The objections page: categories by frequency and win rate after each, and each category's playbook. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan, textParams } from '../../lib/routing';

export function objectionRoutes(appRoute: AppRoute) {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: 'objections',
      // Objections follow deals: those who see internal records see them.
      beforeLoad: onlyIfCan('seeInteractions'),
      validateSearch: textParams('category'),
      component: lazyRouteComponent(() => import('./ObjectionsPage'), 'ObjectionsPage'),
    }),
  ] as const;
}
