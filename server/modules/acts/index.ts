import type { AccountService } from '../accounts/index.js';
import type { InvoiceService } from '../billing/index.js';
import type { DocumentService } from '../documents/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { ProjectService } from '../projects/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { RoleSettingsService } from '../tasks/index.js';
import { ActInvoicing } from './act.invoicing.js';
import { actRoutes } from './act.routes.js';
import { ActService } from './act.service.js';

export type { ActService } from './act.service.js';
export type { ActInvoicing } from './act.invoicing.js';

interface ActsDeps {
  accounts: AccountService;
  projects: ProjectService;
  roles: RoleSettingsService;
  documents: DocumentService;
  invoices: InvoiceService;
  calendar: AgencyCalendar;
}

/** Acts of completed work drafted from delivered work, and the invoice made from a signed act: the chain from delivery to money. */
export function createActsModule(ctx: ModuleContext, deps: ActsDeps) {
  const acts = new ActService(ctx.db, deps.accounts, deps.projects, deps.roles, deps.documents);
  const actInvoicing = new ActInvoicing(ctx.db, ctx.clock, deps.calendar, deps.accounts, deps.documents, deps.invoices);
  return defineModule({ acts, actInvoicing, routes: actRoutes(acts, actInvoicing) });
}
