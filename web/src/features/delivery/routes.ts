/** The delivery pages (projects, tasks, reports, settings); each is its own lazily loaded chunk. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan, textParams } from '../../lib/routing';

/** A page's chunk together with the delivery pages' words, so it never renders before them. */
const withWords = <T>(page: Promise<T>) => Promise.all([page, import('./catalogue')]).then(([module]) => module);

/** The delivery routes under the staff shell, for the router's tree. */
export function deliveryRoutes(appRoute: AppRoute) {
  const parent = () => appRoute;
  const projects = createRoute({
    getParentRoute: parent,
    path: 'projects',
    validateSearch: textParams('q', 'stage'),
    component: lazyRouteComponent(() => withWords(import('../projects/ProjectsPage')), 'ProjectsPage'),
  });
  const projectNew = createRoute({
    getParentRoute: parent,
    path: 'projects/new',
    beforeLoad: onlyIfCan('createProject'),
    validateSearch: textParams('accountId'),
    component: lazyRouteComponent(() => withWords(import('../projects/ProjectCreatePage')), 'ProjectCreatePage'),
  });
  // Specialists open a project through their tasks, so the page itself is for all staff.
  const project = createRoute({
    getParentRoute: parent,
    path: 'projects/$projectId',
    validateSearch: textParams('tab'),
    component: lazyRouteComponent(() => withWords(import('../projects/ProjectPage')), 'ProjectPage'),
  });
  // Whether this project may be changed is the project's own `can.update`, checked by the page.
  const projectEdit = createRoute({
    getParentRoute: parent,
    path: 'projects/$projectId/edit',
    component: lazyRouteComponent(() => withWords(import('../projects/ProjectEditPage')), 'ProjectEditPage'),
  });
  const myWork = createRoute({
    getParentRoute: parent,
    path: 'my-work',
    beforeLoad: onlyIfCan('takeTasks'),
    validateSearch: textParams('show'),
    component: lazyRouteComponent(() => withWords(import('../tasks/MyWorkPage')), 'MyWorkPage'),
  });
  // Everyone who may read a task opens it (the API answers "not found" to others); changing it is the task's own `can`.
  const task = createRoute({
    getParentRoute: parent,
    path: 'tasks/$taskId',
    component: lazyRouteComponent(() => withWords(import('../tasks/TaskPage')), 'TaskPage'),
  });
  const taskEdit = createRoute({
    getParentRoute: parent,
    path: 'tasks/$taskId/edit',
    component: lazyRouteComponent(() => withWords(import('../tasks/TaskEditPage')), 'TaskEditPage'),
  });
  const monitoring = createRoute({
    getParentRoute: parent,
    path: 'delivery',
    beforeLoad: onlyIfCan('seeDelivery'),
    validateSearch: textParams('scope', 'ownerId'),
    component: lazyRouteComponent(() => withWords(import('./DeliveryPage')), 'DeliveryPage'),
  });
  const workload = createRoute({
    getParentRoute: parent,
    path: 'workload',
    beforeLoad: onlyIfCan('seeWorkload'),
    validateSearch: textParams('weeks'),
    component: lazyRouteComponent(() => withWords(import('./WorkloadPage')), 'WorkloadPage'),
  });
  const portfolio = createRoute({
    getParentRoute: parent,
    path: 'portfolio',
    beforeLoad: onlyIfCan('seePortfolio'),
    validateSearch: textParams('scope', 'ownerId'),
    component: lazyRouteComponent(() => withWords(import('./PortfolioPage')), 'PortfolioPage'),
  });
  const settings = createRoute({
    getParentRoute: parent,
    path: 'settings/delivery',
    beforeLoad: onlyIfCan('manageSettings'),
    validateSearch: textParams('kind'),
    component: lazyRouteComponent(() => withWords(import('./DeliverySettingsPage')), 'DeliverySettingsPage'),
  });
  return [projects, projectNew, project, projectEdit, myWork, task, taskEdit, monitoring, workload, portfolio, settings] as const;
}
