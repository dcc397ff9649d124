import type { Database } from './db/database.js';
import type { Clock } from './lib/clock.js';
import { AccountService } from './modules/accounts/account.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { TokenService } from './modules/auth/token.service.js';
import { ContactService } from './modules/contacts/contact.service.js';
import { InteractionService } from './modules/interactions/interaction.service.js';
import { TimelineService } from './modules/timeline/timeline.service.js';
import { UserService } from './modules/users/user.service.js';

export interface ServiceOptions {
  sessionTtlMs: number;
  defaultCurrency: string;
}

/** Every domain service, wired once per app instance. */
export function createServices(db: Database, clock: Clock, opts: ServiceOptions) {
  const users = new UserService(db, clock);
  const timeline = new TimelineService(db);
  const accounts = new AccountService(db, clock, timeline, opts.defaultCurrency);
  return {
    users,
    auth: new AuthService(db, clock, users, opts.sessionTtlMs),
    tokens: new TokenService(db, clock),
    timeline,
    accounts,
    contacts: new ContactService(db, clock, accounts, timeline),
    interactions: new InteractionService(db, clock, accounts),
  };
}

export type Services = ReturnType<typeof createServices>;
