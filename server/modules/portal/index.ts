import { defineModule, type ModuleContext } from '../module.js';
import { PortalHomeService, type PortalHomeDeps } from './portal-home.service.js';
import { portalRoutes } from './portal.routes.js';

/** The client portal's own pages, built from what the other modules already show a client user. */
export function createPortalModule(ctx: ModuleContext, deps: PortalHomeDeps) {
  const portalHome = new PortalHomeService(ctx.db, deps);
  return defineModule({ portalHome, routes: portalRoutes(portalHome) });
}
