/** The sales report's page, its own lazily loaded chunk (the charts library comes with it). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan, textParams } from '../../lib/routing';

export function salesReportRoutes(appRoute: AppRoute) {
  const report = createRoute({
    getParentRoute: () => appRoute,
    path: 'sales-report',
    // Whoever sees deals sees the report on them.
    beforeLoad: onlyIfCan('seeInteractions'),
    validateSearch: textParams('from', 'to', 'owner'),
    component: lazyRouteComponent(() => import('./SalesReportPage'), 'SalesReportPage'),
  });
  return [report] as const;
}
