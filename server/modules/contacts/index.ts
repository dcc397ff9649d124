import type { AccountService } from '../accounts/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { TimelineLog } from '../timeline/index.js';
import { contactRoutes } from './contact.routes.js';
import { ContactService } from './contact.service.js';
import { contactSearch } from './contact.search.js';

export type { ContactService, PortalAccessListener } from './contact.service.js';
export type { ContactRow } from './contact.presenter.js';
/** A contact's sort name and search text from its fields, as every write computes them (imports write in bulk). */
export { derived as contactDerivedColumns } from './contact.service.js';

/** People at client companies, with their role in the buying decision and portal access. */
export function createContactsModule(ctx: ModuleContext, deps: { accounts: AccountService; timeline: TimelineLog }) {
  const contacts = new ContactService(ctx.db, ctx.clock, deps.accounts, deps.timeline);
  return defineModule({ search: [contactSearch(ctx.db)], contacts, routes: contactRoutes(contacts), timelineEvents: ['contact_added'] });
}
