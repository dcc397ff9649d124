import type { AccountService } from '../accounts/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar } from '../settings/index.js';
import { receivablesRoutes } from './receivables.routes.js';
import { ReceivablesService } from './receivables.service.js';
import { StatementService } from './statement.service.js';

/** What clients owe: aging buckets per account and manager, and account statements. */
export function createReceivablesModule(ctx: ModuleContext, deps: { calendar: AgencyCalendar; accounts: AccountService }) {
  const receivables = new ReceivablesService(ctx.db, deps.calendar);
  const statements = new StatementService(ctx.db, deps.calendar, deps.accounts);
  return defineModule({ receivables, statements, routes: receivablesRoutes(receivables, statements) });
}
