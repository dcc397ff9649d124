import { defineModule, type ModuleContext } from '../module.js';
import type { RoleSettingsService } from '../tasks/index.js';
import { catalogRoutes } from './catalog.routes.js';
import { CatalogService, type CatalogOptions } from './catalog.service.js';

export type { CatalogService, CatalogOptions } from './catalog.service.js';
export type { CatalogEntry } from './catalog.presenter.js';
export { priceIn } from './catalog.presenter.js';
export { textIn } from './catalog.texts.js';

/**
 * The service catalog: what the agency sells, priced per currency, with the delivery template
 * (milestones and tasks by role) a project started from it follows. Proposals and projects use
 * it through `catalog.servicesByIds`.
 */
export function createCatalogModule(ctx: ModuleContext, deps: { roles: RoleSettingsService }, opts: CatalogOptions) {
  const catalog = new CatalogService(ctx.db, ctx.clock, deps.roles, opts);
  return defineModule({ catalog, routes: catalogRoutes(catalog) });
}
