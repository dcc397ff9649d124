/** The surveys' pages: the settings (admins), the page of an emailed link (anyone) and the portal's list (clients). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { rootRoute } from '../../shell-routes';
import { onlyIfCan } from '../../lib/routing';

export function surveyRoutes(appRoute: AppRoute) {
  const settings = createRoute({
    getParentRoute: () => appRoute,
    path: 'settings/surveys',
    beforeLoad: onlyIfCan('manageSettings'),
    component: lazyRouteComponent(() => import('./SurveySettingsPage'), 'SurveySettingsPage'),
  });
  return [settings] as const;
}

/** Outside the app's shell: no sign-in asked. */
export const publicSurveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 's/$token',
  component: lazyRouteComponent(() => import('./PublicSurveyPage'), 'PublicSurveyPage'),
});
