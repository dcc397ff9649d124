import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyService } from '../documents/index.js';
import { PortalHomeService, type PortalHomeDeps } from './portal-home.service.js';
import { PortalManagerService, type PortalManagerDeps } from './portal-manager.service.js';
import { PortalPaymentService } from './portal-payment.service.js';
import { portalRoutes } from './portal.routes.js';

/** The client portal's own pages, built from what the other modules already show a client user. */
export function createPortalModule(ctx: ModuleContext, deps: PortalHomeDeps & PortalManagerDeps & { agency: AgencyService }) {
  const portalHome = new PortalHomeService(ctx.db, deps);
  const portalManager = new PortalManagerService(deps);
  const portalPayment = new PortalPaymentService(deps.agency);
  return defineModule({ portalHome, portalManager, portalPayment, routes: portalRoutes(portalHome, portalManager, portalPayment) });
}
