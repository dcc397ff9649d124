/** The paperwork pages (registry, a document, a new one, agency details, templates); each is its own lazily loaded chunk. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AppRoute } from '../../shell-routes';
import { onlyIfCan, textParams } from '../../lib/routing';

export function documentRoutes(appRoute: AppRoute) {
  const parent = () => appRoute;
  const documents = createRoute({
    getParentRoute: parent,
    path: 'documents',
    beforeLoad: onlyIfCan('seeDocuments'),
    validateSearch: textParams('q', 'kind', 'status', 'accountId', 'from', 'to'),
    component: lazyRouteComponent(() => import('./DocumentsPage'), 'DocumentsPage'),
  });
  const documentNew = createRoute({
    getParentRoute: parent,
    path: 'documents/new',
    beforeLoad: onlyIfCan('createDocument'),
    validateSearch: textParams('accountId', 'projectId', 'kind'),
    component: lazyRouteComponent(() => import('./DocumentCreatePage'), 'DocumentCreatePage'),
  });
  const document = createRoute({
    getParentRoute: parent,
    path: 'documents/$documentId',
    beforeLoad: onlyIfCan('seeDocuments'),
    component: lazyRouteComponent(() => import('./DocumentPage'), 'DocumentPage'),
  });
  const documentEdit = createRoute({
    getParentRoute: parent,
    path: 'documents/$documentId/edit',
    beforeLoad: onlyIfCan('seeDocuments'),
    component: lazyRouteComponent(() => import('./DocumentEditPage'), 'DocumentEditPage'),
  });
  const agency = createRoute({
    getParentRoute: parent,
    path: 'settings/agency',
    beforeLoad: onlyIfCan('manageSettings'),
    component: lazyRouteComponent(() => import('./AgencyPage'), 'AgencyPage'),
  });
  const templates = createRoute({
    getParentRoute: parent,
    path: 'settings/templates',
    beforeLoad: onlyIfCan('manageSettings'),
    component: lazyRouteComponent(() => import('./TemplatesPage'), 'TemplatesPage'),
  });
  return [documents, documentNew, document, documentEdit, agency, templates] as const;
}
