/** The cooperation analysis page, its own lazily loaded chunk (the charts library comes with it). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan, textParams } from '../../lib/routing';

export function satisfactionReportRoutes(appRoute: AppRoute) {
  const report = createRoute({
    getParentRoute: () => appRoute,
    path: 'satisfaction-report',
    // Those who read internal records (managers, admins, finance) read the analysis of them.
    beforeLoad: onlyIfCan('seeInteractions'),
    validateSearch: textParams('from', 'to', 'owner', 'account'),
    component: lazyRouteComponent(() => import('./SatisfactionReportPage'), 'SatisfactionReportPage'),
  });
  return [report] as const;
}
