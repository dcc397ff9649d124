import { defineModule, type ModuleContext } from '../module.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { unassignedAccountAgenda } from './account.agenda.js';
import { accountRoutes } from './account.routes.js';
import { AccountService } from './account.service.js';
import { accountSearch } from './account.search.js';

export type { AccountService, RemovalGuard, UpdateListener } from './account.service.js';
export type { AccountRow } from './account.presenter.js';
export type { FlagSource } from './account.flags.js';

/** Client companies: status, owner and backup, terms, credit limit, language. */
export function createAccountsModule(
  ctx: ModuleContext,
  deps: { timeline: TimelineLog; users: UserService },
  opts: { defaultCurrency: string },
) {
  const accounts = new AccountService(ctx.db, ctx.clock, deps.timeline, deps.users, opts.defaultCurrency);
  // Deleting an account is refused while it has portal users.
  accounts.addRemovalGuard((trx, accountId) => deps.users.assertNoClientUsers(trx, accountId));
  return defineModule({
    accounts,
    routes: accountRoutes(accounts),
    search: [accountSearch(ctx.db)],
    agenda: [unassignedAccountAgenda(ctx.db)],
    timelineEvents: ['account_created', 'owner_changed', 'status_changed'],
  });
}
