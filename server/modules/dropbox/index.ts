import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountService } from '../accounts/index.js';
import type { ContactService } from '../contacts/index.js';
import type { InteractionService } from '../interactions/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { UserService } from '../users/index.js';
import { DropboxAddresses, dropboxDomain } from './dropbox.addresses.js';
import { DropboxInbox } from './dropbox.inbox.js';
import { DropboxRepository } from './dropbox.repository.js';
import { dropboxRoutes } from './dropbox.routes.js';
import { InboundMail } from './mail.inbound.js';
import { startInboundSmtp, type InboundSmtp } from './mail.listener.js';
import type { MailLimits } from './mail.parse.js';

export type { InboundSmtp } from './mail.listener.js';
export type { MailLimits } from './mail.parse.js';
export { DEFAULT_MAIL_LIMITS } from './mail.listener.js';

/**
 * The email dropbox: a BCC address per manager and per account; mail sent to them arrives
 * through the built-in SMTP listener (started by the app when INBOUND_SMTP_PORT is set) and is
 * logged on the account it is about, or waits in the unmatched inbox to be filed by hand.
 */
export function createDropboxModule(
  ctx: ModuleContext,
  deps: { accounts: AccountService; contacts: ContactService; users: UserService; interactions: InteractionService },
  opts: { domain?: string; publicUrl?: string },
) {
  const repo = new DropboxRepository(ctx.db);
  const dropboxAddresses = new DropboxAddresses(repo, ctx.clock, deps.accounts, dropboxDomain(opts.domain, opts.publicUrl));
  const inboundMail = new InboundMail(
    ctx.db,
    ctx.clock,
    repo,
    dropboxAddresses,
    deps.accounts,
    deps.contacts,
    deps.users,
    deps.interactions,
  );
  const dropboxInbox = new DropboxInbox(ctx.db, ctx.clock, repo, inboundMail, deps.accounts, deps.interactions);
  const routes: FastifyPluginAsyncZod = dropboxRoutes(dropboxAddresses, dropboxInbox);
  return defineModule({
    dropboxAddresses,
    inboundMail,
    dropboxInbox,
    /** Starts the SMTP listener on a port (0: any free one); the caller closes it. */
    startInboundSmtp: (listen: { port: number; host?: string; limits?: MailLimits }): Promise<InboundSmtp> =>
      startInboundSmtp(inboundMail, { ...listen, log: ctx.log }),
    routes,
  });
}
